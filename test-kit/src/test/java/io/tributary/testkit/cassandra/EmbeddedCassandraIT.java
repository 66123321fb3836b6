package io.tributary.testkit.cassandra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import org.apache.cassandra.cql3.QueryProcessor;
import org.apache.cassandra.cql3.UntypedResultSet;
import org.junit.jupiter.api.Test;

class EmbeddedCassandraIT {

  @Test
  void sharedNodeAcceptsCqlAndAnswersQueries() {
    EmbeddedCassandra node = EmbeddedCassandra.shared();

    assertThat(EmbeddedCassandra.accepting(node.port())).isTrue();
    assertThat(node.contactPoint()).isEqualTo("127.0.0.1:" + node.port());
    UntypedResultSet rows =
        QueryProcessor.executeInternal("SELECT release_version, data_center FROM system.local");
    assertThat(rows.one().getString("release_version")).startsWith("5.0.");
    assertThat(EmbeddedCassandra.shared()).isSameAs(node);
  }

  @Test
  void sharedNodeIsStartedOncePerJvm() {
    assertThat(EmbeddedCassandra.shared()).isSameAs(EmbeddedCassandra.shared());
    assertThat(EmbeddedCassandra.shared().localDatacenter()).isEqualTo("datacenter1");
  }

  @Test
  void uniqueKeyspacesAreValidCqlNamesThatDiffer() {
    String a = EmbeddedCassandra.uniqueKeyspace("Catalog-Contract.Test");
    String b = EmbeddedCassandra.uniqueKeyspace("Catalog-Contract.Test");

    assertThat(a).isNotEqualTo(b).matches("[a-z][a-z0-9_]{0,47}");
    assertThat(EmbeddedCassandra.uniqueKeyspace("9" + "x".repeat(80))).matches("k[a-z0-9_]{0,47}");
  }

  @Test
  void childProcessServesCqlUntilClosed() throws Exception {
    CassandraProcess child = CassandraProcess.start();
    try {
      assertThat(EmbeddedCassandra.accepting(child.port())).isTrue();
      assertThat(child.janusGraphStorage("ks"))
          .containsEntry("storage.port", String.valueOf(child.port()))
          .containsEntry("storage.cql.local-datacenter", "datacenter1");
    } finally {
      child.close();
    }
    ProcessHandle handle = ProcessHandle.of(child.pid()).orElse(null);
    await().atMost(Duration.ofSeconds(30)).until(() -> handle == null || !handle.isAlive());
    assertThat(EmbeddedCassandra.accepting(child.port())).isFalse();
  }
}
