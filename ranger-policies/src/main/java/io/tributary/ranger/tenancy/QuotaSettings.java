package io.tributary.ranger.tenancy;

import io.tributary.config.ConfigDef;
import io.tributary.config.Setting;
import io.tributary.config.ValueType;

/** The configuration keys of the quotas given to tenants created without their own. */
public final class QuotaSettings {
  public static final Setting<Double> DEFAULT_EVENTS_PER_SECOND =
      Setting.of(
          "quota.default.events-per-second",
          ValueType.number(0, 1_000_000),
          0.0,
          "The ingest rate given to tenants created without quotas of their own; 0: unlimited."
              + " An event over it is answered 429 with `Retry-After`.");

  public static final Setting<Integer> DEFAULT_BURST =
      Setting.of(
          "quota.default.burst",
          ValueType.integer(0, 100_000_000),
          0,
          "The events a new tenant may send at once above its rate (at least one second's"
              + " worth).");

  public static final ConfigDef ALL = ConfigDef.of(DEFAULT_EVENTS_PER_SECOND, DEFAULT_BURST);

  private QuotaSettings() {}
}
