package io.tributary.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import io.tributary.demo.AlertNotifier;
import io.tributary.demo.LargeOrderAlerts;
import io.tributary.demo.LineageProperties;
import io.tributary.demo.OrderEnricher;
import io.tributary.demo.OrderService;
import io.tributary.demo.Topics;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The demo pipeline's expected lineage, read through the catalog API: order-service → orders →
 * order-enricher → orders-enriched → large-order-alerts → order-alerts → alert-notifier.
 */
public final class PipelineGraph {
  /** Each job of the pipeline with the Atlas type its integration maps to, in data-flow order. */
  public static final Map<String, String> PROCESS_TYPES = processTypes();

  /**
   * The state each job's run ends in when the pipeline is stopped: the Kafka clients and the Kafka
   * Streams app close normally, the Flink job is cancelled.
   */
  public static final Map<String, String> TERMINAL_STATES =
      Map.of(
          OrderService.JOB, "COMPLETE",
          OrderEnricher.JOB, "COMPLETE",
          LargeOrderAlerts.JOB, "ABORT",
          AlertNotifier.JOB, "COMPLETE");

  private final CatalogApi api;
  private final String cluster;

  public PipelineGraph(CatalogApi api, String cluster) {
    this.api = api;
    this.cluster = cluster;
  }

  private static Map<String, String> processTypes() {
    Map<String, String> types = new LinkedHashMap<>();
    types.put(OrderService.JOB, "openlineage_job");
    types.put(OrderEnricher.JOB, "kafka_streams_application");
    types.put(LargeOrderAlerts.JOB, "flink_application");
    types.put(AlertNotifier.JOB, "openlineage_job");
    return Map.copyOf(types);
  }

  public static String processName(String job) {
    return LineageProperties.NAMESPACE + "/" + job;
  }

  public String topicName(String topic) {
    return topic + "@" + cluster;
  }

  public Optional<JsonNode> process(String job) {
    return api.entity(PROCESS_TYPES.get(job), processName(job));
  }

  public Optional<JsonNode> topic(String topic) {
    return api.entity("kafka_topic", topicName(topic));
  }

  /**
   * What the catalog still lacks of the pipeline's lineage (entities, then edges of the graph
   * downstream of the order service); empty when the whole chain is there.
   */
  public List<String> missing() {
    Map<String, String> guids = new LinkedHashMap<>();
    List<String> missing = new ArrayList<>();
    for (String job : PROCESS_TYPES.keySet()) {
      process(job)
          .ifPresentOrElse(
              p -> guids.put(job, p.path("guid").asText()), () -> missing.add("process " + job));
    }
    for (String topic : Topics.ALL) {
      topic(topic)
          .ifPresentOrElse(
              t -> guids.put(topic, t.path("guid").asText()), () -> missing.add("topic " + topic));
    }
    if (!missing.isEmpty()) {
      return missing;
    }
    Set<String> edges = new HashSet<>();
    for (JsonNode e : api.lineage(guids.get(OrderService.JOB), "DOWNSTREAM", 10).path("edges")) {
      edges.add(e.path("from").asText() + ">" + e.path("to").asText());
    }
    List<String> chain =
        List.of(
            OrderService.JOB,
            Topics.ORDERS,
            OrderEnricher.JOB,
            Topics.ENRICHED,
            LargeOrderAlerts.JOB,
            Topics.ALERTS,
            AlertNotifier.JOB);
    for (int i = 0; i + 1 < chain.size(); i++) {
      if (!edges.contains(guids.get(chain.get(i)) + ">" + guids.get(chain.get(i + 1)))) {
        missing.add("edge " + chain.get(i) + " -> " + chain.get(i + 1));
      }
    }
    return missing;
  }

  /** The runs of a job's process. */
  public List<JsonNode> runs(String job) {
    return process(job).map(p -> api.runs(p.path("guid").asText())).orElse(List.of());
  }
}
