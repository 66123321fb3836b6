package io.tributary.edge;

import io.tributary.config.ConfigDef;
import io.tributary.config.ConfigLoader;
import io.tributary.config.Setting;
import io.tributary.config.ValueType;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * The edge bridge's keys. The bridge is its own program: these are not the catalog server's keys,
 * and its reference is docs/edge.md (checked against {@link #referenceTable()} by a test).
 */
public final class EdgeSettings {
  public static final Setting<String> NODE =
      Setting.of(
          "edge.node",
          ValueType.string(),
          null,
          "This bridge's name (`--node`), unique among the bridges of a tenant: it names the"
              + " bridge's jobs (`edge://<node>`), its MQTT session and its events' ids. Required.");

  public static final Setting<String> MQTT_URL =
      Setting.of(
          "edge.mqtt.url",
          ValueType.string(),
          "tcp://localhost:1883",
          "The MQTT broker (`--mqtt`): `tcp://host:port` or `ssl://host:port`.");

  public static final Setting<String> MQTT_VERSION =
      Setting.of(
          "edge.mqtt.version",
          ValueType.oneOf(List.of("3.1.1", "5")),
          "3.1.1",
          "MQTT protocol version of the bridge's connection; 5 adds user-property attribution.");

  public static final Setting<String> MQTT_USERNAME =
      Setting.of(
          "edge.mqtt.username",
          ValueType.string(),
          null,
          "MQTT user name, if the broker wants one.");

  public static final Setting<String> MQTT_PASSWORD =
      Setting.of("edge.mqtt.password", ValueType.string(), null, "MQTT password.").asSecret();

  public static final Setting<String> CATALOG_URL =
      Setting.of(
          "edge.catalog.url",
          ValueType.string(),
          "http://localhost:8080",
          "The Tributary catalog the journal syncs to (`--catalog`).");

  public static final Setting<String> API_KEY =
      Setting.of(
              "edge.api-key",
              ValueType.string(),
              null,
              "The bridge's API key (`--api-key`): a key of one tenant, whose lineage the bridge"
                  + " writes.")
          .asSecret();

  public static final Setting<Path> JOURNAL_DIR =
      Setting.of(
          "edge.journal.dir",
          ValueType.path(),
          Path.of("edge-journal"),
          "Directory of the offline journal (`--journal`): an SQLite database and the MQTT"
              + " session's in-flight state.");

  public static final Setting<Long> JOURNAL_MAX_BYTES =
      Setting.of(
          "edge.journal.max-bytes",
          ValueType.bytes(64 * 1024, Long.MAX_VALUE),
          256L * 1024 * 1024,
          "Bound on the journaled events' bytes (`--journal-max-bytes`): past it the oldest"
              + " RUNNING snapshots are dropped, never START or terminal events.");

  public static final Setting<Integer> HTTP_PORT =
      Setting.of(
          "edge.http.port",
          ValueType.integer(0, 65535),
          9464,
          "Port of `/metrics` and `/health` (`--http-port`; 0: any free port).");

  public static final Setting<String> HTTP_HOST =
      Setting.of(
          "edge.http.host",
          ValueType.string(),
          "0.0.0.0",
          "Listen address of `/metrics` and `/health`.");

  public static final Setting<String> LINEAGE_TOPIC =
      Setting.of(
          "edge.lineage.topic",
          ValueType.string(),
          "tributary/lineage/{deviceId}",
          "Where devices publish their own OpenLineage events, one level naming the device.");

  public static final Setting<String> STATUS_TOPIC =
      Setting.of(
          "edge.status.topic",
          ValueType.string(),
          "tributary/status/{deviceId}",
          "Where devices say `online`, `offline` (their MQTT last will) or a JSON object with"
              + " `state`, `model`, `firmware`, `location`.");

  public static final Setting<List<String>> OBSERVE =
      Setting.of(
          "edge.observe.patterns",
          ValueType.list(),
          List.of(),
          "Data topics to observe, as patterns naming the device level, such as"
              + " `sensors/{deviceId}/{signal}`; each is subscribed with its named levels as `+`.");

  public static final Setting<String> DEVICE_PROPERTY =
      Setting.of(
          "edge.observe.device-property",
          ValueType.string(),
          "device-id",
          "MQTT 5 user property naming a message's device; it wins over the topic pattern.");

  public static final Setting<Duration> WINDOW =
      Setting.of(
          "edge.observe.window",
          ValueType.duration(Duration.ofSeconds(1), Duration.ofHours(1)),
          Duration.ofSeconds(30),
          "How often observed traffic is reported, as one RUNNING snapshot per device.");

  public static final Setting<List<String>> DEVICES =
      Setting.of(
          "edge.devices.allowed",
          ValueType.list(),
          List.of(),
          "Device ids the bridge accepts; empty accepts every well-formed id.");

  public static final Setting<Long> DEVICE_MAX_BYTES =
      Setting.of(
          "edge.devices.max-event-bytes",
          ValueType.bytes(1024, 16L * 1024 * 1024),
          256L * 1024,
          "Largest lineage event a device may publish; larger ones are counted and dropped.");

  public static final Setting<Duration> MAX_DRIFT =
      Setting.of(
          "edge.clock.max-drift",
          ValueType.duration(Duration.ZERO, Duration.ofDays(1)),
          Duration.ofMinutes(5),
          "How far ahead of the gateway's clock a device's time may be and still advance the"
              + " hybrid logical clock.");

  public static final Setting<Integer> SYNC_BATCH =
      Setting.of(
          "edge.sync.batch-size",
          ValueType.integer(1, 10_000),
          500,
          "Events per batch sent to the catalog.");

  public static final Setting<Duration> SYNC_INTERVAL =
      Setting.of(
          "edge.sync.interval",
          ValueType.duration(Duration.ofMillis(10), Duration.ofHours(1)),
          Duration.ofSeconds(1),
          "How often an idle sync looks at the journal.");

  public static final Setting<Duration> SYNC_MAX_BACKOFF =
      Setting.of(
          "edge.sync.max-backoff",
          ValueType.duration(Duration.ofMillis(100), Duration.ofHours(1)),
          Duration.ofSeconds(60),
          "Longest wait between tries while the catalog is unreachable.");

  public static final Setting<List<String>> FORWARD =
      Setting.of(
          "edge.forward.rules",
          ValueType.list(),
          List.of(),
          "Forwarding rules `name=mqtt/filter/#>kafka-topic`: messages matching the filter go to"
              + " the Kafka topic, and appear as lineage MQTT topic -> `forward/<name>` -> topic.");

  public static final Setting<String> KAFKA_BOOTSTRAP =
      Setting.of(
          "edge.kafka.bootstrap-servers",
          ValueType.string(),
          null,
          "Kafka cluster of the forwarding rules.");

  public static final Setting<String> KAFKA_CLUSTER =
      Setting.of(
          "edge.kafka.cluster",
          ValueType.string(),
          null,
          "Logical cluster name of the forwarding rules' Kafka topics (the `tributary_cluster`"
              + " dataset facet), as the Kafka emitters' `openlineage.cluster.<name>` names it, so"
              + " that the bridge's topics are the same catalog entities as theirs.");

  public static final ConfigDef ALL =
      ConfigDef.of(
          ConfigLoader.CONFIG_FILE,
          NODE,
          MQTT_URL,
          MQTT_VERSION,
          MQTT_USERNAME,
          MQTT_PASSWORD,
          CATALOG_URL,
          API_KEY,
          JOURNAL_DIR,
          JOURNAL_MAX_BYTES,
          HTTP_PORT,
          HTTP_HOST,
          LINEAGE_TOPIC,
          STATUS_TOPIC,
          OBSERVE,
          DEVICE_PROPERTY,
          WINDOW,
          DEVICES,
          DEVICE_MAX_BYTES,
          MAX_DRIFT,
          SYNC_BATCH,
          SYNC_INTERVAL,
          SYNC_MAX_BACKOFF,
          FORWARD,
          KAFKA_BOOTSTRAP,
          KAFKA_CLUSTER);

  private EdgeSettings() {}

  /** The keys as a Markdown table, as docs/edge.md shows them. */
  public static String referenceTable() {
    return io.tributary.config.ConfigDocs.keysTableWithEnvironment(ALL.sorted());
  }
}
