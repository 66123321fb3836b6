package io.tributary.catalog.janus;

import io.tributary.catalog.Catalog;
import io.tributary.catalog.spi.CatalogBackend;
import io.tributary.catalog.spi.CatalogContext;
import java.util.Map;

/**
 * The embedded JanusGraph catalog as catalog backends, one per storage: {@code embedded-berkeleyje}
 * (files in the data directory), {@code embedded-inmemory} and {@code embedded-cql}
 * (Cassandra/ScyllaDB). Settings under {@value #PROPERTIES} are passed to JanusGraph with the
 * prefix removed, over the storage's defaults.
 */
public abstract sealed class JanusBackend implements CatalogBackend {
  /** The prefix of the settings passed to JanusGraph. */
  public static final String PROPERTIES = "janusgraph.";

  private final String name;

  private JanusBackend(String name) {
    this.name = name;
  }

  @Override
  public final String name() {
    return name;
  }

  @Override
  public final Catalog open(CatalogContext context) {
    return JanusCatalog.open(config(context), context.types(), context.feed());
  }

  final JanusConfig config(CatalogContext context) {
    JanusConfig config = storage(context);
    for (Map.Entry<String, String> e : context.settingsWithPrefix(PROPERTIES).entrySet()) {
      config = config.withProperty(e.getKey(), e.getValue());
    }
    return config;
  }

  abstract JanusConfig storage(CatalogContext context);

  /** BerkeleyJE files under the data directory: the embedded default. */
  public static final class BerkeleyJe extends JanusBackend {
    public static final String NAME = "embedded-berkeleyje";

    public BerkeleyJe() {
      super(NAME);
    }

    @Override
    JanusConfig storage(CatalogContext context) {
      return JanusConfig.berkeley(context.dataDirectory());
    }
  }

  /** A graph in this process only, lost at exit: for tests and demos. */
  public static final class InMemory extends JanusBackend {
    public static final String NAME = "embedded-inmemory";

    public InMemory() {
      super(NAME);
    }

    @Override
    JanusConfig storage(CatalogContext context) {
      return JanusConfig.inMemory();
    }
  }

  /** Cassandra or ScyllaDB, named by {@code janusgraph.storage.hostname} and the like. */
  public static final class Cql extends JanusBackend {
    public static final String NAME = "embedded-cql";

    public Cql() {
      super(NAME);
    }

    @Override
    JanusConfig storage(CatalogContext context) {
      return JanusConfig.cql(Map.of());
    }
  }
}
