package io.tributary.edge.lineage;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tributary.contract.TributaryFacets;
import io.tributary.edge.clock.HlcStamp;
import io.tributary.edge.journal.JournalEntry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Builds the OpenLineage events the bridge journals and completes them when they are sent. */
public final class EdgeEvents {
  public static final String PRODUCER = "https://github.com/tributary/edge-bridge";
  private static final String RUN_EVENT =
      "https://openlineage.io/spec/2-0-2/OpenLineage.json#/$defs/RunEvent";
  private static final String OUTPUT_STATISTICS =
      "https://openlineage.io/spec/facets/1-0-2/OutputStatisticsOutputDatasetFacet.json"
          + "#/$defs/OutputStatisticsOutputDatasetFacet";
  private static final String INPUT_STATISTICS =
      "https://openlineage.io/spec/facets/1-0-0/InputStatisticsInputDatasetFacet.json"
          + "#/$defs/InputStatisticsInputDatasetFacet";

  private final ObjectMapper json;
  private final String node;

  public EdgeEvents(ObjectMapper json, String node) {
    this.json = json;
    this.node = node;
  }

  /**
   * Traffic on one topic in one window.
   *
   * @param cluster the topic's logical cluster (a {@code tributary_cluster} facet), or null
   */
  public record TopicTraffic(
      String namespace, String topic, long messages, long bytes, String cluster) {
    public TopicTraffic(String namespace, String topic, long messages, long bytes) {
      this(namespace, topic, messages, bytes, null);
    }
  }

  /**
   * A run of a job seen by the bridge (a device publishing, a forwarding rule, the bridge itself).
   *
   * @param jobFacets the job's facets, or null
   */
  public record RunReport(
      String jobName,
      UUID runId,
      String eventType,
      List<TopicTraffic> inputs,
      List<TopicTraffic> outputs,
      Duration window,
      ObjectNode jobFacets) {}

  /** The bridge's own state, as its {@code edge_node} job reports it. */
  public record NodeStatus(
      long backlog,
      double oldestUnsyncedSeconds,
      Instant lastSync,
      boolean mqttConnected,
      long dropped) {}

  private static final String JOB_TYPE =
      "https://openlineage.io/spec/facets/2-0-3/JobTypeJobFacet.json#/$defs/JobTypeJobFacet";

  /** Job facets of a device: its type (EDGE_DEVICE) and what the registry knows of it. */
  public ObjectNode deviceJobFacets(io.tributary.edge.registry.DeviceInfo info) {
    ObjectNode facets = jobType("EDGE_DEVICE", "DEVICE");
    ObjectNode device =
        facet(facets, TributaryFacets.EDGE_DEVICE, "TributaryEdgeDeviceJobFacet")
            .put("deviceId", info.deviceId());
    if (info.model() != null) {
      device.put("model", info.model());
    }
    if (info.firmware() != null) {
      device.put("firmware", info.firmware());
    }
    if (info.location() != null) {
      device.put("location", info.location());
    }
    if (info.online() != null) {
      device.put("online", info.online());
    }
    if (info.lastSeen() != null) {
      device.put("lastSeen", info.lastSeen().toString());
    }
    return facets;
  }

  /** Job facets of the bridge itself: its type (EDGE_NODE) and its journal's state. */
  public ObjectNode nodeJobFacets(NodeStatus status) {
    ObjectNode facets = jobType("EDGE_NODE", "BRIDGE");
    ObjectNode facet =
        facet(facets, TributaryFacets.EDGE_NODE, "TributaryEdgeNodeJobFacet")
            .put("node", node)
            .put("backlog", status.backlog())
            .put("oldestUnsyncedSeconds", status.oldestUnsyncedSeconds())
            .put("mqttConnected", status.mqttConnected())
            .put("dropped", status.dropped());
    if (status.lastSync() != null) {
      facet.put("lastSync", status.lastSync().toString());
    }
    return facets;
  }

  private ObjectNode jobType(String integration, String jobType) {
    ObjectNode facets = json.createObjectNode();
    facets
        .putObject("jobType")
        .put("_producer", PRODUCER)
        .put("_schemaURL", JOB_TYPE)
        .put("processingType", "STREAMING")
        .put("integration", integration)
        .put("jobType", jobType);
    return facets;
  }

  /**
   * A RUNNING (or START, COMPLETE) event of a job the bridge observes, with the window's counts as
   * dataset statistics and rates in the streaming metrics facet.
   */
  public ObjectNode report(RunReport report, HlcStamp hlc, String device) {
    ObjectNode event = envelope(report.eventType(), hlc.instant());
    ObjectNode run = event.putObject("run").put("runId", report.runId().toString());
    ObjectNode facets = run.putObject("facets");
    long messages = 0;
    long bytes = 0;
    for (TopicTraffic t : report.outputs()) {
      messages += t.messages();
      bytes += t.bytes();
    }
    double seconds = Math.max(1, report.window().toMillis()) / 1000.0;
    ObjectNode metrics =
        facet(facets, TributaryFacets.STREAMING_METRICS, "TributaryStreamingMetricsRunFacet")
            .put("state", report.eventType())
            .put("recordsPerSecond", messages / seconds);
    metrics
        .putObject("engine")
        .put("kind", "mqtt")
        .put("windowSeconds", seconds)
        .put("messages", messages)
        .put("bytes", bytes)
        .put("bytesPerSecond", bytes / seconds);
    edgeFacet(facets, device, null);
    ObjectNode job =
        event
            .putObject("job")
            .put("namespace", Naming.nodeNamespace(node))
            .put("name", report.jobName());
    if (report.jobFacets() != null) {
      job.set("facets", report.jobFacets());
    }
    datasets(event.putArray("inputs"), report.inputs(), "inputFacets", "inputStatistics");
    datasets(event.putArray("outputs"), report.outputs(), "outputFacets", "outputStatistics");
    return event;
  }

  private void datasets(ArrayNode into, List<TopicTraffic> traffic, String field, String key) {
    for (TopicTraffic t : traffic) {
      ObjectNode dataset = into.addObject().put("namespace", t.namespace()).put("name", t.topic());
      if (t.cluster() != null) {
        facet(dataset.putObject("facets"), TributaryFacets.CLUSTER, "TributaryClusterDatasetFacet")
            .put(TributaryFacets.CLUSTER_FIELD, t.cluster());
      }
      if (t.messages() > 0) {
        dataset
            .putObject(field)
            .putObject(key)
            .put("_producer", PRODUCER)
            .put(
                "_schemaURL", key.equals("outputStatistics") ? OUTPUT_STATISTICS : INPUT_STATISTICS)
            .put("rowCount", t.messages())
            .put("size", t.bytes());
      }
    }
  }

  /**
   * A device's own event, journaled as the bridge saw it except for the time: {@code eventTime}
   * becomes the node's clock stamp, and the device's time is kept in the edge facet when it
   * differs.
   */
  public ObjectNode stampDeviceEvent(ObjectNode event, String device, HlcStamp hlc) {
    Instant deviceTime = Instant.parse(event.path("eventTime").asText());
    Instant stamped = hlc.instant();
    event.put("eventTime", stamped.toString());
    ObjectNode run = (ObjectNode) event.path("run");
    ObjectNode facets =
        run.path("facets").isObject() ? (ObjectNode) run.get("facets") : run.putObject("facets");
    edgeFacet(facets, device, deviceTime.equals(stamped) ? null : deviceTime);
    return event;
  }

  /** The journaled event as sent: its edge facet gets the id, sequence and clock stamp. */
  public JsonNode forSending(JournalEntry entry) {
    ObjectNode event;
    try {
      event = (ObjectNode) json.readTree(entry.body());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    ObjectNode facets = (ObjectNode) event.path("run").path("facets");
    ObjectNode edge = (ObjectNode) facets.path(TributaryFacets.EDGE_EVENT);
    edge.put("eventId", node + ":" + entry.sequence())
        .put(TributaryFacets.EDGE_EVENT_NODE_FIELD, node)
        .put(TributaryFacets.EDGE_EVENT_SEQUENCE_FIELD, entry.sequence());
    edge.putObject("hlc")
        .put("physicalTime", entry.hlc().physicalTime())
        .put("logical", entry.hlc().logical());
    return event;
  }

  public String text(JsonNode event) {
    try {
      return json.writeValueAsString(event);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A run id that stays the same for a job within one bridge process. */
  public UUID runId(String jobName, long processStart) {
    return UUID.nameUUIDFromBytes(
        (node + "\n" + jobName + "\n" + processStart).getBytes(StandardCharsets.UTF_8));
  }

  private ObjectNode envelope(String eventType, Instant time) {
    ObjectNode event = json.createObjectNode();
    event.put("eventType", eventType);
    event.put("eventTime", time.toString());
    event.put("producer", PRODUCER);
    event.put("schemaURL", RUN_EVENT);
    return event;
  }

  private void edgeFacet(ObjectNode facets, String device, Instant deviceTime) {
    ObjectNode edge =
        facet(facets, TributaryFacets.EDGE_EVENT, "TributaryEdgeEventRunFacet")
            .put("device", device);
    if (deviceTime != null) {
      edge.put("deviceTime", deviceTime.toString());
    }
  }

  private static ObjectNode facet(ObjectNode facets, String key, String schemaName) {
    return facets
        .putObject(key)
        .put("_producer", PRODUCER)
        .put("_schemaURL", TributaryFacets.schemaUrl(schemaName));
  }
}
