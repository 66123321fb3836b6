package io.tributary.catalog.janus;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;

/** The embedded catalog's contract on Cassandra through CQL (the test JVM's Cassandra node). */
class JanusCatalogCqlIT extends JanusCatalogContract {
  private static final CqlKeyspace KEYSPACE = new CqlKeyspace("janus_contract");

  /** One keyspace for the class; each test starts from an empty graph. */
  private boolean wiped;

  @Override
  protected JanusConfig config(Path dataDir) {
    if (!wiped) {
      wiped = true;
      if (opened) {
        KEYSPACE.wipe();
      }
      opened = true;
    }
    return KEYSPACE.config();
  }

  private static boolean opened;

  @AfterAll
  static void closeKeyspace() {
    KEYSPACE.close();
  }
}
