package io.tributary.ranger.auth;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;

/**
 * How bearer JWTs are verified and read.
 *
 * @param issuer the required {@code iss}
 * @param audience the required {@code aud}, or null to accept any
 * @param jwksUri the issuer's JWK set ({@code https://idp/.well-known/jwks.json}), or a {@code
 *     file:} URI
 * @param userClaim claim holding the user name ({@code sub}, {@code preferred_username})
 * @param groupsClaim claim holding groups; dots walk into objects ({@code realm_access.groups})
 * @param rolesClaim claim holding Ranger roles
 * @param tenantClaim claim holding the home tenant
 * @param clockSkew tolerance on {@code exp} and {@code nbf}
 */
public record JwtConfig(
    String issuer,
    String audience,
    URI jwksUri,
    String userClaim,
    String groupsClaim,
    String rolesClaim,
    String tenantClaim,
    Duration clockSkew) {
  public JwtConfig {
    Objects.requireNonNull(issuer, "issuer");
    Objects.requireNonNull(jwksUri, "jwksUri");
    userClaim = userClaim == null ? "sub" : userClaim;
    groupsClaim = groupsClaim == null ? "groups" : groupsClaim;
    rolesClaim = rolesClaim == null ? "roles" : rolesClaim;
    tenantClaim = tenantClaim == null ? "tenant" : tenantClaim;
    clockSkew = clockSkew == null ? Duration.ofSeconds(60) : clockSkew;
  }

  public static JwtConfig of(String issuer, URI jwksUri) {
    return new JwtConfig(issuer, null, jwksUri, null, null, null, null, null);
  }
}
