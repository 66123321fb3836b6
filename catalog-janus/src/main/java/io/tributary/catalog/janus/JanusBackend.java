package io.tributary.catalog.janus;

import io.tributary.catalog.Catalog;
import io.tributary.catalog.spi.CatalogBackend;
import io.tributary.catalog.spi.CatalogContext;
import io.tributary.config.ConfigDef;
import io.tributary.config.PrefixSetting;
import java.util.Map;

/**
 * The embedded JanusGraph catalog as catalog backends, one per storage: {@code embedded-berkeleyje}
 * (files in the data directory), {@code embedded-inmemory} and {@code embedded-cql}
 * (Cassandra/ScyllaDB, configured by {@code catalog.cql.*}). Settings under {@value #PROPERTIES}
 * are passed to JanusGraph with the prefix removed, over the storage's defaults.
 */
public abstract sealed class JanusBackend implements CatalogBackend {
  /** The prefix of the settings passed to JanusGraph. */
  public static final String PROPERTIES = "janusgraph.";

  /** The pass-through prefix, as the server's configuration declares it. */
  public static final PrefixSetting JANUSGRAPH =
      new PrefixSetting(
          PROPERTIES,
          "Passed to JanusGraph with the prefix removed, after Tributary's own storage"
              + " settings, so they can override them.",
          "janusgraph.storage.berkeleyje.cache-percentage: 20");

  /** The keys of all three JanusGraph backends: one declaration. */
  static final ConfigDef SETTINGS =
      ConfigDef.of(CqlSettings.ALL.toArray(new io.tributary.config.Setting<?>[0]))
          .withPrefixes(JANUSGRAPH);

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

  @Override
  public final ConfigDef settings() {
    return SETTINGS;
  }

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

  /**
   * Cassandra or ScyllaDB, named by the {@code catalog.cql.*} keys ({@link CqlSettings}); several
   * servers may share one keyspace.
   */
  public static final class Cql extends JanusBackend {
    public static final String NAME = "embedded-cql";

    public Cql() {
      super(NAME);
    }

    @Override
    JanusConfig storage(CatalogContext context) {
      return JanusConfig.cql(CqlSettings.storage(context))
          .withRepeatTrust(CqlSettings.repeatTrust(context));
    }
  }
}
