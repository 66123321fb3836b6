package io.tributary.emitters;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * Per-dataset record and byte counters of one client, for datasets of one namespace (a Kafka
 * cluster, a Pulsar cluster, a Kinesis region and account) that the client either reads or writes.
 * The record path does a map lookup and two adds: no allocation once a dataset is known, no lock,
 * no I/O. Windows are computed on the snapshot thread from the running totals, so no increment is
 * ever lost to a reset.
 */
public final class DatasetTraffic implements SnapshotSource {
  private final String namespace;
  private final boolean inputs;
  private final boolean bytesKnown;
  private final ConcurrentHashMap<String, Counters> byTopic = new ConcurrentHashMap<>();

  /**
   * @param namespace the OpenLineage namespace of every dataset counted here
   * @param inputs whether the datasets are read (inputs) or written (outputs)
   */
  public DatasetTraffic(String namespace, boolean inputs) {
    this(namespace, inputs, true);
  }

  /**
   * @param bytesKnown false where the host does not see serialized sizes: windows then report
   *     records only
   */
  public DatasetTraffic(String namespace, boolean inputs, boolean bytesKnown) {
    this.namespace = namespace;
    this.inputs = inputs;
    this.bytesKnown = bytesKnown;
  }

  public String namespace() {
    return namespace;
  }

  /** Makes a dataset part of every snapshot from now on, before (or without) any record. */
  public void declare(String name) {
    counters(name);
  }

  /** Counts one record of {@code bytes} serialized bytes. */
  public void record(String name, long bytes) {
    Counters c = counters(name);
    c.records.increment();
    c.bytes.add(bytes);
  }

  /** Counts {@code records} records of {@code bytes} serialized bytes in all. */
  public void recordBatch(String name, long records, long bytes) {
    Counters c = counters(name);
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
    byTopic.forEach(
        (topic, c) -> {
          Statistics window = c.window();
          datasets.add(
              DatasetSnapshot.of(
                  namespace, topic, bytesKnown ? window : new Statistics(window.records(), -1)));
        });
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
