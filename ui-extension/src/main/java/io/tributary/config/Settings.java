package io.tributary.config;

import io.tributary.catalog.TenantId;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** Every configuration key of the catalog server, each declared once. */
public final class Settings {
  public static final Setting<Path> CONFIG_FILE =
      Setting.of(
          "config.file",
          ValueType.path(),
          null,
          "A configuration file to read: YAML when its name ends in `.yml` or `.yaml`, Java"
              + " properties otherwise. Set it with `--config` or `TRIBUTARY_CONFIG_FILE`; it"
              + " cannot name itself inside a file.");

  public static final Setting<String> SERVER_HOST =
      Setting.of(
          "server.host",
          ValueType.string(),
          "0.0.0.0",
          "The address the HTTP server listens on; `127.0.0.1` keeps it local to this machine.");

  public static final Setting<Integer> SERVER_PORT =
      Setting.of(
          "server.port",
          ValueType.integer(0, 65535),
          8080,
          "The HTTP port; 0 picks a free port (the server prints the one it took).");

  public static final Setting<Path> DATA_DIR =
      Setting.of(
          "data.dir",
          ValueType.path(),
          Path.of("./tributary-data"),
          "Where the embedded catalog keeps its files. One server at a time may use a data"
              + " directory.");

  public static final String BACKEND_BERKELEYJE = "embedded-berkeleyje";
  public static final String BACKEND_INMEMORY = "embedded-inmemory";
  public static final String BACKEND_CQL = "embedded-cql";

  public static final Setting<String> CATALOG_BACKEND =
      Setting.of(
          "catalog.backend",
          ValueType.oneOf(List.of(BACKEND_BERKELEYJE, BACKEND_INMEMORY, BACKEND_CQL)),
          BACKEND_BERKELEYJE,
          "The JanusGraph storage of the catalog: BerkeleyJE files in `data.dir`, memory only"
              + " (lost at exit), or Cassandra/ScyllaDB through CQL (set"
              + " `janusgraph.storage.hostname`).");

  public static final Setting<Long> INGEST_MAX_BODY_BYTES =
      Setting.of(
          "ingest.max-body-bytes",
          ValueType.bytes(1024, 1024L * 1024 * 1024),
          5L * 1024 * 1024,
          "The largest request body the ingest endpoints read, counted after gzip"
              + " decompression; larger requests get 413.");

  public static final Setting<Integer> INGEST_BATCH_MAX =
      Setting.of(
          "ingest.batch.max",
          ValueType.integer(1, 100_000),
          256,
          "The most events committed in one catalog transaction. Batches form only under load:"
              + " a lone event is committed at once.");

  public static final Setting<Integer> INGEST_QUEUE_CAPACITY =
      Setting.of(
          "ingest.queue.capacity",
          ValueType.integer(1, 10_000_000),
          10_000,
          "The most events waiting for a commit; beyond it ingest answers 503 with"
              + " `Retry-After`.");

  public static final Setting<String> INGEST_DEFAULT_TENANT =
      Setting.of(
              "ingest.default-tenant",
              ValueType.string(),
              "default",
              "The tenant of events that name none (HTTP `?tenant=`); also the tenant of events"
                  + " read from Kafka.")
          .withCheck(TenantId::new);

  public static final Setting<String> INGEST_API_KEY =
      Setting.of(
              "ingest.api-key",
              ValueType.string(),
              null,
              "When set, the ingest endpoints require `Authorization: Bearer <key>` (what"
                  + " OpenLineage's `api_key` auth sends). Unset: no authentication.")
          .asSecret();

  public static final Setting<Boolean> KAFKA_INGEST_ENABLED =
      Setting.of(
          "kafka.ingest.enabled",
          ValueType.bool(),
          false,
          "Also read OpenLineage events from a Kafka topic written by OpenLineage's Kafka"
              + " transport.");

  public static final Setting<String> KAFKA_INGEST_BOOTSTRAP_SERVERS =
      Setting.of(
          "kafka.ingest.bootstrap-servers",
          ValueType.string(),
          "localhost:9092",
          "The Kafka brokers to read from.");

  public static final Setting<String> KAFKA_INGEST_TOPIC =
      Setting.of(
          "kafka.ingest.topic", ValueType.string(), "openlineage", "The topic of the events.");

  public static final Setting<String> KAFKA_INGEST_GROUP_ID =
      Setting.of(
          "kafka.ingest.group-id",
          ValueType.string(),
          "tributary",
          "The consumer group; catalog nodes in one group share the topic's partitions.");

  public static final Setting<String> KAFKA_INGEST_DEAD_LETTER_TOPIC =
      Setting.of(
          "kafka.ingest.dead-letter-topic",
          ValueType.string(),
          null,
          "Where invalid records are copied (with the reason in the `tributary.error` header)"
              + " before they are skipped. Unset: they are only logged and counted.");

  public static final Setting<Integer> FEED_WINDOW_SIZE =
      Setting.of(
          "feed.window-size",
          ValueType.integer(1, 10_000_000),
          100_000,
          "How many recent changes the change feed keeps, so that a client reconnecting with"
              + " `Last-Event-ID` misses nothing.");

  public static final Setting<Duration> FEED_HEARTBEAT =
      Setting.of(
          "feed.heartbeat-interval",
          ValueType.duration(Duration.ofMillis(100), Duration.ofMinutes(10)),
          Duration.ofSeconds(15),
          "How often an idle change-feed stream sends a comment, which keeps proxies from"
              + " closing it and finds closed connections.");

  public static final PrefixSetting JANUSGRAPH =
      new PrefixSetting(
          "janusgraph.",
          "Passed to JanusGraph with the prefix removed, after Tributary's own storage"
              + " settings, so they can override them.",
          "janusgraph.storage.berkeleyje.cache-percentage: 20");

  public static final PrefixSetting NAMESPACE_CLUSTER =
      new PrefixSetting(
          "namespace.cluster.",
          "Maps OpenLineage dataset namespaces to cluster names: `namespace.cluster.<glob>:"
              + " <cluster>` (`*` any run of characters, `?` one; a glob with `://` matches the"
              + " whole namespace, one without it the `host:port` or the host). A topic `orders`"
              + " in a matching namespace becomes `orders@<cluster>`; an unmatched namespace is"
              + " named by its `host:port`. In a properties file write `:` in a key as `\\:`.",
          "namespace.cluster.kafka://broker-*.prod:9092: prod");

  public static final List<Setting<?>> ALL =
      List.of(
          CONFIG_FILE,
          SERVER_HOST,
          SERVER_PORT,
          DATA_DIR,
          CATALOG_BACKEND,
          INGEST_MAX_BODY_BYTES,
          INGEST_BATCH_MAX,
          INGEST_QUEUE_CAPACITY,
          INGEST_DEFAULT_TENANT,
          INGEST_API_KEY,
          KAFKA_INGEST_ENABLED,
          KAFKA_INGEST_BOOTSTRAP_SERVERS,
          KAFKA_INGEST_TOPIC,
          KAFKA_INGEST_GROUP_ID,
          KAFKA_INGEST_DEAD_LETTER_TOPIC,
          FEED_WINDOW_SIZE,
          FEED_HEARTBEAT);

  public static final List<PrefixSetting> PREFIXES = List.of(JANUSGRAPH, NAMESPACE_CLUSTER);

  private Settings() {}

  public static Optional<Setting<?>> find(String name) {
    return ALL.stream().filter(s -> s.name().equals(name)).findFirst();
  }

  public static Optional<PrefixSetting> findPrefix(String key) {
    return PREFIXES.stream().filter(p -> p.matches(key)).findFirst();
  }
}
