package io.tributary.edge.registry;

import java.time.Instant;
import java.util.Objects;

/**
 * A device as the bridge knows it; fields it never reported are null.
 *
 * @param online null until the device said or showed anything
 */
public record DeviceInfo(
    String deviceId,
    String model,
    String firmware,
    String location,
    Boolean online,
    Instant lastSeen) {
  public DeviceInfo {
    Objects.requireNonNull(deviceId, "deviceId");
  }

  static DeviceInfo unknown(String deviceId) {
    return new DeviceInfo(deviceId, null, null, null, null, null);
  }

  DeviceInfo withOnline(boolean value, Instant now) {
    return new DeviceInfo(deviceId, model, firmware, location, value, now);
  }
}
