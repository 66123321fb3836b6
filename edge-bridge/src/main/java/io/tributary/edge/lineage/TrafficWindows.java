package io.tributary.edge.lineage;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Messages and bytes per job and topic since the last window closed: what the bridge observes on
 * plain data topics (job = a device) and forwards (job = a rule). Thread-safe.
 */
public final class TrafficWindows {
  /** Counts of one topic. */
  public record Counts(long messages, long bytes) {}

  private Map<String, Map<String, long[]>> open = new HashMap<>();

  public synchronized void record(String job, String topic, int bytes) {
    long[] c =
        open.computeIfAbsent(job, j -> new HashMap<>()).computeIfAbsent(topic, t -> new long[2]);
    c[0]++;
    c[1] += bytes;
  }

  /** Closes the window: per job (sorted), per topic (sorted), the counts; a new window opens. */
  public Map<String, Map<String, Counts>> close() {
    Map<String, Map<String, long[]>> closed;
    synchronized (this) {
      closed = open;
      open = new HashMap<>();
    }
    Map<String, Map<String, Counts>> out = new TreeMap<>();
    closed.forEach(
        (job, topics) -> {
          Map<String, Counts> byTopic = new TreeMap<>();
          topics.forEach((t, c) -> byTopic.put(t, new Counts(c[0], c[1])));
          out.put(job, byTopic);
        });
    return out;
  }

  /** The topics of a job's window as traffic in a namespace. */
  public static List<EdgeEvents.TopicTraffic> traffic(
      String namespace, Map<String, Counts> topics) {
    List<EdgeEvents.TopicTraffic> out = new ArrayList<>();
    topics.forEach(
        (t, c) -> out.add(new EdgeEvents.TopicTraffic(namespace, t, c.messages(), c.bytes())));
    return out;
  }
}
