package io.tributary.catalog;

import io.tributary.catalog.spi.CatalogBackends;
import io.tributary.catalog.spi.UnknownCatalogBackendException;
import io.tributary.config.ConfigDef;
import io.tributary.config.Setting;
import io.tributary.config.ValueType;
import java.util.List;

/** The configuration keys of the catalog: its backend, a remote Atlas, and the change feed. */
public final class CatalogSettings {
  public static final String BACKEND_BERKELEYJE = "embedded-berkeleyje";
  public static final String BACKEND_INMEMORY = "embedded-inmemory";
  public static final String BACKEND_CQL = "embedded-cql";
  public static final String BACKEND_ATLAS = "atlas";

  public static final Setting<String> BACKEND =
      Setting.of(
          "catalog.backend",
          backendName(List.of(BACKEND_BERKELEYJE, BACKEND_INMEMORY, BACKEND_CQL, BACKEND_ATLAS)),
          BACKEND_BERKELEYJE,
          "Where the catalog lives: the embedded JanusGraph on BerkeleyJE files in `data.dir`,"
              + " in memory only (lost at exit), or on Cassandra/ScyllaDB through CQL (see"
              + " `catalog.cql.*`); or `atlas`: an existing Apache Atlas at"
              + " `atlas.url`, written through `atlas.sink`. A jar on the class path adds others"
              + " by registering an `io.tributary.catalog.spi.CatalogBackend` in"
              + " `META-INF/services`.");

  public static final Setting<String> ATLAS_URL =
      Setting.of(
          "atlas.url",
          ValueType.string(),
          "http://localhost:21000",
          "With `catalog.backend = atlas`: the Atlas server's base URL (reads, and writes with the"
              + " `rest` sink).");

  public static final Setting<String> ATLAS_USERNAME =
      Setting.of("atlas.username", ValueType.string(), "admin", "The Atlas user for REST calls.");

  public static final Setting<String> ATLAS_PASSWORD =
      Setting.of("atlas.password", ValueType.string(), null, "The Atlas user's password.")
          .asSecret();

  public static final Setting<String> ATLAS_SINK =
      Setting.of(
          "atlas.sink",
          ValueType.oneOf(List.of("rest", "notification")),
          "rest",
          "How ingested entities reach Atlas: `rest` (bulk entity API, batched, retried) or"
              + " `notification` (HookNotification V2 messages on the `ATLAS_HOOK` topic).");

  public static final Setting<String> ATLAS_HOOK_BOOTSTRAP_SERVERS =
      Setting.of(
          "atlas.hook.bootstrap-servers",
          ValueType.string(),
          "localhost:9092",
          "With `atlas.sink = notification`: the Kafka brokers Atlas reads `ATLAS_HOOK` from.");

  public static final Setting<Integer> FEED_WINDOW_SIZE =
      Setting.of(
          "feed.window-size",
          ValueType.integer(1, 10_000_000),
          100_000,
          "How many recent changes the change feed keeps, so that a client reconnecting with"
              + " `Last-Event-ID` misses nothing.");

  public static final ConfigDef ALL =
      ConfigDef.of(
          BACKEND,
          ATLAS_URL,
          ATLAS_USERNAME,
          ATLAS_PASSWORD,
          ATLAS_SINK,
          ATLAS_HOOK_BOOTSTRAP_SERVERS,
          FEED_WINDOW_SIZE);

  private CatalogSettings() {}

  /** A backend registered on the class path: ours, or a plug-in's. */
  private static ValueType<String> backendName(List<String> ours) {
    return new ValueType<>(
        "one of " + String.join(", ", ours) + ", or a plug-in's catalog backend",
        text -> {
          try {
            return CatalogBackends.named(text).name();
          } catch (UnknownCatalogBackendException e) {
            throw new IllegalArgumentException(e.getMessage());
          }
        },
        name -> name);
  }
}
