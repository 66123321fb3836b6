package io.tributary.emitters.facets;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.tributary.contract.TributaryFacets;
import java.net.URI;
import java.util.List;
import java.util.Objects;

/**
 * Job facet {@code tributary_kafka_streams_topology}: a Kafka Streams application's processor graph
 * as {@code Topology.describe()} gives it.
 */
public final class KafkaStreamsTopologyJobFacet extends TributaryFacet {
  public static final String NAME = TributaryFacets.KAFKA_STREAMS_TOPOLOGY;

  private final String applicationId;
  private final List<Subtopology> subtopologies;
  private final List<Node> globalStores;

  public KafkaStreamsTopologyJobFacet(
      URI producer,
      String applicationId,
      List<Subtopology> subtopologies,
      List<Node> globalStores) {
    super(producer, "TributaryKafkaStreamsTopologyJobFacet");
    this.applicationId = Objects.requireNonNull(applicationId, "applicationId");
    this.subtopologies = List.copyOf(subtopologies);
    this.globalStores = List.copyOf(globalStores);
  }

  @JsonProperty("applicationId")
  public String getApplicationId() {
    return applicationId;
  }

  @JsonProperty("subtopologies")
  public List<Subtopology> getSubtopologies() {
    return subtopologies;
  }

  @JsonProperty("globalStores")
  public List<Node> getGlobalStores() {
    return globalStores;
  }

  /** One sub-topology: the nodes one task runs. */
  public record Subtopology(@JsonProperty("id") int id, @JsonProperty("nodes") List<Node> nodes) {
    public Subtopology {
      nodes = List.copyOf(nodes);
    }
  }

  /**
   * One processor node.
   *
   * @param type SOURCE, PROCESSOR or SINK
   * @param topics topics a source reads or a sink writes (empty for a pattern or an extractor)
   * @param topicPattern a source's pattern, or null
   * @param stores state stores a processor uses
   * @param successors names of the downstream nodes
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Node(
      @JsonProperty("name") String name,
      @JsonProperty("type") String type,
      @JsonProperty("topics") List<String> topics,
      @JsonProperty("topicPattern") String topicPattern,
      @JsonProperty("stores") List<String> stores,
      @JsonProperty("successors") List<String> successors) {
    public Node {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(type, "type");
      topics = topics == null ? List.of() : List.copyOf(topics);
      stores = stores == null ? List.of() : List.copyOf(stores);
      successors = successors == null ? List.of() : List.copyOf(successors);
    }
  }
}
