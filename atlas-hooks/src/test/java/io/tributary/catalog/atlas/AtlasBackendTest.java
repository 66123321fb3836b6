package io.tributary.catalog.atlas;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.tributary.catalog.CatalogException;
import io.tributary.catalog.ChangeFeed;
import io.tributary.catalog.spi.CatalogContext;
import io.tributary.catalog.types.TypeRegistry;
import java.net.URI;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AtlasBackendTest {
  private static CatalogContext context(Map<String, String> settings) {
    return new CatalogContext(
        Path.of("data"),
        new SimpleMeterRegistry(),
        TypeRegistry.builtIn(),
        new ChangeFeed(),
        settings);
  }

  @Test
  void shouldWriteThroughRestUnlessTheSinkIsNotification() {
    AtlasBackendConfig config =
        AtlasBackend.config(
            context(
                Map.of(
                    "atlas.url", "http://atlas:21000",
                    "atlas.username", "admin",
                    "atlas.password", "s3cr3t",
                    "atlas.sink", "rest")));

    assertThat(config.sink()).isEqualTo(AtlasBackendConfig.SinkKind.REST);
    assertThat(config.rest().baseUrl()).isEqualTo(URI.create("http://atlas:21000"));
  }

  @Test
  void shouldSendNotificationsToTheConfiguredBrokers() {
    AtlasBackendConfig config =
        AtlasBackend.config(
            context(
                Map.of(
                    "atlas.url", "http://atlas:21000",
                    "atlas.username", "admin",
                    "atlas.sink", "notification",
                    "atlas.hook.bootstrap-servers", "kafka:9092")));

    assertThat(config.sink()).isEqualTo(AtlasBackendConfig.SinkKind.NOTIFICATION);
    assertThat(config.notification().bootstrapServers()).isEqualTo("kafka:9092");
  }

  @Test
  void shouldNameAMissingSetting() {
    assertThatThrownBy(() -> AtlasBackend.config(context(Map.of("atlas.username", "admin"))))
        .isInstanceOf(CatalogException.class)
        .hasMessageContaining("'atlas.url'");
  }
}
