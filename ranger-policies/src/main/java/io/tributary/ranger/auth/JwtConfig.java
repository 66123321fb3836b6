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
    userClaim = userClaim == null ? AuthSettings.JWT_USER_CLAIM.defaultValue() : userClaim;
    groupsClaim = groupsClaim == null ? AuthSettings.JWT_GROUPS_CLAIM.defaultValue() : groupsClaim;
    rolesClaim = rolesClaim == null ? AuthSettings.JWT_ROLES_CLAIM.defaultValue() : rolesClaim;
    tenantClaim = tenantClaim == null ? AuthSettings.JWT_TENANT_CLAIM.defaultValue() : tenantClaim;
    clockSkew = clockSkew == null ? AuthSettings.JWT_CLOCK_SKEW.defaultValue() : clockSkew;
  }

  public static JwtConfig of(String issuer, URI jwksUri) {
    return new JwtConfig(issuer, null, jwksUri, null, null, null, null, null);
  }
}
