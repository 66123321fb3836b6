package io.tributary.emitters;

import io.openlineage.client.OpenLineage;
import java.util.Map;
import java.util.Objects;

/**
 * One dataset as a job sees it in one window: its OpenLineage identity, the window's statistics and
 * any extra dataset facets (for example tags marking an internal topic).
 */
public record DatasetSnapshot(
    String namespace,
    String name,
    Statistics statistics,
    Map<String, OpenLineage.DatasetFacet> facets) {
  public DatasetSnapshot {
    Objects.requireNonNull(namespace, "namespace");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(statistics, "statistics");
    facets = facets == null ? Map.of() : Map.copyOf(facets);
    if (namespace.isBlank() || name.isBlank()) {
      throw new EmitterException("Dataset '" + namespace + "/" + name + "' has a blank part");
    }
  }

  public static DatasetSnapshot of(String namespace, String name, Statistics statistics) {
    return new DatasetSnapshot(namespace, name, statistics, Map.of());
  }

  /** The identity used to merge snapshots of the same dataset from several sources. */
  public String key() {
    return namespace + "\n" + name;
  }

  /** Merges another view of the same dataset: statistics add up, facets of the later win. */
  public DatasetSnapshot merge(DatasetSnapshot other) {
    Map<String, OpenLineage.DatasetFacet> merged = new java.util.HashMap<>(facets);
    merged.putAll(other.facets);
    return new DatasetSnapshot(namespace, name, statistics.plus(other.statistics), merged);
  }
}
