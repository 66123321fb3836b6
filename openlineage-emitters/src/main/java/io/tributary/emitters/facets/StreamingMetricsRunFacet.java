package io.tributary.emitters.facets;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.tributary.contract.TributaryFacets;
import java.net.URI;
import java.util.Map;
import java.util.TreeMap;

/**
 * Run facet {@code tributary_streaming_metrics}: how the running job is doing in the window, as its
 * engine reports it (state, throughput, consumer lag per input topic, checkpoints).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public final class StreamingMetricsRunFacet extends TributaryFacet {
  public static final String NAME = TributaryFacets.STREAMING_METRICS;

  private final String state;
  private final Double recordsPerSecond;
  private final Long totalLag;
  private final Map<String, Long> lagByTopic;
  private final Map<String, Long> lagByPartition;
  private final Map<String, Object> engine;

  public StreamingMetricsRunFacet(
      URI producer,
      String state,
      Double recordsPerSecond,
      Long totalLag,
      Map<String, Long> lagByTopic,
      Map<String, Object> engine) {
    this(producer, state, recordsPerSecond, totalLag, lagByTopic, null, engine);
  }

  /**
   * @param lagByPartition records behind the end of each input partition, keyed {@code
   *     topic-partition}: what a platform team looks at when one partition of a topic falls behind
   */
  public StreamingMetricsRunFacet(
      URI producer,
      String state,
      Double recordsPerSecond,
      Long totalLag,
      Map<String, Long> lagByTopic,
      Map<String, Long> lagByPartition,
      Map<String, Object> engine) {
    super(producer, "TributaryStreamingMetricsRunFacet");
    this.state = state;
    this.recordsPerSecond = recordsPerSecond;
    this.totalLag = totalLag;
    this.lagByTopic = lagByTopic == null ? null : new TreeMap<>(lagByTopic);
    this.lagByPartition = lagByPartition == null ? null : new TreeMap<>(lagByPartition);
    this.engine = engine == null ? null : new TreeMap<>(engine);
  }

  @JsonProperty("state")
  public String getState() {
    return state;
  }

  @JsonProperty("recordsPerSecond")
  public Double getRecordsPerSecond() {
    return recordsPerSecond;
  }

  @JsonProperty("totalLag")
  public Long getTotalLag() {
    return totalLag;
  }

  @JsonProperty("lagByTopic")
  public Map<String, Long> getLagByTopic() {
    return lagByTopic;
  }

  @JsonProperty("lagByPartition")
  public Map<String, Long> getLagByPartition() {
    return lagByPartition;
  }

  /** Engine-specific figures, for example Flink's checkpoint counts. */
  @JsonProperty("engine")
  public Map<String, Object> getEngine() {
    return engine;
  }
}
