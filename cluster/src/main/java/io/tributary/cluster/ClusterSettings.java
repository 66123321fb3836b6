package io.tributary.cluster;

import io.tributary.config.ConfigDef;
import io.tributary.config.Setting;
import io.tributary.config.ValueType;
import java.time.Duration;

/** The configuration keys of cluster mode; off by default, and then nothing here is used. */
public final class ClusterSettings {
  public static final Setting<Boolean> ENABLED =
      Setting.of(
          "cluster.enabled",
          ValueType.bool(),
          false,
          "Run as one of several servers over one shared catalog store (JanusGraph on CQL): every"
              + " server publishes its changes to a shared Kafka change log and reads the others',"
              + " and HTTP ingest is journaled to a Kafka topic the servers apply as one consumer"
              + " group (answered 202). Off: one server, changes in process, ingest answered 201"
              + " after the commit.");

  public static final Setting<String> SERVER_ID =
      Setting.of(
              "cluster.server-id",
              ValueType.string(),
              null,
              "This server's name in the change log; stable across restarts, unique in the"
                  + " cluster. Unset: `<host name>-<server.port>`.")
          .withCheck(
              id -> {
                if (!id.matches("[A-Za-z0-9._-]{1,64}")) {
                  throw new IllegalArgumentException(
                      "a server id is 1 to 64 letters, digits, '.', '_' or '-'");
                }
              });

  public static final Setting<String> BOOTSTRAP_SERVERS =
      Setting.of(
          "cluster.kafka.bootstrap-servers",
          ValueType.string(),
          "localhost:9092",
          "The Kafka brokers of the change log and the ingest journal.");

  public static final Setting<String> CHANGES_TOPIC =
      Setting.of(
          "cluster.changes.topic",
          ValueType.string(),
          "tributary-changes",
          "The shared change log: every server's committed changes, keyed by the server id.");

  public static final Setting<String> INGEST_TOPIC =
      Setting.of(
          "cluster.ingest.topic",
          ValueType.string(),
          "tributary-ingest",
          "The ingest journal: HTTP-accepted events, keyed by tenant and job (or dataset), so"
              + " that one job's events are applied in order.");

  public static final Setting<String> INGEST_GROUP_ID =
      Setting.of(
          "cluster.ingest.group-id",
          ValueType.string(),
          "tributary-cluster",
          "The consumer group in which the servers share the ingest journal's partitions.");

  public static final Setting<Integer> PARTITIONS =
      Setting.of(
          "cluster.ingest.partitions",
          ValueType.integer(1, 10_000),
          12,
          "Partitions of the ingest journal and the change log when a server creates them"
              + " (existing topics are kept as they are); the most servers that can apply ingest"
              + " at once.");

  public static final Setting<Integer> REPLICATION_FACTOR =
      Setting.of(
          "cluster.replication-factor",
          ValueType.integer(1, 10),
          1,
          "Replicas of the topics a server creates; 3 in production, so that `acks=all` means"
              + " two copies survive a broker.");

  public static final Setting<Duration> ACK_TIMEOUT =
      Setting.of(
          "cluster.ingest.ack-timeout",
          ValueType.duration(Duration.ofMillis(100), Duration.ofMinutes(10)),
          Duration.ofSeconds(15),
          "How long HTTP ingest waits for Kafka to acknowledge an event before answering 503;"
              + " an unacknowledged event was not accepted and may be sent again.");

  public static final Setting<String> TENANTS_TOPIC =
      Setting.of(
          "cluster.tenants.topic",
          ValueType.string(),
          "tributary-tenants",
          "The tenant registry: a compacted topic of one partition, keyed by tenant and share,"
              + " that every server reads from its start at boot and then follows.");

  public static final Setting<Duration> TENANTS_TIMEOUT =
      Setting.of(
          "cluster.tenants.timeout",
          ValueType.duration(Duration.ofMillis(100), Duration.ofMinutes(10)),
          Duration.ofSeconds(15),
          "How long a tenant or share change waits for Kafka and this server's reader before"
              + " answering 503, and how long reading the registry topic at boot may stall.");

  public static final ConfigDef ALL =
      ConfigDef.of(
          ENABLED,
          SERVER_ID,
          BOOTSTRAP_SERVERS,
          CHANGES_TOPIC,
          INGEST_TOPIC,
          INGEST_GROUP_ID,
          PARTITIONS,
          REPLICATION_FACTOR,
          ACK_TIMEOUT,
          TENANTS_TOPIC,
          TENANTS_TIMEOUT);

  private ClusterSettings() {}
}
