package io.tributary.server.export;

import io.tributary.catalog.Entity;
import io.tributary.catalog.Guid;
import io.tributary.catalog.LineageGraph;
import io.tributary.catalog.LineageQuery;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * What an exporter writes: the lineage answer, the query that produced it, and (for the image
 * formats, computed only when asked) a layered drawing of it.
 */
public record LineageExport(
    LineageGraph graph, LineageQuery query, NodeKinds kinds, Supplier<Drawing> drawing) {
  public LineageExport {
    Objects.requireNonNull(graph, "graph");
    Objects.requireNonNull(query, "query");
    Objects.requireNonNull(kinds, "kinds");
    Objects.requireNonNull(drawing, "drawing");
  }

  /**
   * Every node in a stable order: visible entities by qualifiedName, then redacted guids. Redacted
   * nodes keep the graph connected but carry nothing but their guid.
   */
  public List<Node> nodes() {
    List<Node> out = new ArrayList<>();
    graph.entities().values().stream()
        .sorted(
            Comparator.comparing(Entity::typeName)
                .thenComparing(Entity::qualifiedName)
                .thenComparing(e -> e.guid().value()))
        .forEach(e -> out.add(new Node(e.guid(), e, kinds.of(e.typeName()))));
    graph.redacted().stream()
        .filter(g -> !graph.entities().containsKey(g))
        .sorted(Comparator.comparing(Guid::value))
        .forEach(g -> out.add(new Node(g, null, NodeKind.REDACTED)));
    return out;
  }

  /** A node of the export; {@code entity} is null when redacted. */
  public record Node(Guid guid, Entity entity, NodeKind kind) {
    public String name() {
      return entity == null
          ? "hidden"
          : entity.name() == null ? entity.qualifiedName() : entity.name();
    }

    public String typeName() {
      return entity == null ? "redacted" : entity.typeName();
    }

    public String qualifiedName() {
      return entity == null ? "" : entity.qualifiedName();
    }
  }
}
