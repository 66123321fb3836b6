package io.tributary.emitters.kafka;

import io.tributary.emitters.Snapshot;
import io.tributary.emitters.SnapshotSource;
import io.tributary.emitters.facets.StreamingMetricsRunFacet;
import io.tributary.emitters.internal.RunEvents;
import java.lang.management.ManagementFactory;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Supplier;
import javax.management.JMException;
import javax.management.MBeanServer;
import javax.management.ObjectName;

/**
 * The consumer's lag per partition, as the consumer itself measures it: its {@code records-lag}
 * metric (the partition's high watermark minus the consumer's position at the last fetch), read
 * from the client's JMX metrics by its {@code client.id}. Reported in each RUNNING snapshot as the
 * run facet {@code tributary_streaming_metrics} ({@code totalLag}, {@code lagByTopic}, {@code
 * lagByPartition}), so that the catalog holds lag wherever the interceptor already runs, with no
 * extra connection or credentials to the cluster. A consumer whose metrics reporters leave out
 * Kafka's JMX reporter reports no lag.
 */
final class ConsumerLag implements SnapshotSource {
  private static final String GROUP = "kafka.consumer:type=consumer-fetch-manager-metrics";

  private final MBeanServer server = ManagementFactory.getPlatformMBeanServer();
  private final String clientId;
  private final Supplier<Set<String>> topics;

  /**
   * @param topics the topics the consumer has read: metric tags spell their dots as underscores, so
   *     the names are taken from here
   */
  ConsumerLag(String clientId, Supplier<Set<String>> topics) {
    this.clientId = clientId;
    this.topics = topics;
  }

  @Override
  public Snapshot snapshot() {
    Map<String, Long> byPartition = lagByPartition();
    if (byPartition.isEmpty()) {
      return Snapshot.EMPTY;
    }
    Map<String, Long> byTopic = new TreeMap<>();
    long total = 0;
    for (Map.Entry<String, Long> e : byPartition.entrySet()) {
      String key = e.getKey();
      byTopic.merge(key.substring(0, key.lastIndexOf('-')), e.getValue(), Long::sum);
      total += e.getValue();
    }
    StreamingMetricsRunFacet facet =
        new StreamingMetricsRunFacet(
            RunEvents.PRODUCER, "RUNNING", null, total, byTopic, byPartition, null);
    return new Snapshot(List.of(), List.of(), Map.of(StreamingMetricsRunFacet.NAME, facet), null);
  }

  /** {@code topic-partition} → records behind, for the partitions the consumer has fetched. */
  Map<String, Long> lagByPartition() {
    Map<String, Long> lag = new TreeMap<>();
    try {
      ObjectName pattern =
          new ObjectName(GROUP + ",client-id=" + ObjectName.quote(clientId) + ",*");
      Set<ObjectName> names = server.queryNames(pattern, null);
      if (names.isEmpty()) {
        // Kafka leaves simple client ids unquoted in the object name.
        names = server.queryNames(new ObjectName(GROUP + ",client-id=" + clientId + ",*"), null);
      }
      for (ObjectName name : names) {
        String tag = name.getKeyProperty("topic");
        String partition = name.getKeyProperty("partition");
        if (tag == null || partition == null) {
          continue;
        }
        Object value = server.getAttribute(name, "records-lag");
        if (value instanceof Number n && Double.isFinite(n.doubleValue())) {
          lag.put(topicOf(tag) + "-" + partition, Math.max(0, (long) n.doubleValue()));
        }
      }
    } catch (JMException | RuntimeException e) {
      // A malformed client id or a metric gone between query and read: no lag this window.
      return Map.of();
    }
    return lag;
  }

  private String topicOf(String tag) {
    for (String topic : topics.get()) {
      if (topic.equals(tag) || topic.replace('.', '_').equals(tag)) {
        return topic;
      }
    }
    return tag;
  }
}
