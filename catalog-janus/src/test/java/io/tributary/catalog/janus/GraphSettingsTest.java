package io.tributary.catalog.janus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GraphSettingsTest {
  @Test
  void shouldPutBerkeleyUnderTheDataDirectoryWithSyncedCommits() {
    Map<String, String> s = GraphSettings.of(JanusConfig.berkeley(Path.of("/var/lib/tributary")));

    assertThat(s)
        .containsEntry("storage.backend", "berkeleyje")
        .containsEntry("storage.directory", "/var/lib/tributary/graph")
        .containsEntry("storage.berkeleyje.ext.je.txn.durability", "SYNC,SYNC,NONE")
        .containsEntry("schema.default", "none")
        .containsEntry("cache.db-cache", "true");
  }

  @Test
  void shouldPassRawPropertiesThroughOverTheDefaults() {
    Map<String, String> s =
        GraphSettings.of(
            JanusConfig.cql(
                Map.of(
                    "storage.hostname", "cassandra-1,cassandra-2",
                    "index.search.backend", "elasticsearch",
                    "cache.db-cache", "true")));

    assertThat(s)
        .containsEntry("storage.backend", "cql")
        .containsEntry("storage.hostname", "cassandra-1,cassandra-2")
        .containsEntry("index.search.backend", "elasticsearch")
        .containsEntry("cache.db-cache", "true");
  }

  @Test
  void shouldUseTheInMemoryBackendWithoutADirectory() {
    assertThat(GraphSettings.of(JanusConfig.inMemory()))
        .containsEntry("storage.backend", "inmemory")
        .doesNotContainKey("storage.directory");
  }

  @Test
  void shouldRequireADataDirectoryForBerkeley() {
    assertThatThrownBy(() -> new JanusConfig(JanusConfig.Backend.BERKELEYJE, null, Map.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("BERKELEYJE");
  }

  @Test
  void shouldAddAPropertyToACopy() {
    JanusConfig base = JanusConfig.inMemory();
    JanusConfig more = base.withProperty("ids.block-size", "1000");

    assertThat(base.properties()).isEmpty();
    assertThat(more.properties()).containsEntry("ids.block-size", "1000");
  }

  @Test
  void shouldFailWithTheBackendNamedWhenNoCassandraAnswers() {
    int closedPort = unusedPort();
    assertThatThrownBy(
            () ->
                JanusCatalog.open(
                    JanusConfig.cql(
                        Map.of(
                            "storage.hostname", "127.0.0.1",
                            "storage.port", String.valueOf(closedPort),
                            "storage.cql.local-datacenter", "datacenter1")),
                    io.tributary.catalog.types.TypeRegistry.builtIn(),
                    new io.tributary.catalog.ChangeFeed()))
        .isInstanceOf(io.tributary.catalog.CatalogException.class)
        .hasMessageContaining("Cannot open the catalog on CQL");
  }

  @Test
  void shouldTuneIdAllocationForSeveralServersOnCql() {
    Map<String, String> s = GraphSettings.of(JanusConfig.cql(Map.of()));

    assertThat(s)
        .containsEntry("storage.backend", "cql")
        .containsEntry("cache.db-cache", "false")
        .containsEntry("ids.authority.wait-time", "50 ms")
        .containsEntry("ids.block-size", "100000");
  }

  private static int unusedPort() {
    try (java.net.ServerSocket socket =
        new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
