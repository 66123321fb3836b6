package io.tributary.ranger.auth;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import io.tributary.contract.TenantId;
import io.tributary.ranger.Principal;
import java.io.File;
import java.io.IOException;
import java.net.MalformedURLException;
import java.text.ParseException;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * Verifies bearer JWTs (RS256 or ES256) against the issuer's JWK set and maps their claims to a
 * {@link Principal}. The JWK set is fetched lazily, cached, and refetched when a token names an
 * unknown key id.
 */
public final class JwtVerifier {
  private final JwtConfig config;
  private final DefaultJWTProcessor<SecurityContext> processor;

  public JwtVerifier(JwtConfig config) {
    this.config = config;
    this.processor = new DefaultJWTProcessor<>();
    processor.setJWSKeySelector(
        new JWSVerificationKeySelector<>(
            Set.of(JWSAlgorithm.RS256, JWSAlgorithm.ES256), keySource(config)));
    DefaultJWTClaimsVerifier<SecurityContext> claims =
        new DefaultJWTClaimsVerifier<>(
            config.audience(),
            new JWTClaimsSet.Builder().issuer(config.issuer()).build(),
            Set.of("exp", config.userClaim()));
    claims.setMaxClockSkew((int) config.clockSkew().toSeconds());
    processor.setJWTClaimsSetVerifier(claims);
  }

  public Principal verify(String token) {
    JWTClaimsSet claims;
    try {
      claims = processor.process(token, null);
    } catch (ParseException e) {
      throw new AuthenticationException("Bearer token is not a JWT");
    } catch (BadJOSEException | JOSEException e) {
      throw new AuthenticationException("Bearer token rejected: " + e.getMessage());
    }
    Object user = claim(claims.getClaims(), config.userClaim());
    if (!(user instanceof String name) || name.isBlank()) {
      throw new AuthenticationException(
          "Bearer token has no string claim '" + config.userClaim() + "'");
    }
    Object tenant = claim(claims.getClaims(), config.tenantClaim());
    try {
      return new Principal(
          name,
          strings(claim(claims.getClaims(), config.groupsClaim())),
          strings(claim(claims.getClaims(), config.rolesClaim())),
          tenant instanceof String value ? new TenantId(value) : null);
    } catch (IllegalArgumentException e) {
      throw new AuthenticationException("Bearer token claims are invalid: " + e.getMessage());
    }
  }

  private static JWKSource<SecurityContext> keySource(JwtConfig config) {
    try {
      if ("file".equals(config.jwksUri().getScheme())) {
        return new ImmutableJWKSet<>(JWKSet.load(new File(config.jwksUri())));
      }
      return JWKSourceBuilder.create(config.jwksUri().toURL()).retrying(true).build();
    } catch (MalformedURLException e) {
      throw new IllegalArgumentException("JWK set URI " + config.jwksUri() + " is not a URL", e);
    } catch (IOException | ParseException e) {
      throw new IllegalArgumentException(
          "JWK set file " + config.jwksUri() + " cannot be read: " + e.getMessage(), e);
    }
  }

  /** Follows a dotted path into nested claim objects. */
  private static Object claim(Map<String, Object> claims, String path) {
    Object value = claims;
    for (String part : path.split("\\.")) {
      if (!(value instanceof Map<?, ?> map)) {
        return null;
      }
      value = map.get(part);
    }
    return value;
  }

  private static Set<String> strings(Object value) {
    Set<String> values = new LinkedHashSet<>();
    if (value instanceof Collection<?> collection) {
      collection.forEach(v -> values.add(String.valueOf(v)));
    } else if (value instanceof String text && !text.isBlank()) {
      values.add(text);
    }
    return values;
  }
}
