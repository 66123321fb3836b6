package io.tributary.ingest;

import io.tributary.config.ConfigDef;
import io.tributary.config.PrefixSetting;
import io.tributary.config.Setting;
import io.tributary.config.ValueType;
import io.tributary.contract.TenantId;
import java.util.List;

/**
 * The configuration keys of ingestion: the group commit, the structural limits of an event, the
 * tenant of events that name none, the Kafka topic consumer and the namespace-to-cluster mapping.
 * Their defaults are declared here only; {@link GroupCommitter.Settings#defaults()} and {@link
 * EventLimits#DEFAULTS} read them.
 */
public final class IngestSettings {
  public static final Setting<Integer> BATCH_MAX =
      Setting.of(
          "ingest.batch.max",
          ValueType.integer(1, 100_000),
          256,
          "The most events committed in one catalog transaction. Batches form only under load:"
              + " a lone event is committed at once.");

  public static final Setting<Integer> QUEUE_CAPACITY =
      Setting.of(
          "ingest.queue.capacity",
          ValueType.integer(1, 10_000_000),
          10_000,
          "The most events waiting for a commit; beyond it ingest answers 503 with"
              + " `Retry-After`.");

  public static final Setting<Integer> MAX_DATASETS =
      Setting.of(
          EventLimit.DATASETS.key(),
          ValueType.integer(1, 10_000_000),
          10_000,
          "The most datasets (inputs and outputs) one OpenLineage event may name; HTTP answers"
              + " a larger event 422, Kafka dead-letters it.");

  public static final Setting<Integer> MAX_SCHEMA_FIELDS =
      Setting.of(
          EventLimit.SCHEMA_FIELDS.key(),
          ValueType.integer(1, 10_000_000),
          10_000,
          "The most fields one schema facet may hold, nested fields included; HTTP answers a"
              + " larger event 422, Kafka dead-letters it.");

  public static final Setting<Integer> MAX_COLUMN_LINEAGE_EDGES =
      Setting.of(
          EventLimit.COLUMN_LINEAGE_EDGES.key(),
          ValueType.integer(1, 100_000_000),
          100_000,
          "The most column-lineage edges (input fields over all `columnLineage` facets) one"
              + " event may hold; HTTP answers a larger event 422, Kafka dead-letters it.");

  public static final Setting<Long> MAX_FACET_BYTES =
      Setting.of(
          EventLimit.FACET_BYTES.key(),
          ValueType.bytes(1024, 1024L * 1024 * 1024),
          1024L * 1024,
          "The largest one facet of an event may be, as compact JSON; HTTP answers a larger"
              + " event 413, Kafka dead-letters it.");

  public static final Setting<String> DEFAULT_TENANT =
      Setting.of(
              "ingest.default-tenant",
              ValueType.string(),
              "default",
              "The home tenant of every request while authentication is off (the tenant of"
                  + " events that name none), and of Kafka records when `kafka.ingest.tenant` is"
                  + " unset.")
          .withCheck(TenantId::new);

  public static final Setting<Boolean> KAFKA_ENABLED =
      Setting.of(
          "kafka.ingest.enabled",
          ValueType.bool(),
          false,
          "Also read OpenLineage events from a Kafka topic written by OpenLineage's Kafka"
              + " transport.");

  public static final Setting<String> KAFKA_BOOTSTRAP_SERVERS =
      Setting.of(
          "kafka.ingest.bootstrap-servers",
          ValueType.string(),
          "localhost:9092",
          "The Kafka brokers to read from.");

  public static final Setting<String> KAFKA_TOPIC =
      Setting.of(
          "kafka.ingest.topic", ValueType.string(), "openlineage", "The topic of the events.");

  public static final Setting<String> KAFKA_GROUP_ID =
      Setting.of(
          "kafka.ingest.group-id",
          ValueType.string(),
          "tributary",
          "The consumer group; catalog nodes in one group share the topic's partitions.");

  public static final Setting<String> KAFKA_DEAD_LETTER_TOPIC =
      Setting.of(
          "kafka.ingest.dead-letter-topic",
          ValueType.string(),
          null,
          "Where invalid records are copied (with the reason in the `tributary.error` header)"
              + " before they are skipped. Unset: they are only logged and counted.");

  public static final Setting<String> KAFKA_TENANT =
      Setting.of(
              "kafka.ingest.tenant",
              ValueType.string(),
              null,
              "The tenant of the topic's records that name none (no `tributary.tenant` header, no"
                  + " `tenant:<id>` key, no `tributary_tenant` run facet). Unset:"
                  + " `ingest.default-tenant`.")
          .withCheck(TenantId::new);

  public static final Setting<List<String>> KAFKA_ROLES =
      Setting.of(
          "kafka.ingest.roles",
          ValueType.list(),
          null,
          "The Ranger roles the Kafka consumer acts with (user `kafka:<topic>`): every record's"
              + " tenant, whether it comes from the header, the key, the body or"
              + " `kafka.ingest.tenant`, must be writable with them, else the record is refused"
              + " and dead-lettered. Unset: `<topic tenant>.writer`, so the topic feeds only its"
              + " own tenant; list more writer roles (or `platform-admin`) for a shared topic.");

  public static final PrefixSetting NAMESPACE_CLUSTER =
      new PrefixSetting(
          "namespace.cluster.",
          "Maps OpenLineage dataset namespaces to cluster names: `namespace.cluster.<glob>:"
              + " <cluster>` (`*` any run of characters, `?` one; a glob with `://` matches the"
              + " whole namespace, one without it the `host:port` or the host). A topic `orders`"
              + " in a matching namespace becomes `orders@<cluster>`; an unmatched namespace is"
              + " named by its `host:port`. In a properties file write `:` in a key as `\\:`.",
          "namespace.cluster.kafka://broker-*.prod:9092: prod");

  public static final ConfigDef ALL =
      ConfigDef.of(
              BATCH_MAX,
              QUEUE_CAPACITY,
              MAX_DATASETS,
              MAX_SCHEMA_FIELDS,
              MAX_COLUMN_LINEAGE_EDGES,
              MAX_FACET_BYTES,
              DEFAULT_TENANT,
              KAFKA_ENABLED,
              KAFKA_BOOTSTRAP_SERVERS,
              KAFKA_TOPIC,
              KAFKA_GROUP_ID,
              KAFKA_DEAD_LETTER_TOPIC,
              KAFKA_TENANT,
              KAFKA_ROLES)
          .withPrefixes(NAMESPACE_CLUSTER);

  private IngestSettings() {}
}
