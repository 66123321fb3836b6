package io.tributary.ranger.audit;

import io.tributary.config.ConfigDef;
import io.tributary.config.Setting;
import io.tributary.config.ValueType;

/** The configuration keys of the audit of access decisions. */
public final class AuditSettings {
  public static final Setting<String> SINK =
      Setting.of(
              "audit.sink",
              new ValueType<>("audit sink name", String::trim, s -> s),
              Slf4jAuditSinkProvider.NAME,
              "Where access decisions are audited: `log`, the SLF4J logger `tributary.audit`"
                  + " (written to `<data.dir>/logs/audit.log` unless logback.xml routes it); `kafka`, a topic keyed by"
                  + " tenant; or the name of an audit sink plug-in (docs/plugins.md).")
          .withCheck(name -> AuditSinks.load().provider(name));

  public static final Setting<String> KAFKA_BOOTSTRAP_SERVERS =
      Setting.of(
          "audit.kafka.bootstrap-servers",
          ValueType.string(),
          null,
          "The brokers of the audit topic (with `audit.sink: kafka`). Unset:"
              + " `kafka.ingest.bootstrap-servers`.");

  public static final Setting<String> KAFKA_TOPIC =
      Setting.of(
          "audit.kafka.topic",
          ValueType.string(),
          "tributary_audit",
          "The audit topic (with `audit.sink: kafka`).");

  public static final Setting<String> READS =
      Setting.of(
          "audit.reads",
          ValueType.oneOf(java.util.List.of("off", "sampled", "all")),
          "off",
          "Which read requests that were allowed throughout are audited: `off` (only denials), `sampled`"
              + " (`audit.reads.sample-rate` of them) or `all`. A read request is audited as one record"
              + " however many entities it decided; one with a denial always is.");

  public static final Setting<Double> READS_SAMPLE_RATE =
      Setting.of(
          "audit.reads.sample-rate",
          ValueType.number(0, 1),
          0.01,
          "The share of allowed read requests audited with `audit.reads: sampled`.");

  public static final ConfigDef ALL =
      ConfigDef.of(SINK, KAFKA_BOOTSTRAP_SERVERS, KAFKA_TOPIC, READS, READS_SAMPLE_RATE);

  /** The read audit these settings describe, writing to {@code sink}. */
  public static ReadAudit readAudit(io.tributary.config.Configuration config, AuditSink sink) {
    return ReadAudit.of(
        ReadAudit.Mode.parse(config.get(READS)), config.get(READS_SAMPLE_RATE), sink);
  }

  private AuditSettings() {}
}
