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
  void shouldConfigureCqlFromTheCatalogCqlKeysWithDefaults() {
    JanusConfig config = new JanusBackend.Cql().config(context(Map.of()));

    assertThat(config.backend()).isEqualTo(JanusConfig.Backend.CQL);
    assertThat(config.dataDirectory()).isNull();
    assertThat(config.properties())
        .containsEntry("storage.hostname", "localhost")
        .containsEntry("storage.port", "9042")
        .containsEntry("storage.cql.keyspace", "tributary")
        .containsEntry("storage.cql.local-datacenter", "datacenter1")
        .containsEntry("storage.cql.replication-factor", "1")
        .doesNotContainKeys("storage.username", "storage.password");
  }

  @Test
  void shouldConfigureCqlFromTheCatalogCqlKeysAndLetThePassThroughOverrideThem() {
    JanusConfig config =
        new JanusBackend.Cql()
            .config(
                context(
                    Map.of(
                        "catalog.cql.hosts", "cass-1, cass-2",
                        "catalog.cql.port", "9142",
                        "catalog.cql.keyspace", "lineage_prod",
                        "catalog.cql.local-datacenter", "eu-west",
                        "catalog.cql.replication-factor", "3",
                        "catalog.cql.username", "tributary",
                        "catalog.cql.password", "s3cret",
                        "janusgraph.storage.cql.write-consistency-level", "LOCAL_QUORUM",
                        "janusgraph.storage.port", "9242")));

    assertThat(config.properties())
        .containsEntry("storage.hostname", "cass-1,cass-2")
        .containsEntry("storage.port", "9242")
        .containsEntry("storage.cql.keyspace", "lineage_prod")
        .containsEntry("storage.cql.local-datacenter", "eu-west")
        .containsEntry("storage.cql.replication-factor", "3")
        .containsEntry("storage.username", "tributary")
        .containsEntry("storage.password", "s3cret")
        .containsEntry("storage.cql.write-consistency-level", "LOCAL_QUORUM");
  }

  @Test
  void shouldTrustRepeatedWritesForTenMinutesUnlessConfiguredOtherwise() {
    assertThat(new JanusBackend.Cql().config(context(Map.of())).repeatTrust())
        .isEqualTo(java.time.Duration.ofMinutes(10));
    assertThat(
            new JanusBackend.Cql()
                .config(context(Map.of("catalog.cql.repeat-trust", "0s")))
                .repeatTrust())
        .isZero();
    assertThat(
            new JanusBackend.Cql()
                .config(context(Map.of("catalog.cql.repeat-trust", "90s")))
                .repeatTrust())
        .isEqualTo(java.time.Duration.ofSeconds(90));
  }

  @Test
  void shouldRefuseAKeyspaceCassandraWouldRefuse() {
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () ->
                new JanusBackend.Cql()
                    .config(context(Map.of("catalog.cql.keyspace", "lineage-prod"))))
        .isInstanceOf(io.tributary.config.ConfigException.class)
        .hasMessageContaining("catalog.cql.keyspace");
  }

  @Test
  void shouldDeclareTheCqlKeysNextToThePassThrough() {
    assertThat(new JanusBackend.Cql().settings().find("catalog.cql.hosts")).isPresent();
    assertThat(
            new JanusBackend.Cql().settings().find("catalog.cql.password").orElseThrow().secret())
        .isTrue();
  }
}
