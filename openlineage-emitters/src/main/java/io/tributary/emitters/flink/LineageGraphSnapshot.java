package io.tributary.emitters.flink;

import io.tributary.emitters.DatasetSnapshot;
import io.tributary.emitters.Snapshot;
import io.tributary.emitters.SnapshotSource;
import io.tributary.emitters.Statistics;
import io.tributary.emitters.facets.StreamingMetricsRunFacet;
import io.tributary.emitters.internal.RunEvents;
import io.tributary.emitters.kafka.KafkaNaming;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Pattern;
import org.apache.flink.streaming.api.lineage.LineageDataset;
import org.apache.flink.streaming.api.lineage.LineageDatasetFacet;
import org.apache.flink.streaming.api.lineage.LineageGraph;
import org.apache.flink.streaming.api.lineage.LineageVertex;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A Flink job's datasets from its native lineage graph. Kafka datasets are named exactly as the
 * Kafka emitters name them (one dataset per topic, namespace from the first bootstrap server); a
 * topic pattern is resolved against the cluster's topics at each snapshot. Checkpoint figures come
 * from the JobManager's REST API when it is reachable.
 */
final class LineageGraphSnapshot implements SnapshotSource {
  private static final Logger LOG = LoggerFactory.getLogger(LineageGraphSnapshot.class);

  private final List<Source> inputs;
  private final List<Source> outputs;
  private final CheckpointStats checkpoints;

  private LineageGraphSnapshot(
      List<Source> inputs, List<Source> outputs, CheckpointStats checkpoints) {
    this.inputs = inputs;
    this.outputs = outputs;
    this.checkpoints = checkpoints;
  }

  static LineageGraphSnapshot of(LineageGraph graph, CheckpointStats checkpoints) {
    List<Source> in = new ArrayList<>();
    graph.sources().forEach(v -> in.addAll(sources(v)));
    List<Source> out = new ArrayList<>();
    graph.sinks().forEach(v -> out.addAll(sources(v)));
    return new LineageGraphSnapshot(List.copyOf(in), List.copyOf(out), checkpoints);
  }

  private static List<Source> sources(LineageVertex vertex) {
    List<Source> result = new ArrayList<>();
    for (LineageDataset dataset : vertex.datasets()) {
      LineageDatasetFacet kafka = dataset.facets().get("kafka");
      if (kafka != null
          && dataset.namespace() != null
          && dataset.namespace().startsWith("kafka://")) {
        result.add(KafkaSource.of(dataset, kafka));
      } else {
        result.add(new Fixed(dataset.namespace(), dataset.name()));
      }
    }
    return result;
  }

  @Override
  public Snapshot snapshot() {
    Map<String, Object> engine = checkpoints.read();
    return new Snapshot(
        datasets(inputs),
        datasets(outputs),
        engine.isEmpty()
            ? Map.of()
            : Map.of(
                StreamingMetricsRunFacet.NAME,
                new StreamingMetricsRunFacet(
                    RunEvents.PRODUCER, (String) engine.remove("state"), null, null, null, engine)),
        Map.of());
  }

  private static List<DatasetSnapshot> datasets(List<Source> sources) {
    Map<String, DatasetSnapshot> all = new LinkedHashMap<>();
    for (Source s : sources) {
      for (String[] id : s.resolve()) {
        DatasetSnapshot d = DatasetSnapshot.of(id[0], id[1], Statistics.UNKNOWN);
        all.putIfAbsent(d.key(), d);
      }
    }
    return List.copyOf(all.values());
  }

  /** Where datasets come from: fixed names, or Kafka topics that may be a pattern. */
  private interface Source {
    List<String[]> resolve();
  }

  private record Fixed(String namespace, String name) implements Source {
    @Override
    public List<String[]> resolve() {
      return namespace == null || name == null
          ? List.of()
          : List.<String[]>of(new String[] {namespace, name});
    }
  }

  /**
   * A Kafka source or sink, read by reflection from the connector's {@code KafkaDatasetFacet}: the
   * connector's classes may come from the job's class loader, not ours.
   */
  private record KafkaSource(
      String namespace, List<String> topics, Pattern pattern, Properties properties)
      implements Source {
    static Source of(LineageDataset dataset, LineageDatasetFacet facet) {
      String namespace = KafkaNaming.namespace(dataset.namespace().substring("kafka://".length()));
      try {
        Object identifier = call(facet, "getTopicIdentifier");
        @SuppressWarnings("unchecked")
        List<String> topics = (List<String>) call(identifier, "getTopics");
        Pattern pattern = (Pattern) call(identifier, "getTopicPattern");
        Properties properties = (Properties) call(facet, "getProperties");
        return new KafkaSource(
            namespace, topics == null ? List.of() : List.copyOf(topics), pattern, properties);
      } catch (ReflectiveOperationException | RuntimeException e) {
        LOG.debug("Kafka facet not readable, using the dataset name as topics", e);
        return new KafkaSource(namespace, List.of(dataset.name().split(",")), null, null);
      }
    }

    @Override
    public List<String[]> resolve() {
      List<String> names = pattern == null ? topics : TopicPatterns.matching(pattern, properties);
      return names.stream().map(t -> new String[] {namespace, t.trim()}).toList();
    }

    private static Object call(Object target, String method) throws ReflectiveOperationException {
      Method m = target.getClass().getMethod(method);
      m.setAccessible(true);
      return m.invoke(target);
    }
  }
}
