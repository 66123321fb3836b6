package io.tributary.emitters;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * Every configuration key the emitters read. Keys are the same for all integrations: Kafka client
 * properties, Kafka Streams properties and Flink configuration alike.
 */
public final class EmitterSettings {
  /** Prefix of OpenLineage transport keys, spelled as in {@code openlineage.yml}'s transport. */
  public static final String TRANSPORT_PREFIX = "openlineage.transport.";

  /** Prefix of static cluster declarations: {@code openlineage.cluster.<name>=host:port,...}. */
  public static final String CLUSTER_PREFIX = "openlineage.cluster.";

  /**
   * Key under which a host may pass a Micrometer {@code MeterRegistry} object (Kafka client configs
   * accept objects) for the emitter's meters.
   */
  public static final String METER_REGISTRY = "openlineage.meter.registry";

  public static final Setting<String> NAMESPACE =
      new Setting<>(
          "openlineage.namespace",
          "string",
          "$OPENLINEAGE_NAMESPACE, else `default`",
          "Namespace of the emitted job.",
          EmitterSettings::nonBlank);

  public static final Setting<String> JOB_NAME =
      new Setting<>(
          "openlineage.job.name",
          "string",
          "per integration (client.id, group.id, application.id, Flink job name)",
          "Name of the emitted job. Kafka clients that share a name share one run.",
          EmitterSettings::nonBlank);

  public static final Setting<Tenant> TENANT =
      new Setting<>(
          "openlineage.tenant",
          "tenant id",
          "none",
          "Tenant that owns the lineage: sent as the `tributary_tenant` run facet and, with the"
              + " http transport, the `X-Tributary-Tenant` header.",
          Tenant::new);

  public static final Setting<Duration> SNAPSHOT_INTERVAL =
      new Setting<>(
          "openlineage.snapshot.interval.ms",
          "milliseconds >= 1000",
          "60000",
          "Interval between RUNNING snapshots; also the statistics window.",
          raw -> millis(raw, 1000));

  public static final Setting<Integer> QUEUE_CAPACITY =
      new Setting<>(
          "openlineage.queue.capacity",
          "integer >= 2",
          "128",
          "Events waiting to be sent. When full, the oldest RUNNING snapshot is dropped.",
          raw -> atLeast(Integer.parseInt(raw), 2));

  public static final Setting<Integer> MAX_ATTEMPTS =
      new Setting<>(
          "openlineage.retry.max.attempts",
          "integer >= 1",
          "8",
          "Attempts per event before it is counted as failed and skipped.",
          raw -> atLeast(Integer.parseInt(raw), 1));

  public static final Setting<Duration> INITIAL_BACKOFF =
      new Setting<>(
          "openlineage.retry.backoff.initial.ms",
          "milliseconds >= 1",
          "200",
          "First pause after a failed send; doubles on each retry.",
          raw -> millis(raw, 1));

  public static final Setting<Duration> MAX_BACKOFF =
      new Setting<>(
          "openlineage.retry.backoff.max.ms",
          "milliseconds >= 1",
          "30000",
          "Longest pause between two attempts.",
          raw -> millis(raw, 1));

  public static final Setting<Duration> CLOSE_TIMEOUT =
      new Setting<>(
          "openlineage.close.timeout.ms",
          "milliseconds >= 0",
          "5000",
          "How long closing waits for queued events (the terminal one included) to be sent.",
          raw -> millis(raw, 0));

  public static final Setting<Boolean> ABORT_ON_JVM_EXIT =
      new Setting<>(
          "openlineage.abort.on.jvm.exit",
          "boolean",
          "true",
          "Emit ABORT from a shutdown hook when the JVM exits before the job was closed.",
          EmitterSettings::bool);

  public static final Setting<Path> CONFIG_FILE =
      new Setting<>(
          "openlineage.config.file",
          "path",
          "$OPENLINEAGE_CONFIG, ./openlineage.yml, ~/.openlineage/openlineage.yml",
          "An openlineage.yml whose `transport` section is used.",
          Path::of);

  public static final Setting<String> CLUSTER_RESOLVER_CLASS =
      new Setting<>(
          "openlineage.cluster.resolver.class",
          "class name",
          "none",
          "A `ClusterResolver` with a public no-argument constructor; replaces the static"
              + " `openlineage.cluster.<name>` lists.",
          EmitterSettings::nonBlank);

  public static final Setting<String> FLINK_REST_URL =
      new Setting<>(
          "openlineage.flink.rest.url",
          "URL",
          "http://<rest.address>:<rest.port> of the Flink configuration",
          "Flink only: the JobManager REST API read for checkpoint statistics.",
          EmitterSettings::nonBlank);

  /** All declared keys, in documentation order. */
  public static final List<Setting<?>> ALL =
      List.of(
          NAMESPACE,
          JOB_NAME,
          TENANT,
          SNAPSHOT_INTERVAL,
          QUEUE_CAPACITY,
          MAX_ATTEMPTS,
          INITIAL_BACKOFF,
          MAX_BACKOFF,
          CLOSE_TIMEOUT,
          ABORT_ON_JVM_EXIT,
          CONFIG_FILE,
          CLUSTER_RESOLVER_CLASS,
          FLINK_REST_URL);

  private EmitterSettings() {}

  /** The reference table of every key, as published in {@code docs/emitters.md}. */
  public static String markdownTable() {
    StringBuilder table = new StringBuilder();
    table.append("| key | type | default | meaning |\n|---|---|---|---|\n");
    for (Setting<?> s : ALL) {
      table
          .append("| `")
          .append(s.key())
          .append("` | ")
          .append(s.type())
          .append(" | ")
          .append(s.defaultText())
          .append(" | ")
          .append(s.doc())
          .append(" |\n");
    }
    table
        .append("| `")
        .append(TRANSPORT_PREFIX)
        .append("*` | string | none | An OpenLineage transport, keys as in openlineage.yml's")
        .append(" `transport` (`type`, `url`, `endpoint`, `headers.<name>`, ...). |\n");
    table
        .append("| `")
        .append(CLUSTER_PREFIX)
        .append("<name>` | host[:port] list | none | Addresses that belong to cluster <name>;")
        .append(" sent as the `tributary_cluster` dataset facet. |\n");
    table
        .append("| `")
        .append(METER_REGISTRY)
        .append("` | a Micrometer `MeterRegistry` object | none | Where the emitter publishes its")
        .append(" meters (Kafka clients only: their configs accept objects). |\n");
    return table.toString();
  }

  private static String nonBlank(String raw) {
    if (raw.isBlank()) {
      throw new EmitterException("value is blank");
    }
    return raw;
  }

  private static int atLeast(int value, int min) {
    if (value < min) {
      throw new EmitterException("value " + value + " is below " + min);
    }
    return value;
  }

  private static Duration millis(String raw, long min) {
    long value = Long.parseLong(raw);
    if (value < min) {
      throw new EmitterException("value " + value + " ms is below " + min + " ms");
    }
    return Duration.ofMillis(value);
  }

  private static Boolean bool(String raw) {
    return switch (raw.toLowerCase(Locale.ROOT)) {
      case "true" -> Boolean.TRUE;
      case "false" -> Boolean.FALSE;
      default -> throw new EmitterException("value '" + raw + "' is not true or false");
    };
  }
}
