package io.tributary.emitters;

import io.openlineage.client.OpenLineage;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a job reads, writes and reports in one window. Snapshots are complete: a dataset absent from
 * a snapshot is no longer used by the job.
 */
public record Snapshot(
    List<DatasetSnapshot> inputs,
    List<DatasetSnapshot> outputs,
    Map<String, OpenLineage.RunFacet> runFacets,
    Map<String, OpenLineage.JobFacet> jobFacets) {
  public static final Snapshot EMPTY = new Snapshot(List.of(), List.of(), Map.of(), Map.of());

  public Snapshot {
    inputs = inputs == null ? List.of() : List.copyOf(inputs);
    outputs = outputs == null ? List.of() : List.copyOf(outputs);
    runFacets = runFacets == null ? Map.of() : Map.copyOf(runFacets);
    jobFacets = jobFacets == null ? Map.of() : Map.copyOf(jobFacets);
  }

  public static Snapshot of(List<DatasetSnapshot> inputs, List<DatasetSnapshot> outputs) {
    return new Snapshot(inputs, outputs, Map.of(), Map.of());
  }

  /** One source whose snapshot merges those of {@code sources}, taken in order. */
  public static SnapshotSource sourceOf(SnapshotSource... sources) {
    List<SnapshotSource> all = List.of(sources);
    return () -> {
      List<Snapshot> parts = new java.util.ArrayList<>(all.size());
      for (SnapshotSource source : all) {
        parts.add(source.snapshot());
      }
      return merge(parts);
    };
  }

  /** Combines the snapshots of several sources of one run; a dataset seen twice is merged. */
  public static Snapshot merge(Collection<Snapshot> parts) {
    Map<String, DatasetSnapshot> in = new LinkedHashMap<>();
    Map<String, DatasetSnapshot> out = new LinkedHashMap<>();
    Map<String, OpenLineage.RunFacet> run = new LinkedHashMap<>();
    Map<String, OpenLineage.JobFacet> job = new LinkedHashMap<>();
    for (Snapshot part : parts) {
      part.inputs.forEach(d -> in.merge(d.key(), d, DatasetSnapshot::merge));
      part.outputs.forEach(d -> out.merge(d.key(), d, DatasetSnapshot::merge));
      run.putAll(part.runFacets);
      job.putAll(part.jobFacets);
    }
    return new Snapshot(List.copyOf(in.values()), List.copyOf(out.values()), run, job);
  }
}
