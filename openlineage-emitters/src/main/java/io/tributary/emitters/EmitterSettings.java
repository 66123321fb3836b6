package io.tributary.emitters;

import io.tributary.config.ConfigDef;
import io.tributary.config.ConfigDocs;
import io.tributary.config.PrefixSetting;
import io.tributary.config.Setting;
import io.tributary.config.ValueType;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Every configuration key the emitters read, each declared once: {@link EmitterConfig}'s defaults
 * are these. Keys are the same for all integrations: Kafka client properties, Kafka Streams
 * properties, Flink configuration, Pulsar client maps and Functions/IO configs, and the maps given
 * to the Kinesis hooks alike.
 */
public final class EmitterSettings {
  /**
   * Key under which a host may pass a Micrometer {@code MeterRegistry} object (Kafka client configs
   * accept objects) for the emitter's meters; not text, so not a {@link Setting}.
   */
  public static final String METER_REGISTRY = "openlineage.meter.registry";

  private static final ValueType<Tenant> TENANT_ID =
      new ValueType<>(
          "tenant id",
          raw -> {
            try {
              return new Tenant(raw);
            } catch (EmitterException e) {
              throw new IllegalArgumentException(e.getMessage(), e);
            }
          },
          Tenant::value);

  public static final Setting<String> NAMESPACE =
      Setting.of(
              "openlineage.namespace",
              ValueType.string(),
              "default",
              "Namespace of the emitted job.")
          .withCheck(EmitterSettings::nonBlank)
          .withDefaultDoc("$OPENLINEAGE_NAMESPACE, else `default`");

  public static final Setting<String> JOB_NAME =
      Setting.of(
              "openlineage.job.name",
              ValueType.string(),
              null,
              "Name of the emitted job. Clients that share a name share one run, whichever"
                  + " platform each of them talks to.")
          .withCheck(EmitterSettings::nonBlank)
          .withDefaultDoc(
              "per integration (client.id, group.id, application.id, Flink job name, Pulsar"
                  + " subscriptionName / producerName, <tenant>/<namespace>/<function>)");

  public static final Setting<Tenant> TENANT =
      Setting.of(
          "openlineage.tenant",
          TENANT_ID,
          null,
          "Tenant that owns the lineage: sent as the `tributary_tenant` run facet and, with the"
              + " http transport, the `X-Tributary-Tenant` header.");

  public static final Setting<Duration> SNAPSHOT_INTERVAL =
      Setting.of(
          "openlineage.snapshot.interval.ms",
          ValueType.millis(1000),
          Duration.ofSeconds(60),
          "Interval between RUNNING snapshots; also the statistics window.");

  public static final Setting<Integer> QUEUE_CAPACITY =
      Setting.of(
          "openlineage.queue.capacity",
          ValueType.integer(2, Integer.MAX_VALUE),
          128,
          "Events waiting to be sent. When full, the oldest RUNNING snapshot is dropped.");

  public static final Setting<Integer> MAX_ATTEMPTS =
      Setting.of(
          "openlineage.retry.max.attempts",
          ValueType.integer(1, Integer.MAX_VALUE),
          8,
          "Attempts per event before it is counted as failed and skipped.");

  public static final Setting<Duration> INITIAL_BACKOFF =
      Setting.of(
          "openlineage.retry.backoff.initial.ms",
          ValueType.millis(1),
          Duration.ofMillis(200),
          "First pause after a failed send; doubles on each retry.");

  public static final Setting<Duration> MAX_BACKOFF =
      Setting.of(
          "openlineage.retry.backoff.max.ms",
          ValueType.millis(1),
          Duration.ofSeconds(30),
          "Longest pause between two attempts.");

  public static final Setting<Duration> CLOSE_TIMEOUT =
      Setting.of(
          "openlineage.close.timeout.ms",
          ValueType.millis(0),
          Duration.ofSeconds(5),
          "How long closing waits for queued events (the terminal one included) to be sent.");

  public static final Setting<Boolean> ABORT_ON_JVM_EXIT =
      Setting.of(
          "openlineage.abort.on.jvm.exit",
          ValueType.bool(),
          true,
          "Emit ABORT from a shutdown hook when the JVM exits before the job was closed.");

  public static final Setting<Path> CONFIG_FILE =
      Setting.of(
              "openlineage.config.file",
              ValueType.path(),
              null,
              "An openlineage.yml whose `transport` section is used.")
          .withDefaultDoc("$OPENLINEAGE_CONFIG, ./openlineage.yml, ~/.openlineage/openlineage.yml");

  public static final Setting<String> CLUSTER_RESOLVER_CLASS =
      Setting.of(
              "openlineage.cluster.resolver.class",
              new ValueType<>("class name", s -> s, s -> s),
              null,
              "A `ClusterResolver` with a public no-argument constructor; replaces the static"
                  + " `openlineage.cluster.<name>` lists.")
          .withCheck(EmitterSettings::nonBlank);

  public static final Setting<String> FLINK_REST_URL =
      Setting.of(
              "openlineage.flink.rest.url",
              new ValueType<>("URL", s -> s, s -> s),
              null,
              "Flink only: the JobManager REST API read for checkpoint statistics.")
          .withCheck(EmitterSettings::nonBlank)
          .withDefaultDoc("http://<rest.address>:<rest.port> of the Flink configuration");

  public static final Setting<String> PULSAR_SERVICE_URL =
      Setting.of(
              "openlineage.pulsar.service.url",
              new ValueType<>("URL", s -> s, s -> s),
              null,
              "Pulsar Functions and IO connectors: the broker's service URL, which names their"
                  + " topics' namespace (`pulsar://host:port`).")
          .withCheck(EmitterSettings::nonBlank)
          .withDefaultDoc("Pulsar clients: their own `serviceUrl`");

  public static final Setting<String> AWS_ACCOUNT =
      Setting.of(
              "openlineage.aws.account",
              ValueType.string(),
              null,
              "Kinesis: the AWS account id of streams a request names without an ARN; with it they"
                  + " are `arn:aws:kinesis:<region>:<account>`, without it `kinesis://<region>`.")
          .withCheck(EmitterSettings::awsAccount)
          .withDefaultDoc("the account of the first stream ARN the client uses");

  /** OpenLineage transport keys, spelled as in {@code openlineage.yml}'s transport. */
  public static final PrefixSetting TRANSPORT =
      new PrefixSetting(
          "openlineage.transport.",
          "An OpenLineage transport, keys as in openlineage.yml's `transport` (`type`, `url`,"
              + " `endpoint`, `headers.<name>`, ...); `type` names a transport OpenLineage's"
              + " client finds on the class path (docs/plugins.md).",
          "openlineage.transport.url: http://catalog:8080");

  /** Static cluster declarations: {@code openlineage.cluster.<name>=host:port,...}. */
  public static final PrefixSetting CLUSTERS =
      new PrefixSetting(
          "openlineage.cluster.",
          "`openlineage.cluster.<name>`: the addresses (`host[:port]`, comma-separated) that"
              + " belong to cluster <name>; sent as the `tributary_cluster` dataset facet.",
          "openlineage.cluster.prod: broker-1:9092,broker-2:9092");

  /** All declared keys, in documentation order. */
  public static final ConfigDef ALL =
      ConfigDef.of(
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
              FLINK_REST_URL,
              PULSAR_SERVICE_URL,
              AWS_ACCOUNT)
          .withPrefixes(TRANSPORT, CLUSTERS);

  private EmitterSettings() {}

  /** The reference tables of every key and prefix, as published in {@code docs/emitters.md}. */
  public static String markdownTable() {
    return ConfigDocs.keysTable(ALL) + "\n" + ConfigDocs.prefixTable(ALL);
  }

  private static void awsAccount(String raw) {
    if (!raw.matches("[0-9]{12}")) {
      throw new IllegalArgumentException("an AWS account id has 12 digits");
    }
  }

  private static void nonBlank(String raw) {
    if (raw.isBlank()) {
      throw new IllegalArgumentException("value is blank");
    }
  }
}
