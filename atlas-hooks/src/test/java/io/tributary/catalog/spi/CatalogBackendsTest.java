package io.tributary.catalog.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.tributary.catalog.ChangeFeed;
import io.tributary.catalog.atlas.AtlasBackend;
import io.tributary.catalog.types.TypeRegistry;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CatalogBackendsTest {
  @Test
  void shouldFindTheAtlasBackendThroughServiceLoader() {
    assertThat(CatalogBackends.names()).contains(AtlasBackend.NAME);
    assertThat(CatalogBackends.named(" Atlas ")).isInstanceOf(AtlasBackend.class);
  }

  @Test
  void shouldRejectAnUnknownBackendListingTheKnownOnes() {
    assertThatThrownBy(() -> CatalogBackends.named("embedded-rocks"))
        .isInstanceOf(UnknownCatalogBackendException.class)
        .hasMessage(
            "Catalog backend 'embedded-rocks' is unknown: use one of "
                + String.join(", ", CatalogBackends.names()))
        .satisfies(
            e ->
                assertThat(((UnknownCatalogBackendException) e).known())
                    .contains(AtlasBackend.NAME));
  }

  @Test
  void shouldGiveBackendsTheirSettingsByKeyAndByPrefix() {
    CatalogContext context =
        new CatalogContext(
            Path.of("data"),
            new SimpleMeterRegistry(),
            TypeRegistry.builtIn(),
            new ChangeFeed(),
            Map.of(
                "atlas.url", "http://atlas:21000",
                "janusgraph.storage.hostname", "cassandra",
                "janusgraph.", "ignored"));

    assertThat(context.setting("atlas.url")).contains("http://atlas:21000");
    assertThat(context.setting("atlas.password")).isEmpty();
    assertThat(context.settingsWithPrefix("janusgraph."))
        .containsExactly(Map.entry("storage.hostname", "cassandra"));
  }
}
