package io.tributary.ranger.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tributary.contract.TenantId;
import io.tributary.ranger.Principal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UserAdminTest {
  private static final TenantId ACME = new TenantId("acme");
  private static final String PASSWORD = "correct horse";

  private final SecretHasher hasher = new SecretHasher(new SecureRandom(), 1_000);
  @TempDir Path dir;
  private Path file;
  private UsersStore store;
  private UserAdmin admin;
  private Authenticator authenticator;

  @BeforeEach
  void open() {
    file = dir.resolve("conf").resolve("users.json");
    store = UsersStore.open(file);
    admin = new UserAdmin(store, hasher, new ApiKeys(new SecureRandom(), hasher));
    authenticator = new Authenticator(seedUsers(), null, hasher);
    store.subscribe(authenticator::replaceUsers);
  }

  /** Not empty, so that the authenticator is not open; the store replaces them at once. */
  private UsersFile seedUsers() {
    return UsersFile.empty()
        .withUser(
            new UserEntry(
                "seed", hasher.hashPassword("seed-pass".toCharArray()), null, null, null));
  }

  @Test
  void shouldCreateAMissingFileOwnerOnlyWithHashesOnly() throws Exception {
    admin.addUser("alice", PASSWORD.toCharArray(), Set.of("analysts"), Set.of("acme.admin"), ACME);

    assertThat(file).exists();
    assertThat(Files.getPosixFilePermissions(file))
        .isEqualTo(PosixFilePermissions.fromString("rw-------"));
    String text = Files.readString(file);
    assertThat(text).contains("\"alice\"").contains("pbkdf2-sha256$1000$").doesNotContain(PASSWORD);
    try (Stream<Path> siblings = Files.list(file.getParent())) {
      assertThat(siblings).containsExactly(file);
    }
    assertThat(UsersFile.load(file).user("alice").orElseThrow().roles())
        .containsExactly("acme.admin");
  }

  @Test
  void shouldPutEachChangeInForceAtOnce() {
    admin.addUser("alice", PASSWORD.toCharArray(), Set.of(), Set.of("acme.admin"), ACME);
    assertThat(authenticator.authenticate(basic("alice", PASSWORD), null))
        .isEqualTo(new Principal("alice", Set.of(), Set.of("acme.admin"), ACME));

    admin.changePassword("alice", "a new passphrase".toCharArray());
    assertThatThrownBy(() -> authenticator.authenticate(basic("alice", PASSWORD), null))
        .isInstanceOf(AuthenticationException.class);
    assertThat(authenticator.authenticate(basic("alice", "a new passphrase"), null).user())
        .isEqualTo("alice");

    ApiKeys.Issued key = admin.createApiKey("alice", null, null, null);
    assertThat(authenticator.authenticate(null, key.key()))
        .isEqualTo(new Principal("alice", Set.of(), Set.of("acme.admin"), ACME));
    admin.revokeApiKey(key.entry().id());
    assertThatThrownBy(() -> authenticator.authenticate(null, key.key()))
        .hasMessage("API key is not valid");
  }

  @Test
  void shouldRemoveAUserTogetherWithTheKeysActingAsIt() {
    admin.addUser("alice", PASSWORD.toCharArray(), Set.of(), Set.of("acme.reader"), ACME);
    ApiKeys.Issued alices = admin.createApiKey("alice", null, null, null);
    ApiKeys.Issued bots = admin.createApiKey("ingest-bot", null, Set.of("acme.writer"), ACME);

    assertThat(admin.removeUser("alice")).containsExactly(alices.entry());

    assertThatThrownBy(() -> authenticator.authenticate(basic("alice", PASSWORD), null))
        .hasMessage("User name or password is wrong");
    assertThatThrownBy(() -> authenticator.authenticate(null, alices.key()))
        .hasMessage("API key is not valid");
    assertThat(authenticator.authenticate(null, bots.key()).user()).isEqualTo("ingest-bot");
    assertThat(UsersFile.load(file).apiKeys()).containsExactly(bots.entry());
  }

  @Test
  void shouldGiveAKeyTheUsersRolesUnlessTheRequestNamesItsOwn() {
    admin.addUser("alice", PASSWORD.toCharArray(), Set.of("analysts"), Set.of("acme.admin"), ACME);

    ApiKeyEntry inherited = admin.createApiKey("alice", null, null, null).entry();
    ApiKeyEntry narrowed = admin.createApiKey("alice", null, Set.of("acme.reader"), null).entry();
    ApiKeyEntry service = admin.createApiKey("ingest-bot", null, null, null).entry();

    assertThat(inherited.groups()).containsExactly("analysts");
    assertThat(inherited.roles()).containsExactly("acme.admin");
    assertThat(inherited.tenant()).isEqualTo(ACME);
    assertThat(narrowed.roles()).containsExactly("acme.reader");
    assertThat(narrowed.groups()).containsExactly("analysts");
    assertThat(service.roles()).isEmpty();
    assertThat(service.tenant()).isNull();
    assertThat(admin.apiKeys()).hasSize(3);
  }

  @Test
  void shouldRefuseDuplicatesAndUnknownNames() {
    admin.addUser("alice", PASSWORD.toCharArray(), null, null, null);

    assertThatThrownBy(() -> admin.addUser("alice", PASSWORD.toCharArray(), null, null, null))
        .isInstanceOf(UserExistsException.class)
        .hasMessage("User 'alice' already exists");
    assertThatThrownBy(() -> admin.changePassword("bob", PASSWORD.toCharArray()))
        .isInstanceOf(UserNotFoundException.class)
        .hasMessage("User 'bob' not found");
    assertThatThrownBy(() -> admin.removeUser("bob")).isInstanceOf(UserNotFoundException.class);
    assertThatThrownBy(() -> admin.revokeApiKey("abc123"))
        .isInstanceOf(ApiKeyNotFoundException.class)
        .hasMessage("API key 'abc123' not found");
  }

  @Test
  void shouldRefuseNamesThatAreNotCanonicalInsteadOfTrimmingThem() {
    for (String name : new String[] {" alice", "alice ", "alice\n", "al ice", "", "_x", "a:b"}) {
      assertThatThrownBy(() -> admin.addUser(name, PASSWORD.toCharArray(), null, null, null))
          .as("user name '%s'", name)
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("is invalid: use " + AuthNames.USER_SYNTAX);
    }
    assertThatThrownBy(() -> admin.addUser("alice\t", PASSWORD.toCharArray(), null, null, null))
        .hasMessage("User name 'alice\\u0009' is invalid: use " + AuthNames.USER_SYNTAX);
    assertThatThrownBy(
            () -> admin.addUser("alice", PASSWORD.toCharArray(), null, Set.of("acme.admin "), null))
        .hasMessage("The role name 'acme.admin ' starts or ends with white space");
    assertThatThrownBy(() -> admin.createApiKey("bob", Set.of("a\u0007b"), null, null))
        .hasMessage("The group name 'a\\u0007b' contains a control character");
    assertThatThrownBy(() -> admin.revokeApiKey("ab_c"))
        .hasMessage("API key id 'ab_c' is invalid: use " + AuthNames.API_KEY_ID_SYNTAX);
    assertThat(file).doesNotExist();
  }

  @Test
  void shouldRefuseShortPasswordsAndPasswordsWithLineEnds() {
    assertThatThrownBy(() -> admin.addUser("alice", "short".toCharArray(), null, null, null))
        .hasMessage("The password is shorter than 8 characters");
    assertThatThrownBy(
            () -> admin.addUser("alice", (PASSWORD + "\n").toCharArray(), null, null, null))
        .hasMessageContaining("control character");
    assertThat(admin.users()).isEmpty();
  }

  private static String basic(String user, String password) {
    return "Basic "
        + Base64.getEncoder()
            .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
  }
}
