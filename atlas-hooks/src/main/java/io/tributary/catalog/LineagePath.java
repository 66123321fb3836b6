package io.tributary.catalog;

import java.util.List;

/**
 * A shortest path between two entities, in data-flow order; the steps alternate datasets and
 * processes. Steps the caller may not see appear as null entities (guid only, in {@code guids}).
 */
public record LineagePath(List<Guid> guids, List<Entity> visible, List<LineageEdge> edges) {
  public LineagePath {
    guids = List.copyOf(guids);
    visible = List.copyOf(visible);
    edges = List.copyOf(edges);
  }
}
