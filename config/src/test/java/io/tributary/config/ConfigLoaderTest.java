package io.tributary.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLoaderTest {
  private static final Setting<Integer> PORT =
      Setting.of("server.port", ValueType.integer(0, 65535), 8080, "The port.");
  private static final Setting<Duration> TIMEOUT =
      Setting.of(
          "client.timeout",
          ValueType.duration(Duration.ZERO, Duration.ofHours(1)),
          Duration.ofSeconds(5),
          "The timeout.");
  private static final Setting<String> TOKEN =
      Setting.of("client.token", ValueType.string(), null, "The token.").asSecret();
  private static final PrefixSetting PASSED =
      new PrefixSetting("engine.", "Passed to the engine.", "engine.threads: 4");
  private static final ConfigDef DECLARED =
      ConfigDef.of(ConfigLoader.CONFIG_FILE, PORT, TIMEOUT, TOKEN).withPrefixes(PASSED);

  @TempDir Path dir;

  @Test
  void shouldMergeDefaultsFileEnvironmentAndFlagsInThatOrder() throws IOException {
    Path file = Files.writeString(dir.resolve("a.properties"), "server.port=1\nengine.x=y\n");
    Map<String, String> env =
        Map.of("TRIBUTARY_CONFIG_FILE", file.toString(), "TRIBUTARY_CLIENT_TIMEOUT", "2s");

    Configuration config =
        new ConfigLoader(DECLARED, env).load(Map.of("client.timeout", "3s", "client.token", "t"));

    assertThat(config.get(PORT)).isEqualTo(1);
    assertThat(config.origin(PORT)).isEqualTo("config file " + file);
    assertThat(config.get(TIMEOUT)).isEqualTo(Duration.ofSeconds(3));
    assertThat(config.withPrefix(PASSED)).containsExactly(Map.entry("x", "y"));
    assertThat(config.toString()).contains("client.token=****").contains("server.port=1");
  }

  @Test
  void shouldDescribeOnlyWhatASourceSetWithSecretsMaskedAndCountTheDefaults() {
    Configuration config =
        new ConfigLoader(DECLARED, Map.of("TRIBUTARY_CLIENT_TIMEOUT", "2s"))
            .load(Map.of("client.token", "secret-value"));

    String described = config.describeSet();

    assertThat(described)
        .contains("client.timeout=PT2S (environment variable TRIBUTARY_CLIENT_TIMEOUT)")
        .contains("client.token=****")
        .doesNotContain("secret-value")
        .doesNotContain("server.port")
        .endsWith("more at their defaults");
  }

  @Test
  void shouldUseADeclaredDefaultWhenNothingIsSet() {
    Configuration config = new ConfigLoader(DECLARED, Map.of()).load(Map.of());

    assertThat(config.get(PORT)).isEqualTo(8080);
    assertThat(config.origin(PORT)).isEqualTo("default");
    assertThat(config.find(TOKEN)).isEmpty();
  }

  @Test
  void shouldRejectAKeyNoModuleDeclaredSuggestingTheNearest() {
    assertThatThrownBy(() -> new ConfigLoader(DECLARED, Map.of()).load(Map.of("server.prot", "1")))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("Unknown configuration key 'server.prot'")
        .hasMessageContaining("did you mean 'server.port'?");
  }

  @Test
  void shouldReadYamlOnlyThroughTheReaderItWasGiven() throws IOException {
    Path file = Files.writeString(dir.resolve("a.yml"), "ignored by the fake reader");
    ConfigLoader plain = new ConfigLoader(DECLARED, Map.of());

    assertThatThrownBy(() -> plain.load(Map.of("config.file", file.toString())))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("is YAML");
    Configuration config =
        plain
            .withYamlReader(f -> Map.of("server.port", "7"))
            .load(Map.of("config.file", file.toString()));
    assertThat(config.get(PORT)).isEqualTo(7);
  }

  @Test
  void shouldTreatTheConfigFileKeyAsUnknownWhenTheProgramDoesNotDeclareIt() {
    ConfigDef withoutFiles = ConfigDef.of(PORT);

    assertThatThrownBy(
            () -> new ConfigLoader(withoutFiles, Map.of()).load(Map.of("config.file", "x")))
        .hasMessageContaining("Unknown configuration key 'config.file'");
  }

  @Test
  void shouldReadAFallbackOnlyForAKeyNoSourceSet() {
    Configuration unset = new ConfigLoader(DECLARED, Map.of()).load(Map.of());
    Configuration set = new ConfigLoader(DECLARED, Map.of()).load(Map.of("client.token", "mine"));

    assertThat(unset.withDefault(TOKEN, "theirs").get(TOKEN)).isEqualTo("theirs");
    assertThat(set.withDefault(TOKEN, "theirs").get(TOKEN)).isEqualTo("mine");
  }
}
