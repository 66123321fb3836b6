package io.tributary.edge.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What the bridge knows of its devices: what they said about themselves on their status topic
 * ({@code online}, {@code offline} as their MQTT last will, or a JSON object with {@code state},
 * {@code model}, {@code firmware}, {@code location}) and when it last heard from them. Thread-safe.
 */
public final class DeviceRegistry {
  private static final int MAX_FIELD = 200;

  private final ObjectMapper json;
  private final Map<String, DeviceInfo> devices = new ConcurrentHashMap<>();
  private final Set<String> changed = ConcurrentHashMap.newKeySet();

  public DeviceRegistry(ObjectMapper json) {
    this.json = json;
  }

  /**
   * Applies a status message.
   *
   * @return false when the payload is neither a state word nor a JSON object
   */
  public boolean status(String deviceId, byte[] payload, Instant now) {
    String text = new String(payload, StandardCharsets.UTF_8).strip();
    DeviceInfo before = devices.getOrDefault(deviceId, DeviceInfo.unknown(deviceId));
    DeviceInfo after;
    if (text.equalsIgnoreCase("online") || text.equalsIgnoreCase("offline")) {
      after = before.withOnline(text.equalsIgnoreCase("online"), now);
    } else {
      JsonNode node;
      try {
        node = json.readTree(text);
      } catch (IOException e) {
        return false;
      }
      if (node == null || !node.isObject()) {
        return false;
      }
      String state = field(node, "state");
      after =
          new DeviceInfo(
              deviceId,
              Optional.ofNullable(field(node, "model")).orElse(before.model()),
              Optional.ofNullable(field(node, "firmware")).orElse(before.firmware()),
              Optional.ofNullable(field(node, "location")).orElse(before.location()),
              state == null ? before.online() : !"offline".equalsIgnoreCase(state),
              now);
    }
    devices.put(deviceId, after);
    changed.add(deviceId);
    return true;
  }

  private static String field(JsonNode node, String name) {
    JsonNode value = node.get(name);
    if (value == null || !value.isValueNode() || value.isNull()) {
      return null;
    }
    String text = value.asText();
    return text.length() > MAX_FIELD ? text.substring(0, MAX_FIELD) : text;
  }

  /** Records traffic from a device: it is online and seen now. */
  public void seen(String deviceId, Instant now) {
    devices.compute(
        deviceId,
        (id, info) -> {
          DeviceInfo current = info == null ? DeviceInfo.unknown(id) : info;
          if (!Boolean.TRUE.equals(current.online())) {
            changed.add(id);
          }
          return current.withOnline(true, now);
        });
  }

  public DeviceInfo info(String deviceId) {
    return devices.getOrDefault(deviceId, DeviceInfo.unknown(deviceId));
  }

  /** Devices whose state changed since the last call. */
  public Set<String> takeChanged() {
    Set<String> out = new HashSet<>(changed);
    changed.removeAll(out);
    return out;
  }

  public Map<String, DeviceInfo> all() {
    return Map.copyOf(devices);
  }
}
