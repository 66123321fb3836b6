package io.tributary.emitters.kafka;

import io.tributary.emitters.DatasetSnapshot;
import io.tributary.emitters.Snapshot;
import io.tributary.emitters.SnapshotSource;
import io.tributary.emitters.Statistics;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * Per-topic record and byte counters of one Kafka client. The record path does a map lookup and two
 * adds: no allocation once a topic is known, no lock, no I/O. Windows are computed on the snapshot
 * thread from the running totals, so no increment is ever lost to a reset.
 */
final class TopicTraffic implements SnapshotSource {
  private final String namespace;
  private final boolean inputs;
  private final ConcurrentHashMap<String, Counters> byTopic = new ConcurrentHashMap<>();

  TopicTraffic(String namespace, boolean inputs) {
    this.namespace = namespace;
    this.inputs = inputs;
  }

  void record(String topic, long bytes) {
    Counters c = counters(topic);
    c.records.increment();
    c.bytes.add(bytes);
  }

  void recordBatch(String topic, long records, long bytes) {
    Counters c = counters(topic);
    c.records.add(records);
    c.bytes.add(bytes);
  }

  private Counters counters(String topic) {
    Counters c = byTopic.get(topic);
    return c != null ? c : byTopic.computeIfAbsent(topic, t -> new Counters());
  }

  @Override
  public Snapshot snapshot() {
    List<DatasetSnapshot> datasets = new ArrayList<>(byTopic.size());
    byTopic.forEach((topic, c) -> datasets.add(DatasetSnapshot.of(namespace, topic, c.window())));
    return inputs ? Snapshot.of(datasets, List.of()) : Snapshot.of(List.of(), datasets);
  }

  private static final class Counters {
    final LongAdder records = new LongAdder();
    final LongAdder bytes = new LongAdder();
    // Only the snapshot thread reads and writes these.
    private long reportedRecords;
    private long reportedBytes;

    synchronized Statistics window() {
      long r = records.sum();
      long b = bytes.sum();
      Statistics window = new Statistics(r - reportedRecords, b - reportedBytes);
      reportedRecords = r;
      reportedBytes = b;
      return window;
    }
  }
}
