package io.tributary.catalog.janus;

import java.nio.file.Path;

/** The catalog contract on JanusGraph's in-memory backend. */
class JanusCatalogInMemoryTest extends JanusCatalogContract {
  @Override
  protected JanusConfig config(Path dataDir) {
    return JanusConfig.inMemory();
  }
}
