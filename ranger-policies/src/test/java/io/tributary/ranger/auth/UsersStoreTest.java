package io.tributary.ranger.auth;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.tributary.contract.TenantId;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

class UsersStoreTest {
  private static final TenantId ACME = new TenantId("acme");

  private final SecretHasher hasher = new SecretHasher(new SecureRandom(), 1_000);
  private final ApiKeys apiKeys = new ApiKeys(new SecureRandom(), hasher);
  private final ListAppender<ILoggingEvent> log = new ListAppender<>();
  @TempDir Path dir;
  private Path file;
  private ApiKeys.Issued writer;
  private ApiKeys.Issued reader;
  private UsersStore store;
  private Authenticator authenticator;

  @BeforeEach
  void open() {
    Logger logger = (Logger) LoggerFactory.getLogger(UsersStore.class);
    log.start();
    logger.addAppender(log);
    logger.setLevel(Level.INFO);
    file = dir.resolve("users.json");
    writer = apiKeys.issue("acme-writer", Set.of(), Set.of("acme.writer"), ACME);
    reader = apiKeys.issue("acme-reader", Set.of(), Set.of("acme.reader"), ACME);
    UsersFile.empty().withApiKey(writer.entry()).withApiKey(reader.entry()).save(file);
    store = UsersStore.open(file);
    authenticator = new Authenticator(store.current(), null, hasher);
    store.subscribe(authenticator::replaceUsers);
  }

  @AfterEach
  void close() {
    store.close();
    ((Logger) LoggerFactory.getLogger(UsersStore.class)).detachAppender(log);
  }

  @Test
  void shouldPutAnEditOnDiskInForceAtTheNextReload() {
    assertThat(store.reload()).as("unchanged").isFalse();

    UsersFile.empty().withApiKey(reader.entry()).save(file);

    assertThat(store.reload()).isTrue();
    assertThatThrownBy(() -> authenticator.authenticate(null, writer.key()))
        .hasMessage("API key is not valid");
    assertThat(authenticator.authenticate(null, reader.key()).user()).isEqualTo("acme-reader");
    assertThat(messages()).anyMatch(m -> m.contains("reloaded: 0 users, 1 API keys"));
  }

  @Test
  void shouldKeepTheLastGoodContentWhenTheFileBecomesMalformed() throws Exception {
    Files.writeString(file, "{\"users\": [], \"apiKeys\": [");

    assertThat(store.reload()).isFalse();
    assertThat(store.reload()).as("the same bad content is reported once").isFalse();
    assertThat(authenticator.authenticate(null, writer.key()).user()).isEqualTo("acme-writer");
    assertThat(errors())
        .singleElement()
        .satisfies(
            m ->
                assertThat(m)
                    .startsWith("Users file " + file + " is invalid: not JSON")
                    .endsWith(
                        "rejected, the last good version (0 users, 2 API keys) stays in force"));

    // A typo is an error too, rather than a key silently losing its roles.
    String typo =
        new String(UsersFile.empty().withApiKey(reader.entry()).toJson(), UTF_8)
            .replace("\"roles\"", "\"role\"");
    Files.writeString(file, typo);
    assertThat(store.reload()).isFalse();
    assertThat(errors().get(1))
        .contains("API key '" + reader.entry().id() + "' has an unknown member 'role'");
    assertThat(authenticator.authenticate(null, writer.key()).user()).isEqualTo("acme-writer");

    UsersFile.empty().withApiKey(reader.entry()).save(file);
    assertThat(store.reload()).isTrue();
    assertThatThrownBy(() -> authenticator.authenticate(null, writer.key()))
        .isInstanceOf(AuthenticationException.class);
  }

  @Test
  void shouldKeepTheLastGoodContentWhenTheFileGoesMissing() throws Exception {
    Files.delete(file);

    assertThat(store.reload()).isFalse();
    assertThat(store.reload()).isFalse();
    assertThat(authenticator.authenticate(null, writer.key()).user()).isEqualTo("acme-writer");
    assertThat(errors()).singleElement().asString().contains("is missing");
  }

  @Test
  void shouldNotOverwriteAFileThatIsInvalidOnDisk() throws Exception {
    Files.writeString(file, "{\"users\": {}}");
    UserAdmin admin = new UserAdmin(store, hasher, apiKeys);

    assertThatThrownBy(() -> admin.revokeApiKey(writer.entry().id()))
        .isInstanceOf(UsersFileException.class)
        .hasMessage(
            "Users file "
                + file
                + " is invalid: the file: 'users' must be an array; correct it before changing"
                + " users");
    assertThat(Files.readString(file)).isEqualTo("{\"users\": {}}");
    assertThat(authenticator.authenticate(null, writer.key()).user()).isEqualTo("acme-writer");
  }

  @Test
  void shouldApplyAChangeOnTopOfAnEditNotYetReloaded() {
    UsersFile.empty().withApiKey(reader.entry()).save(file);

    new UserAdmin(store, hasher, apiKeys).createApiKey("bot", null, null, null);

    assertThat(store.current().apiKey(writer.entry().id())).isEmpty();
    assertThat(UsersFile.load(file).apiKeys()).hasSize(2);
  }

  @Test
  void shouldPickUpEditsByPolling() {
    store.startPolling(Duration.ofMillis(100));

    UsersFile.empty().withApiKey(writer.entry()).save(file);

    await()
        .atMost(Duration.ofSeconds(5))
        .untilAsserted(
            () ->
                assertThatThrownBy(() -> authenticator.authenticate(null, reader.key()))
                    .hasMessage("API key is not valid"));
  }

  @Test
  void shouldRefuseChangesWithoutAFile() {
    UsersStore none = UsersStore.none();
    assertThat(none.reload()).isFalse();
    assertThatThrownBy(
            () -> new UserAdmin(none, hasher, apiKeys).createApiKey("bot", null, null, null))
        .isInstanceOf(UsersFileException.class)
        .hasMessage("There is no users file to change: none is configured");
  }

  @Test
  void shouldRefuseAFileWithMalformedHashesOrNamesWhenOpened() throws Exception {
    String good = new String(UsersFile.empty().withApiKey(writer.entry()).toJson(), UTF_8);
    Files.writeString(file, good.replace("sha256$", "md5$"));
    assertThatThrownBy(() -> UsersStore.open(file))
        .isInstanceOf(UsersFileException.class)
        .hasMessageContaining("has a 'secret' that is not a sha256$<hash>");

    Files.writeString(file, good.replace("\"acme-writer\"", "\"acme-writer \""));
    assertThatThrownBy(() -> UsersStore.open(file))
        .hasMessageContaining(
            "API key '" + writer.entry().id() + "': User name 'acme-writer ' is invalid");

    Files.writeString(
        file, "{\"users\": [{\"name\": \"bob\", \"password\": \"pbkdf2-sha256$0$AA$AA\"}]}");
    assertThatThrownBy(() -> UsersStore.open(file))
        .hasMessage(
            "Users file "
                + file
                + " is invalid: user 'bob' has a 'password' that is not a"
                + " pbkdf2-sha256$<iterations>$<salt>$<hash>");
  }

  private List<String> messages() {
    return log.list.stream().map(ILoggingEvent::getFormattedMessage).toList();
  }

  private List<String> errors() {
    return log.list.stream()
        .filter(e -> e.getLevel() == Level.ERROR)
        .map(ILoggingEvent::getFormattedMessage)
        .toList();
  }
}
