package io.tributary.emitters.streams;

import io.openlineage.client.OpenLineage;
import io.tributary.emitters.DatasetSnapshot;
import io.tributary.emitters.RunningTotals;
import io.tributary.emitters.Snapshot;
import io.tributary.emitters.SnapshotSource;
import io.tributary.emitters.Statistics;
import io.tributary.emitters.facets.KafkaStreamsTopologyJobFacet;
import io.tributary.emitters.facets.StreamingMetricsRunFacet;
import io.tributary.emitters.internal.RunEvents;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.apache.kafka.common.Metric;
import org.apache.kafka.common.MetricName;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.TaskMetadata;
import org.apache.kafka.streams.ThreadMetadata;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.TopologyDescription;

/**
 * What a Kafka Streams application reads and writes now: the topology's source and sink topics,
 * pattern sources resolved against the actual assignment, topics seen in the clients' metrics
 * (dynamic sinks), repartition and changelog topics marked internal, and the window's statistics
 * and lag from {@code KafkaStreams.metrics()} and the tasks' offsets. Runs on the snapshot thread.
 */
final class TopologySnapshot implements SnapshotSource {
  static final String INTERNAL_TAG = "kafka_streams.internal";

  private final KafkaStreams streams;
  private final Topology topology;
  private final String applicationId;
  private final String namespace;
  private final OpenLineage ol = new OpenLineage(RunEvents.PRODUCER);
  private final RunningTotals inputTotals = new RunningTotals();
  private final RunningTotals outputTotals = new RunningTotals();
  private Snapshot frozen;
  private boolean frozenReported;

  TopologySnapshot(
      KafkaStreams streams, Topology topology, String applicationId, String namespace) {
    this.streams = streams;
    this.topology = topology;
    this.applicationId = applicationId;
    this.namespace = namespace;
  }

  /**
   * Takes the last live snapshot while the threads still hold their metrics (the application is
   * stopping); later snapshots repeat its datasets, with its statistics reported once.
   */
  synchronized void freeze() {
    if (frozen == null) {
      frozen = live();
    }
  }

  @Override
  public synchronized Snapshot snapshot() {
    if (frozen == null) {
      return live();
    }
    if (!frozenReported) {
      frozenReported = true;
      return frozen;
    }
    return new Snapshot(
        frozen.inputs().stream().map(TopologySnapshot::idle).toList(),
        frozen.outputs().stream().map(TopologySnapshot::idle).toList(),
        frozen.runFacets(),
        frozen.jobFacets());
  }

  private static DatasetSnapshot idle(DatasetSnapshot d) {
    return new DatasetSnapshot(d.namespace(), d.name(), Statistics.ZERO, d.facets());
  }

  private Snapshot live() {
    TopologyDescription description = topology.describe();
    Graph graph = Graph.of(description);
    Set<String> assigned = new TreeSet<>();
    Map<String, Long> lag = new TreeMap<>();
    readAssignment(assigned, lag);
    Traffic traffic = Traffic.of(streams.metrics());

    Map<String, String> internal = new LinkedHashMap<>();
    graph.repartition.forEach(t -> internal.put(applicationId + "-" + t, "repartition"));
    graph.stores.forEach(s -> internal.put(applicationId + "-" + s + "-changelog", "changelog"));

    Set<String> inputs = new LinkedHashSet<>();
    for (String topic : graph.sourceTopics) {
      inputs.add(graph.repartition.contains(topic) ? applicationId + "-" + topic : topic);
    }
    for (Pattern pattern : graph.patterns) {
      for (String topic : union(assigned, traffic.consumed.keySet())) {
        if (pattern.matcher(topic).matches()) {
          inputs.add(topic);
        }
      }
    }
    Set<String> outputs = new LinkedHashSet<>();
    for (String topic : graph.sinkTopics) {
      outputs.add(graph.repartition.contains(topic) ? applicationId + "-" + topic : topic);
    }
    outputs.addAll(
        internal.keySet().stream().filter(t -> internal.get(t).equals("changelog")).toList());
    // Topics the producers wrote that the topology does not name: dynamic (extractor) sinks.
    outputs.addAll(traffic.produced.keySet());

    List<DatasetSnapshot> in = new ArrayList<>();
    for (String topic : inputs) {
      long[] t = traffic.consumed(topic);
      in.add(dataset(topic, inputTotals.window(topic, t[0], t[1]), internal.get(topic)));
    }
    List<DatasetSnapshot> out = new ArrayList<>();
    for (String topic : outputs) {
      long[] t = traffic.produced.getOrDefault(topic, new long[] {0, 0});
      out.add(dataset(topic, outputTotals.window(topic, t[0], t[1]), internal.get(topic)));
    }
    long totalLag = lag.values().stream().mapToLong(Long::longValue).sum();
    StreamingMetricsRunFacet metrics =
        new StreamingMetricsRunFacet(
            RunEvents.PRODUCER,
            streams.state().name(),
            traffic.processRate,
            lag.isEmpty() ? null : totalLag,
            lag,
            Map.of("threads", traffic.threads));
    return new Snapshot(
        in,
        out,
        Map.of(StreamingMetricsRunFacet.NAME, metrics),
        Map.of(KafkaStreamsTopologyJobFacet.NAME, graph.facet(applicationId)));
  }

  private DatasetSnapshot dataset(String topic, Statistics window, String internalKind) {
    Map<String, OpenLineage.DatasetFacet> facets = new HashMap<>();
    if (internalKind != null) {
      facets.put(
          "tags",
          ol.newTagsDatasetFacet(
              List.of(
                  ol.newTagsDatasetFacetFields(
                      INTERNAL_TAG, internalKind, "KAFKA_STREAMS", null))));
    }
    return new DatasetSnapshot(namespace, topic, window, facets);
  }

  private void readAssignment(Set<String> assigned, Map<String, Long> lag) {
    KafkaStreams.State state = streams.state();
    if (state != KafkaStreams.State.RUNNING && state != KafkaStreams.State.REBALANCING) {
      return;
    }
    for (ThreadMetadata thread : streams.metadataForLocalThreads()) {
      for (TaskMetadata task : thread.activeTasks()) {
        for (TopicPartition tp : task.topicPartitions()) {
          assigned.add(tp.topic());
          Long end = task.endOffsets().get(tp);
          Long committed = task.committedOffsets().get(tp);
          if (end != null && committed != null && end >= 0 && committed >= 0) {
            lag.merge(tp.topic(), Math.max(0, end - committed), Long::sum);
          }
        }
      }
    }
  }

  private static Set<String> union(Collection<String> a, Collection<String> b) {
    Set<String> all = new TreeSet<>(a);
    all.addAll(b);
    return all;
  }

  /** The static shape of the topology. */
  private static final class Graph {
    final Set<String> sourceTopics = new LinkedHashSet<>();
    final Set<String> sinkTopics = new LinkedHashSet<>();
    final Set<String> repartition = new LinkedHashSet<>();
    final List<Pattern> patterns = new ArrayList<>();
    final Set<String> stores = new LinkedHashSet<>();
    final List<KafkaStreamsTopologyJobFacet.Subtopology> subtopologies = new ArrayList<>();
    final List<KafkaStreamsTopologyJobFacet.Node> globalStores = new ArrayList<>();

    static Graph of(TopologyDescription description) {
      Graph g = new Graph();
      description.subtopologies().stream()
          .sorted(java.util.Comparator.comparingInt(TopologyDescription.Subtopology::id))
          .forEach(
              sub -> {
                List<KafkaStreamsTopologyJobFacet.Node> nodes = new ArrayList<>();
                sub.nodes().stream()
                    .sorted(java.util.Comparator.comparing(TopologyDescription.Node::name))
                    .forEach(n -> nodes.add(g.node(n)));
                g.subtopologies.add(new KafkaStreamsTopologyJobFacet.Subtopology(sub.id(), nodes));
              });
      for (TopologyDescription.GlobalStore global : description.globalStores()) {
        g.globalStores.add(g.node(global.source()));
        g.globalStores.add(g.node(global.processor()));
      }
      // Kafka Streams names repartition topics "<name>-repartition" and both writes and reads them.
      for (String topic : g.sinkTopics) {
        if (topic.endsWith("-repartition") && g.sourceTopics.contains(topic)) {
          g.repartition.add(topic);
        }
      }
      return g;
    }

    private KafkaStreamsTopologyJobFacet.Node node(TopologyDescription.Node n) {
      List<String> successors =
          n.successors().stream().map(TopologyDescription.Node::name).sorted().toList();
      if (n instanceof TopologyDescription.Source source) {
        List<String> topics =
            source.topicSet() == null ? List.of() : source.topicSet().stream().sorted().toList();
        sourceTopics.addAll(topics);
        if (source.topicPattern() != null) {
          patterns.add(source.topicPattern());
        }
        String pattern = source.topicPattern() == null ? null : source.topicPattern().pattern();
        return new KafkaStreamsTopologyJobFacet.Node(
            n.name(), "SOURCE", topics, pattern, null, successors);
      }
      if (n instanceof TopologyDescription.Sink sink) {
        List<String> topics = sink.topic() == null ? List.of() : List.of(sink.topic());
        sinkTopics.addAll(topics);
        return new KafkaStreamsTopologyJobFacet.Node(
            n.name(), "SINK", topics, null, null, successors);
      }
      List<String> nodeStores =
          n instanceof TopologyDescription.Processor p
              ? p.stores().stream().sorted().toList()
              : List.of();
      stores.addAll(nodeStores);
      return new KafkaStreamsTopologyJobFacet.Node(
          n.name(), "PROCESSOR", null, null, nodeStores, successors);
    }

    KafkaStreamsTopologyJobFacet facet(String applicationId) {
      return new KafkaStreamsTopologyJobFacet(
          RunEvents.PRODUCER, applicationId, subtopologies, globalStores);
    }
  }

  /** Cumulative per-topic counts and throughput from the application's metrics. */
  private static final class Traffic {
    final Map<String, long[]> consumed = new HashMap<>();
    final Map<String, long[]> produced = new HashMap<>();
    Double processRate;
    int threads;

    static Traffic of(Map<MetricName, ? extends Metric> metrics) {
      Traffic t = new Traffic();
      for (Map.Entry<MetricName, ? extends Metric> e : metrics.entrySet()) {
        MetricName name = e.getKey();
        String topic = name.tags().get("topic");
        String client = name.tags().getOrDefault("client-id", "");
        switch (name.group()) {
          case "consumer-fetch-manager-metrics" -> {
            // Restoration reads changelogs back; it is not input.
            if (topic != null
                && !client.endsWith("restore-consumer")
                && name.tags().get("partition") == null) {
              t.add(
                  t.consumed,
                  topic,
                  name.name(),
                  "records-consumed-total",
                  "bytes-consumed-total",
                  e.getValue());
            }
          }
          case "producer-topic-metrics" -> {
            if (topic != null) {
              t.add(
                  t.produced, topic, name.name(), "record-send-total", "byte-total", e.getValue());
            }
          }
          case "stream-thread-metrics" -> {
            if (name.name().equals("process-rate")) {
              t.threads++;
              double rate = number(e.getValue());
              if (!Double.isNaN(rate)) {
                t.processRate = (t.processRate == null ? 0 : t.processRate) + rate;
              }
            }
          }
          default -> {
            // Other metrics carry no lineage.
          }
        }
      }
      return t;
    }

    private void add(
        Map<String, long[]> into,
        String topic,
        String metric,
        String records,
        String bytes,
        Metric value) {
      int slot = metric.equals(records) ? 0 : metric.equals(bytes) ? 1 : -1;
      if (slot < 0) {
        return;
      }
      double v = number(value);
      if (!Double.isNaN(v)) {
        into.computeIfAbsent(topic, k -> new long[2])[slot] += (long) v;
      }
    }

    /** Consumer metrics spell dots in topic names as underscores; match either spelling. */
    long[] consumed(String topic) {
      long[] exact = consumed.get(topic);
      if (exact != null) {
        return exact;
      }
      return consumed.getOrDefault(topic.replace('.', '_'), new long[] {0, 0});
    }

    private static double number(Metric metric) {
      Object v = metric.metricValue();
      return v instanceof Number n ? n.doubleValue() : Double.NaN;
    }
  }
}
