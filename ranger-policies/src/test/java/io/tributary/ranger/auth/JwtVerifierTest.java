package io.tributary.ranger.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import io.tributary.contract.TenantId;
import io.tributary.ranger.Principal;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class JwtVerifierTest {
  private static final String ISSUER = "https://idp.example.test/realms/tributary";
  private static RSAKey rsa;
  private static ECKey ec;
  private static HttpServer server;
  private static final AtomicInteger JWKS_FETCHES = new AtomicInteger();

  @BeforeAll
  static void startIssuer() throws Exception {
    rsa = new RSAKeyGenerator(2048).keyID("rsa-1").generate();
    ec = new ECKeyGenerator(Curve.P_256).keyID("ec-1").generate();
    byte[] jwks =
        new JWKSet(List.<JWK>of(rsa.toPublicJWK(), ec.toPublicJWK()))
            .toString()
            .getBytes(StandardCharsets.UTF_8);
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext(
        "/jwks.json",
        exchange -> {
          JWKS_FETCHES.incrementAndGet();
          exchange.getResponseHeaders().add("Content-Type", "application/json");
          exchange.sendResponseHeaders(200, jwks.length);
          try (OutputStream out = exchange.getResponseBody()) {
            out.write(jwks);
          }
        });
    server.start();
  }

  @AfterAll
  static void stopIssuer() {
    server.stop(0);
  }

  private static JwtVerifier verifier(String audience) {
    URI jwks = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/jwks.json");
    return new JwtVerifier(
        new JwtConfig(
            ISSUER,
            audience,
            jwks,
            "preferred_username",
            "groups",
            "realm_access.roles",
            "tenant",
            Duration.ofSeconds(5)));
  }

  @Test
  void shouldMapClaimsOfAnRs256TokenToAPrincipal() throws Exception {
    String token =
        sign(
            new RSASSASigner(rsa), JWSAlgorithm.RS256, rsa.getKeyID(), claims(ISSUER, 300).build());
    Principal principal = verifier("tributary").verify(token);
    assertThat(principal)
        .isEqualTo(
            new Principal("alice", Set.of("analysts"), Set.of("acme.admin"), new TenantId("acme")));
    assertThat(JWKS_FETCHES.get()).isPositive();
  }

  @Test
  void shouldAcceptEs256Tokens() throws Exception {
    String token =
        sign(new ECDSASigner(ec), JWSAlgorithm.ES256, ec.getKeyID(), claims(ISSUER, 300).build());
    assertThat(verifier(null).verify(token).user()).isEqualTo("alice");
  }

  @Test
  void shouldRejectExpiredTokens() throws Exception {
    String token =
        sign(
            new RSASSASigner(rsa),
            JWSAlgorithm.RS256,
            rsa.getKeyID(),
            claims(ISSUER, -600).build());
    assertThatThrownBy(() -> verifier(null).verify(token))
        .isInstanceOf(AuthenticationException.class)
        .hasMessageContaining("Expired JWT");
  }

  @Test
  void shouldRejectTokensOfAnotherIssuer() throws Exception {
    String token =
        sign(
            new RSASSASigner(rsa),
            JWSAlgorithm.RS256,
            rsa.getKeyID(),
            claims("https://evil.example.test", 300).build());
    assertThatThrownBy(() -> verifier(null).verify(token))
        .isInstanceOf(AuthenticationException.class)
        .hasMessageContaining("iss");
  }

  @Test
  void shouldRejectTokensSignedWithAnUnknownKeyOrForAnotherAudience() throws Exception {
    RSAKey other = new RSAKeyGenerator(2048).keyID("rsa-1").generate();
    String forged =
        sign(new RSASSASigner(other), JWSAlgorithm.RS256, "rsa-1", claims(ISSUER, 300).build());
    assertThatThrownBy(() -> verifier(null).verify(forged))
        .isInstanceOf(AuthenticationException.class)
        .hasMessageStartingWith("Bearer token rejected");
    String token =
        sign(
            new RSASSASigner(rsa), JWSAlgorithm.RS256, rsa.getKeyID(), claims(ISSUER, 300).build());
    assertThatThrownBy(() -> verifier("another-service").verify(token))
        .isInstanceOf(AuthenticationException.class)
        .hasMessageContaining("aud");
    assertThatThrownBy(() -> verifier(null).verify("not-a-jwt"))
        .hasMessage("Bearer token is not a JWT");
  }

  @Test
  void shouldAuthenticateBearerJwtsThroughTheAuthenticator() throws Exception {
    String token =
        sign(
            new RSASSASigner(rsa), JWSAlgorithm.RS256, rsa.getKeyID(), claims(ISSUER, 300).build());
    Authenticator auth = new Authenticator(UsersFile.empty(), verifier(null), new SecretHasher());
    assertThat(auth.isOpen()).isFalse();
    assertThat(auth.authenticate("Bearer " + token, null).roles()).containsExactly("acme.admin");
  }

  private static JWTClaimsSet.Builder claims(String issuer, long expiresInSeconds) {
    Instant now = Instant.now();
    return new JWTClaimsSet.Builder()
        .issuer(issuer)
        .subject("0b6f0c1e")
        .audience("tributary")
        .issueTime(Date.from(now.minusSeconds(700)))
        .expirationTime(Date.from(now.plusSeconds(expiresInSeconds)))
        .claim("preferred_username", "alice")
        .claim("groups", List.of("analysts"))
        .claim("realm_access", Map.of("roles", List.of("acme.admin")))
        .claim("tenant", "acme");
  }

  private static String sign(JWSSigner signer, JWSAlgorithm alg, String kid, JWTClaimsSet claims)
      throws JOSEException {
    SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(alg).keyID(kid).build(), claims);
    jwt.sign(signer);
    return jwt.serialize();
  }
}
