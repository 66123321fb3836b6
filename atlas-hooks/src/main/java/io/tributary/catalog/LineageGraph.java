package io.tributary.catalog;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The result of a lineage query.
 *
 * @param entities the visible entities reached, by guid (the start included)
 * @param redacted guids of entities on a path that the caller may not see: they keep the graph
 *     connected but carry no name, type or attribute
 * @param distances process hops from the start, per reached guid
 */
public record LineageGraph(
    Guid start,
    Map<Guid, Entity> entities,
    List<LineageEdge> edges,
    Set<Guid> redacted,
    Map<Guid, Integer> distances) {
  public LineageGraph {
    Objects.requireNonNull(start, "start");
    entities = Map.copyOf(entities);
    edges = List.copyOf(edges);
    redacted = Set.copyOf(redacted);
    distances = Map.copyOf(distances);
  }
}
