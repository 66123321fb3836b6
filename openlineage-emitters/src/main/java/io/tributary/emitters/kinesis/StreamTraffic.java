package io.tributary.emitters.kinesis;

import io.tributary.emitters.DatasetTraffic;
import io.tributary.emitters.Snapshot;
import io.tributary.emitters.SnapshotSource;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The streams one Kinesis client reads or writes, across the regions and accounts it talks to: a
 * {@link DatasetTraffic} per namespace. The record path does two map lookups and allocates nothing
 * once a namespace is known.
 */
final class StreamTraffic implements SnapshotSource {
  private final boolean inputs;
  private final ConcurrentHashMap<String, DatasetTraffic> byNamespace = new ConcurrentHashMap<>();

  StreamTraffic(boolean inputs) {
    this.inputs = inputs;
  }

  DatasetTraffic of(String namespace) {
    DatasetTraffic t = byNamespace.get(namespace);
    return t != null
        ? t
        : byNamespace.computeIfAbsent(namespace, n -> new DatasetTraffic(n, inputs));
  }

  void record(KinesisNaming.StreamName stream, long records, long bytes) {
    of(stream.namespace()).recordBatch(stream.name(), records, bytes);
  }

  void declare(KinesisNaming.StreamName stream) {
    of(stream.namespace()).declare(stream.name());
  }

  @Override
  public Snapshot snapshot() {
    List<Snapshot> parts = new ArrayList<>(byNamespace.size());
    byNamespace.values().forEach(t -> parts.add(t.snapshot()));
    return Snapshot.merge(parts);
  }
}
