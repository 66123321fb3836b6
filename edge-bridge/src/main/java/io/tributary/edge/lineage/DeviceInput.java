package io.tributary.edge.lineage;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tributary.contract.schema.EventKind;
import io.tributary.contract.schema.EventValidator;
import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Checks what a device publishes on its lineage topic before anything is journaled: a device id the
 * bridge accepts, a size within the limit, JSON, and an OpenLineage RunEvent valid against the
 * official schemas. What fails is refused with a reason, never thrown.
 */
public final class DeviceInput {
  /** Device ids: topic-safe, short, no wildcards or separators. */
  public static final Pattern DEVICE_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:-]{0,127}");

  /** Why a message was refused; the metric label. */
  public enum Reason {
    UNKNOWN_DEVICE,
    OVERSIZED,
    NOT_JSON,
    SCHEMA;

    public String label() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  /** An accepted event or the reason it was refused, with a detail for the log. */
  public record Outcome(ObjectNode event, Instant deviceTime, Reason refused, String detail) {
    public boolean accepted() {
      return refused == null;
    }

    static Outcome refuse(Reason reason, String detail) {
      return new Outcome(null, null, reason, detail);
    }
  }

  private final ObjectMapper json;
  private final EventValidator validator;
  private final long maxBytes;
  private final Set<String> allowed;

  /**
   * @param allowed the device ids accepted; empty accepts every well-formed id
   */
  public DeviceInput(
      ObjectMapper json, EventValidator validator, long maxBytes, Set<String> allowed) {
    this.json = json;
    this.validator = validator;
    this.maxBytes = maxBytes;
    this.allowed = Set.copyOf(allowed);
  }

  /** Whether the bridge takes messages from this device at all. */
  public boolean knownDevice(String deviceId) {
    return deviceId != null
        && DEVICE_ID.matcher(deviceId).matches()
        && (allowed.isEmpty() || allowed.contains(deviceId));
  }

  public Outcome check(String deviceId, byte[] payload) {
    if (!knownDevice(deviceId)) {
      return Outcome.refuse(Reason.UNKNOWN_DEVICE, "device id not accepted");
    }
    if (payload.length > maxBytes) {
      return Outcome.refuse(
          Reason.OVERSIZED, payload.length + " bytes, more than the limit of " + maxBytes);
    }
    JsonNode event;
    try {
      event = json.readTree(payload);
    } catch (IOException e) {
      return Outcome.refuse(Reason.NOT_JSON, "not JSON");
    }
    if (event == null || !event.isObject()) {
      return Outcome.refuse(Reason.NOT_JSON, "not a JSON object");
    }
    EventValidator.Result result = validator.validate(event);
    if (!result.valid()) {
      return Outcome.refuse(Reason.SCHEMA, result.violations().get(0).toString());
    }
    if (result.kind() != EventKind.RUN || !event.path("eventType").isTextual()) {
      return Outcome.refuse(Reason.SCHEMA, "a device sends RunEvents with an eventType");
    }
    try {
      Instant deviceTime = Instant.parse(event.path("eventTime").asText());
      return new Outcome((ObjectNode) event, deviceTime, null, null);
    } catch (DateTimeParseException e) {
      return Outcome.refuse(Reason.SCHEMA, "eventTime is not an ISO-8601 instant");
    }
  }
}
