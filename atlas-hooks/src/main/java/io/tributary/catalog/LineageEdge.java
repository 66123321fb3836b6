package io.tributary.catalog;

import java.util.Objects;

/**
 * One edge of a lineage graph, always in data-flow direction: an input dataset points to its
 * process, a process points to its output dataset.
 */
public record LineageEdge(Guid from, Guid to, String relationshipType) {
  public LineageEdge {
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
    Objects.requireNonNull(relationshipType, "relationshipType");
  }
}
