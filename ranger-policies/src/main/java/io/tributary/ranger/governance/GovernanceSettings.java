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

  public static final ConfigDef ALL =
      ConfigDef.of(RETENTION_INTERVAL, FRESHNESS_INTERVAL, WEBHOOK_URL);

  private GovernanceSettings() {}
}
