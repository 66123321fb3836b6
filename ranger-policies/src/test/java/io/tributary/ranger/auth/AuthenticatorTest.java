package io.tributary.ranger.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tributary.contract.TenantId;
import io.tributary.ranger.Principal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AuthenticatorTest {
  private static final TenantId ACME = new TenantId("acme");
  private final SecretHasher hasher = new SecretHasher(new SecureRandom(), 1_000);
  private final ApiKeys apiKeys = new ApiKeys(new SecureRandom(), hasher);
  @TempDir Path dir;

  @Test
  void shouldBeOpenAndActAsLocalPlatformAdminWhenNothingIsConfigured() {
    Authenticator open = Authenticator.open();
    assertThat(open.isOpen()).isTrue();
    assertThat(open.describe()).contains("loopback only");
    assertThat(open.authenticate(null, null)).isEqualTo(Authenticator.LOCAL);
  }

  @Test
  void shouldAuthenticateUsersOfTheUsersFileWithBasicCredentials() {
    Authenticator auth = new Authenticator(usersWithAlice(), null, hasher);
    assertThat(auth.isOpen()).isFalse();
    Principal alice = auth.authenticate(basic("alice", "correct horse"), null);
    assertThat(alice)
        .isEqualTo(new Principal("alice", Set.of("analysts"), Set.of("acme.admin"), ACME));
  }

  @Test
  void shouldRejectWrongPasswordAndUnknownUserAlikeWithoutEchoingSecrets() {
    Authenticator auth = new Authenticator(usersWithAlice(), null, hasher);
    assertThatThrownBy(() -> auth.authenticate(basic("alice", "wrong-pass"), null))
        .isInstanceOf(AuthenticationException.class)
        .hasMessage("User name or password is wrong");
    assertThatThrownBy(() -> auth.authenticate(basic("mallory", "wrong-pass"), null))
        .isInstanceOf(AuthenticationException.class)
        .hasMessage("User name or password is wrong");
    assertThatThrownBy(() -> auth.authenticate(null, null))
        .isInstanceOf(AuthenticationException.class)
        .hasMessage("Credentials are required");
    assertThatThrownBy(() -> auth.authenticate("Digest abc", null))
        .hasMessage("Authorization scheme 'Digest' is not supported");
  }

  @Test
  void shouldAuthenticateApiKeysFromHeaderOrBearerAndRejectWrongSecrets() {
    ApiKeys.Issued issued = apiKeys.issue("ingest-bot", Set.of(), Set.of("acme.writer"), ACME);
    Authenticator auth =
        new Authenticator(UsersFile.empty().withApiKey(issued.entry()), null, hasher);
    Principal expected = new Principal("ingest-bot", Set.of(), Set.of("acme.writer"), ACME);

    assertThat(auth.authenticate(null, issued.key())).isEqualTo(expected);
    assertThat(auth.authenticate("Bearer " + issued.key(), null)).isEqualTo(expected);
    String forged = issued.key().substring(0, issued.key().length() - 4) + "0000";
    assertThatThrownBy(() -> auth.authenticate(null, forged))
        .isInstanceOf(AuthenticationException.class)
        .hasMessage("API key is not valid");
    assertThatThrownBy(() -> auth.authenticate(null, "trb_nosecret"))
        .hasMessage("API key is malformed");
    assertThatThrownBy(() -> auth.authenticate("Bearer eyJhbGciOi.x.y", null))
        .hasMessage("Bearer JWTs are not accepted: no issuer is configured");
  }

  @Test
  void shouldKeepOnlyHashesInTheUsersFileAndSecretsOutOfToString() throws Exception {
    ApiKeys.Issued issued = apiKeys.issue("ingest-bot", Set.of(), Set.of("acme.writer"), ACME);
    UsersFile users = usersWithAlice().withApiKey(issued.entry());
    Path file = dir.resolve("users.json");
    users.save(file);

    String text = Files.readString(file);
    String secret = issued.key().substring(issued.key().lastIndexOf('_') + 1);
    assertThat(text)
        .doesNotContain("correct horse")
        .doesNotContain(secret)
        .contains("pbkdf2-sha256$");
    assertThat(issued.toString()).doesNotContain(secret);
    assertThat(issued.entry().toString()).doesNotContain(issued.entry().secretHash());
    assertThat(users.user("alice").orElseThrow().toString()).doesNotContain("pbkdf2");
    assertThat(users.toString()).doesNotContain("pbkdf2").doesNotContain("sha256");

    Authenticator reloaded = new Authenticator(UsersFile.load(file), null, hasher);
    assertThat(reloaded.authenticate(basic("alice", "correct horse"), null).user())
        .isEqualTo("alice");
    assertThat(reloaded.authenticate(null, issued.key()).user()).isEqualTo("ingest-bot");
  }

  @Test
  void shouldNameTheUsersFileWhenItIsInvalid() throws Exception {
    Path file = dir.resolve("users.json");
    Files.writeString(file, "{\"users\": [{\"name\": \"bob\"}]}");
    assertThatThrownBy(() -> UsersFile.load(file))
        .isInstanceOf(UsersFileException.class)
        .hasMessage("Users file " + file + " is invalid: user 'bob' has no 'password'");
  }

  @Test
  void shouldDecideOnceWhetherItIsOpen() {
    ApiKeys.Issued issued = apiKeys.issue("ingest-bot", Set.of(), Set.of("acme.writer"), ACME);
    Authenticator closed =
        new Authenticator(UsersFile.empty().withApiKey(issued.entry()), null, hasher);
    closed.replaceUsers(UsersFile.empty());
    assertThat(closed.isOpen()).as("no users left must not open it").isFalse();
    assertThatThrownBy(() -> closed.authenticate(null, issued.key()))
        .hasMessage("API key is not valid");
    assertThatThrownBy(() -> closed.authenticate(null, null))
        .hasMessage("Credentials are required");

    Authenticator open = Authenticator.open();
    open.replaceUsers(UsersFile.empty().withApiKey(issued.entry()));
    assertThat(open.isOpen()).as("a server bound for open mode stays open").isTrue();
    assertThat(open.authenticate(null, null)).isEqualTo(Authenticator.LOCAL);
  }

  @Test
  void shouldHashPasswordsWithPbkdf2AndVerifyInConstantTimeFormat() {
    SecretHasher strong = new SecretHasher();
    String hash = strong.hashPassword("s3cret".toCharArray());
    assertThat(hash).startsWith("pbkdf2-sha256$210000$");
    assertThat(strong.verify(hash, "s3cret".toCharArray())).isTrue();
    assertThat(strong.verify(hash, "s3creT".toCharArray())).isFalse();
    assertThat(strong.verify("md5$abc", "s3cret".toCharArray())).isFalse();
    assertThat(strong.verify("pbkdf2-sha256$x$y$z", "s3cret".toCharArray())).isFalse();
  }

  private UsersFile usersWithAlice() {
    return new UsersFile(
        List.of(
            new UserEntry(
                "alice",
                hasher.hashPassword("correct horse".toCharArray()),
                Set.of("analysts"),
                Set.of("acme.admin"),
                ACME)),
        List.of());
  }

  private static String basic(String user, String password) {
    return "Basic "
        + Base64.getEncoder()
            .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
  }
}
