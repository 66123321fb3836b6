package io.tributary.emitters;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tributary.config.Setting;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EmitterConfigTest {
  @Test
  void shouldReadDeclaredKeysAndIgnoreForeignOnes() {
    EmitterConfig config =
        EmitterConfig.fromProperties(
            Map.of(
                "bootstrap.servers", "b1:9092",
                "openlineage.namespace", "streams",
                "openlineage.job.name", "orders-enricher",
                "openlineage.tenant", "acme",
                "openlineage.snapshot.interval.ms", 5000,
                "openlineage.queue.capacity", "16",
                "openlineage.transport.type", "http",
                "openlineage.transport.url", "http://catalog:8080",
                "openlineage.cluster.prod", "b1:9092, b2:9092"));

    assertThat(config.namespace()).isEqualTo("streams");
    assertThat(config.jobName()).contains("orders-enricher");
    assertThat(config.tenant()).contains(new Tenant("acme"));
    assertThat(config.snapshotInterval()).isEqualTo(Duration.ofSeconds(5));
    assertThat(config.queueCapacity()).isEqualTo(16);
    assertThat(config.transport())
        .containsEntry("type", "http")
        .containsEntry("url", "http://catalog:8080");
    assertThat(config.clusterResolver().clusterOf("kafka://b2:9092")).contains("prod");
    assertThat(config.clusterResolver().clusterOf("kafka://other:9092")).isEmpty();
  }

  @Test
  void shouldRejectUnknownKeyNamingIt() {
    assertThatThrownBy(() -> EmitterConfig.fromProperties(Map.of("openlineage.jobname", "x")))
        .isInstanceOf(EmitterException.class)
        .hasMessageContaining("'openlineage.jobname'");
  }

  @Test
  void shouldRejectInvalidValueNamingKeyAndValue() {
    assertThatThrownBy(
            () -> EmitterConfig.fromProperties(Map.of("openlineage.snapshot.interval.ms", "10")))
        .isInstanceOf(EmitterException.class)
        .hasMessageContaining("openlineage.snapshot.interval.ms")
        .hasMessageContaining("10");
    assertThatThrownBy(() -> EmitterConfig.fromProperties(Map.of("openlineage.tenant", "Acme!")))
        .hasMessageContaining("Acme!");
  }

  @Test
  void shouldHideTransportValuesFromToString() {
    EmitterConfig config = EmitterConfig.builder().transport("auth.apiKey", "s3cr3t").build();

    assertThat(config.toString()).contains("auth.apiKey").doesNotContain("s3cr3t");
  }

  @Test
  void shouldLoadCustomClusterResolverByClassName() {
    EmitterConfig config =
        EmitterConfig.fromProperties(
            Map.of("openlineage.cluster.resolver.class", EverythingIsProd.class.getName()));

    assertThat(config.clusterResolver().clusterOf("kafka://any:1")).contains("prod");
  }

  @Test
  void shouldDocumentEveryDeclaredKey() throws IOException {
    Path docs = Path.of("../docs/emitters.md");
    String text = Files.readString(docs);

    assertThat(text).contains(EmitterSettings.markdownTable());
    List<String> keys = EmitterSettings.ALL.settings().stream().map(Setting::name).toList();
    assertThat(keys).allSatisfy(key -> assertThat(text).contains("`" + key + "`"));
  }

  /** Used by name from configuration. */
  public static final class EverythingIsProd implements ClusterResolver {
    @Override
    public java.util.Optional<String> clusterOf(String namespace) {
      return java.util.Optional.of("prod");
    }
  }
}
