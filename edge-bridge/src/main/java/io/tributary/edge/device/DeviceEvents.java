package io.tributary.edge.device;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * Builds a device's OpenLineage RunEvents as JSON text, without a JSON library: a device that reads
 * sensors and writes outputs reports START once, RUNNING with its readings' counts, and COMPLETE
 * (or FAIL) at the end. Events validate against OpenLineage 2-0-2.
 */
public final class DeviceEvents {
  public static final String PRODUCER = "https://github.com/tributary/edge-bridge/device";
  private static final String SCHEMA =
      "https://openlineage.io/spec/2-0-2/OpenLineage.json#/$defs/RunEvent";
  private static final String OUTPUT_STATISTICS =
      "https://openlineage.io/spec/facets/1-0-2/OutputStatisticsOutputDatasetFacet.json"
          + "#/$defs/OutputStatisticsOutputDatasetFacet";

  private final String deviceId;
  private final String namespace;
  private final UUID runId;

  /**
   * @param deviceId the device's id, as in its lineage topic
   * @param namespace the job namespace of the device's own job, e.g. {@code devices://plant-1}
   * @param runId this run of the device (a boot)
   */
  public DeviceEvents(String deviceId, String namespace, UUID runId) {
    this.deviceId = Objects.requireNonNull(deviceId, "deviceId");
    this.namespace = Objects.requireNonNull(namespace, "namespace");
    this.runId = Objects.requireNonNull(runId, "runId");
  }

  /** An output of the device: a dataset and what the device wrote to it since the last event. */
  public record Output(String namespace, String name, long rowCount, long bytes) {}

  /** A RunEvent of type START, RUNNING, COMPLETE, FAIL or ABORT at {@code time}. */
  public String event(String eventType, Instant time, List<Output> outputs) {
    StringBuilder json = new StringBuilder(256);
    json.append("{\"eventType\":");
    string(json, eventType);
    json.append(",\"eventTime\":");
    string(json, time.toString());
    json.append(",\"producer\":");
    string(json, PRODUCER);
    json.append(",\"schemaURL\":");
    string(json, SCHEMA);
    json.append(",\"run\":{\"runId\":");
    string(json, runId.toString());
    json.append("},\"job\":{\"namespace\":");
    string(json, namespace);
    json.append(",\"name\":");
    string(json, deviceId);
    json.append("},\"inputs\":[],\"outputs\":[");
    for (int i = 0; i < outputs.size(); i++) {
      Output o = outputs.get(i);
      if (i > 0) {
        json.append(',');
      }
      json.append("{\"namespace\":");
      string(json, o.namespace());
      json.append(",\"name\":");
      string(json, o.name());
      json.append(",\"outputFacets\":{\"outputStatistics\":{\"_producer\":");
      string(json, PRODUCER);
      json.append(",\"_schemaURL\":");
      string(json, OUTPUT_STATISTICS);
      json.append(",\"rowCount\":").append(o.rowCount());
      json.append(",\"size\":").append(o.bytes()).append("}}}");
    }
    return json.append("]}").toString();
  }

  /** A JSON string literal, escaped as RFC 8259 requires. */
  static void string(StringBuilder json, String value) {
    json.append('"');
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      switch (c) {
        case '"' -> json.append("\\\"");
        case '\\' -> json.append("\\\\");
        case '\n' -> json.append("\\n");
        case '\r' -> json.append("\\r");
        case '\t' -> json.append("\\t");
        default -> {
          if (c < 0x20) {
            json.append(String.format("\\u%04x", (int) c));
          } else {
            json.append(c);
          }
        }
      }
    }
    json.append('"');
  }
}
