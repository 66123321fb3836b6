package io.tributary.catalog.janus;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.tributary.catalog.Catalog;
import io.tributary.catalog.ChangeFeed;
import io.tributary.catalog.SearchQuery;
import io.tributary.catalog.Visibility;
import io.tributary.catalog.spi.CatalogBackends;
import io.tributary.catalog.spi.CatalogContext;
import io.tributary.catalog.types.TypeRegistry;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JanusBackendTest {
  @TempDir Path dataDir;

  private CatalogContext context(Map<String, String> settings) {
    return new CatalogContext(
        dataDir, new SimpleMeterRegistry(), TypeRegistry.builtIn(), new ChangeFeed(), settings);
  }

  @Test
  void shouldRegisterOneBackendPerStorageNextToTheCatalogsOwn() {
    assertThat(CatalogBackends.names())
        .contains(
            JanusBackend.BerkeleyJe.NAME,
            JanusBackend.InMemory.NAME,
            JanusBackend.Cql.NAME,
            "atlas");
  }

  @Test
  void shouldOpenTheBackendConfigurationNames() {
    try (Catalog catalog =
        CatalogBackends.named(JanusBackend.InMemory.NAME).open(context(Map.of()))) {
      assertThat(catalog).isInstanceOf(JanusCatalog.class);
      assertThat(catalog.search(SearchQuery.byName(""), Visibility.all()).entities()).isEmpty();
    }
  }

  @Test
  void shouldStoreBerkeleyJeInTheDataDirectoryAndPassJanusGraphSettingsOn() {
    JanusConfig config =
        new JanusBackend.BerkeleyJe()
            .config(
                context(
                    Map.of(
                        "janusgraph.storage.berkeleyje.cache-percentage", "20",
                        "atlas.url", "http://atlas:21000")));

    assertThat(config.backend()).isEqualTo(JanusConfig.Backend.BERKELEYJE);
    assertThat(config.dataDirectory()).isEqualTo(dataDir);
    assertThat(config.properties())
        .containsExactly(Map.entry("storage.berkeleyje.cache-percentage", "20"));
  }

  @Test
  void shouldConfigureCqlFromJanusGraphSettingsOnly() {
    JanusConfig config =
        new JanusBackend.Cql()
            .config(context(Map.of("janusgraph.storage.hostname", "scylla-1,scylla-2")));

    assertThat(config.backend()).isEqualTo(JanusConfig.Backend.CQL);
    assertThat(config.properties()).containsEntry("storage.hostname", "scylla-1,scylla-2");
  }
}
