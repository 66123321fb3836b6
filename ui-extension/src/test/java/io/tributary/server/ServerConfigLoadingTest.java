package io.tributary.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tributary.config.ConfigException;
import io.tributary.config.Configuration;
import io.tributary.ingest.IngestSettings;
import io.tributary.ranger.audit.AuditSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServerConfigLoadingTest {
  @TempDir Path dir;

  private Path file(String name, String text) throws IOException {
    Path f = dir.resolve(name);
    Files.writeString(f, text);
    return f;
  }

  @Test
  void shouldUseTheDeclaredDefaultsWhenNothingIsSet() {
    Configuration config = Settings.loader(Map.of()).load(Map.of());

    assertThat(config.get(ServerSettings.PORT)).isEqualTo(8080);
    assertThat(config.get(ServerSettings.DATA_DIR)).isEqualTo(Path.of("./tributary-data"));
    assertThat(config.get(ServerSettings.MAX_BODY_BYTES)).isEqualTo(5L * 1024 * 1024);
    assertThat(config.get(ServerSettings.FEED_HEARTBEAT)).isEqualTo(Duration.ofSeconds(15));
    assertThat(config.find(ServerSettings.INGEST_API_KEY)).isEmpty();
    assertThat(config.origin(ServerSettings.PORT)).isEqualTo("default");
  }

  @Test
  void shouldLetTheFileOverrideDefaultsTheEnvironmentTheFileAndFlagsTheEnvironment()
      throws IOException {
    Path f =
        file(
            "tributary.properties",
            "server.port=7001\nserver.host=127.0.0.1\ningest.batch.max=10\n");
    Map<String, String> env =
        Map.of(
            "TRIBUTARY_CONFIG_FILE", f.toString(),
            "TRIBUTARY_SERVER_PORT", "7002",
            "TRIBUTARY_INGEST_BATCH_MAX", "20",
            "PATH", "/usr/bin");

    Configuration config = Settings.loader(env).load(Map.of("server.port", "7003"));

    assertThat(config.get(ServerSettings.PORT)).isEqualTo(7003);
    assertThat(config.origin(ServerSettings.PORT)).isEqualTo("command-line flag");
    assertThat(config.get(IngestSettings.BATCH_MAX)).isEqualTo(20);
    assertThat(config.origin(IngestSettings.BATCH_MAX))
        .isEqualTo("environment variable TRIBUTARY_INGEST_BATCH_MAX");
    assertThat(config.get(ServerSettings.HOST)).isEqualTo("127.0.0.1");
    assertThat(config.origin(ServerSettings.HOST)).isEqualTo("config file " + f);
  }

  @Test
  void shouldPreferTheConfigFileFlagOverTheEnvironment() throws IOException {
    Path fromEnv = file("env.properties", "server.port=7001\n");
    Path fromFlag = file("flag.properties", "server.port=7002\n");

    Configuration config =
        Settings.loader(Map.of("TRIBUTARY_CONFIG_FILE", fromEnv.toString()))
            .load(Map.of("config.file", fromFlag.toString()));

    assertThat(config.get(ServerSettings.PORT)).isEqualTo(7002);
  }

  @Test
  void shouldReadNestedYamlAsDottedKeysAndKeepPassThroughKeys() throws IOException {
    Path f =
        file(
            "tributary.yml",
            """
            server:
              port: 9191
            ingest:
              max-body-bytes: 512KB
            janusgraph:
              storage.berkeleyje.cache-percentage: 20
            namespace:
              cluster:
                "kafka://broker-1.prod:9092": prod
            """);

    Configuration config = Settings.loader(Map.of()).load(Map.of("config.file", f.toString()));

    assertThat(config.get(ServerSettings.PORT)).isEqualTo(9191);
    assertThat(config.get(ServerSettings.MAX_BODY_BYTES)).isEqualTo(512L * 1024);
    assertThat(config.withPrefix(janusGraphPrefix()))
        .containsExactly(Map.entry("storage.berkeleyje.cache-percentage", "20"));
    assertThat(config.withPrefix(IngestSettings.NAMESPACE_CLUSTER))
        .containsExactly(Map.entry("kafka://broker-1.prod:9092", "prod"));
  }

  @Test
  void shouldRejectAnUnknownKeyInTheFileNamingItAndSuggestingTheNearestKey() throws IOException {
    Path f = file("bad.properties", "server.prot=9090\n");

    assertThatThrownBy(() -> Settings.loader(Map.of()).load(Map.of("config.file", f.toString())))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("Unknown configuration key 'server.prot'")
        .hasMessageContaining(f.toString())
        .hasMessageContaining("did you mean 'server.port'?");
  }

  @Test
  void shouldRejectAnEnvironmentVariableThatNamesNoKey() {
    assertThatThrownBy(
            () -> Settings.loader(Map.of("TRIBUTARY_SERVER_PROT", "9090")).load(Map.of()))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining(
            "Environment variable TRIBUTARY_SERVER_PROT names no configuration key")
        .hasMessageContaining("TRIBUTARY_SERVER_PORT");
  }

  @Test
  void shouldRejectABadValueNamingKeyValueAndSource() {
    assertThatThrownBy(
            () -> Settings.loader(Map.of("TRIBUTARY_SERVER_PORT", "eighty")).load(Map.of()))
        .isInstanceOf(ConfigException.class)
        .hasMessage(
            "Configuration key 'server.port' has a bad value 'eighty' from environment variable"
                + " TRIBUTARY_SERVER_PORT: not an integer");
    assertThatThrownBy(() -> Settings.loader(Map.of()).load(Map.of("server.port", "70000")))
        .hasMessageContaining("'70000'")
        .hasMessageContaining("outside 0..65535");
    assertThatThrownBy(
            () -> Settings.loader(Map.of()).load(Map.of("catalog.backend", "embedded-rocks")))
        .hasMessageContaining("'catalog.backend'")
        .hasMessageContaining("'embedded-rocks'")
        .hasMessageContaining("embedded-berkeleyje");
    assertThatThrownBy(
            () -> Settings.loader(Map.of()).load(Map.of("ingest.default-tenant", "Not Valid")))
        .hasMessageContaining("'ingest.default-tenant'")
        .hasMessageContaining("'Not Valid'");
  }

  @Test
  void shouldRejectABadValueInTheFileEvenWhenAFlagOverridesIt() throws IOException {
    Path f = file("bad.properties", "ingest.queue.capacity=lots\n");

    assertThatThrownBy(
            () ->
                Settings.loader(Map.of())
                    .load(Map.of("config.file", f.toString(), "ingest.queue.capacity", "5")))
        .hasMessageContaining("'ingest.queue.capacity'")
        .hasMessageContaining("'lots'")
        .hasMessageContaining("config file " + f);
  }

  @Test
  void shouldRefuseAnAuditSinkNoJarOnTheClassPathProvides() {
    assertThatThrownBy(() -> Settings.loader(Map.of()).load(Map.of("audit.sink", "splunk")))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("'audit.sink'")
        .hasMessageContaining("Audit sink 'splunk' is unknown: use one of log, kafka");
    assertThat(
            Settings.loader(Map.of()).load(Map.of("audit.sink", "kafka")).get(AuditSettings.SINK))
        .isEqualTo("kafka");
  }

  @Test
  void shouldNeverShowASecretValue() {
    Configuration config =
        Settings.loader(Map.of("TRIBUTARY_INGEST_API_KEY", "s3cr3t-key")).load(Map.of());

    assertThat(config.get(ServerSettings.INGEST_API_KEY)).isEqualTo("s3cr3t-key");
    assertThat(config.toString()).contains("ingest.api-key=****").doesNotContain("s3cr3t");
  }

  @Test
  void shouldRejectAMissingConfigFile() {
    Path missing = dir.resolve("missing.yml");

    assertThatThrownBy(
            () -> Settings.loader(Map.of()).load(Map.of("config.file", missing.toString())))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining(missing.toString());
  }

  /** Declared by catalog-janus, which the server finds on its class path at run time only. */
  private static io.tributary.config.PrefixSetting janusGraphPrefix() {
    return Settings.ALL.prefixes().stream()
        .filter(p -> p.prefix().equals("janusgraph."))
        .findFirst()
        .orElseThrow();
  }
}
