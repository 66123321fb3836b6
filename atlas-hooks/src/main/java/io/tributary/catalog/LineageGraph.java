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
 * @param degrees for each visible entity, how many neighbours the caller may see upstream and
 *     downstream in the whole catalog, whether or not the walk reached them; empty when the backend
 *     does not count them
 */
public record LineageGraph(
    Guid start,
    Map<Guid, Entity> entities,
    List<LineageEdge> edges,
    Set<Guid> redacted,
    Map<Guid, Integer> distances,
    Map<Guid, Degree> degrees) {
  /** Visible neighbours one data-flow step away, per direction. */
  public record Degree(int upstream, int downstream) {}

  public LineageGraph(
      Guid start,
      Map<Guid, Entity> entities,
      List<LineageEdge> edges,
      Set<Guid> redacted,
      Map<Guid, Integer> distances) {
    this(start, entities, edges, redacted, distances, Map.of());
  }

  public LineageGraph {
    Objects.requireNonNull(start, "start");
    entities = Map.copyOf(entities);
    edges = List.copyOf(edges);
    redacted = Set.copyOf(redacted);
    distances = Map.copyOf(distances);
    degrees = Map.copyOf(degrees);
  }
}
