package io.tributary.ranger.governance;

import io.tributary.config.ConfigDef;
import io.tributary.config.Setting;
import io.tributary.config.ValueType;
import java.time.Duration;

/** The configuration keys of governance. */
public final class GovernanceSettings {
  public static final Setting<Duration> RETENTION_INTERVAL =
      Setting.of(
          "governance.retention.interval",
          ValueType.duration(Duration.ofSeconds(1), Duration.ofDays(7)),
          Duration.ofHours(1),
          "How often the scheduled purge applies every tenant's retention rules (docs/governance.md).");

  public static final Setting<Duration> FRESHNESS_INTERVAL =
      Setting.of(
          "governance.quality.freshness-interval",
          ValueType.duration(Duration.ofMillis(100), Duration.ofDays(1)),
          Duration.ofMinutes(1),
          "How often data-quality freshness rules are checked (docs/governance.md).");

  public static final Setting<String> WEBHOOK_URL =
      Setting.of(
          "governance.quality.webhook-url",
          ValueType.string(),
          null,
          "Where data-quality failures are posted as JSON; unset: only the change feed carries"
              + " them.");

  public static final Setting<String> ALERT_KAFKA_BOOTSTRAP_SERVERS =
      Setting.of(
          "governance.quality.kafka.bootstrap-servers",
          ValueType.string(),
          null,
          "Kafka brokers that data-quality failures are published to, beside the webhook; unset:"
              + " no Kafka alerts.");

  public static final Setting<String> ALERT_KAFKA_TOPIC =
      Setting.of(
          "governance.quality.kafka.topic",
          ValueType.string(),
          "tributary-quality-alerts",
          "The topic of data-quality failures (JSON, keyed by tenant/dataset guid).");

  public static final Setting<Duration> ORPHAN_SCAN_INTERVAL =
      Setting.of(
          "governance.stewardship.orphan-scan-interval",
          ValueType.duration(Duration.ofMillis(100), Duration.ofDays(7)),
          Duration.ofHours(1),
          "How often datasets no job reads or writes are looked for, each becoming a steward task.");

  public static final ConfigDef ALL =
      ConfigDef.of(
          RETENTION_INTERVAL,
          FRESHNESS_INTERVAL,
          WEBHOOK_URL,
          ALERT_KAFKA_BOOTSTRAP_SERVERS,
          ALERT_KAFKA_TOPIC,
          ORPHAN_SCAN_INTERVAL);

  private GovernanceSettings() {}
}
