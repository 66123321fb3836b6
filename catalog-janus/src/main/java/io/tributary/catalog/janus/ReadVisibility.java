package io.tributary.catalog.janus;

import static io.tributary.catalog.janus.GraphSchema.TYPE;

import io.tributary.catalog.Dependents;
import io.tributary.catalog.Entity;
import io.tributary.catalog.Types;
import io.tributary.catalog.Visibility;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.tinkerpop.gremlin.structure.Direction;
import org.apache.tinkerpop.gremlin.structure.Edge;
import org.apache.tinkerpop.gremlin.structure.Vertex;

/**
 * The caller's {@link Visibility} within one read. An entity that belongs to a dataset (see {@link
 * Dependents}) is decided through that dataset, found in the graph: a column through its {@code
 * dataset_stream_columns} edge, a column lineage entry through its output columns. A dependent
 * without a dataset is decided on its own attributes, which name the dataset it was written for.
 *
 * <p>Each owner is loaded and decided once per read; not thread-safe, as a read is one thread.
 */
final class ReadVisibility {
  private final Visibility visibility;
  private final Dependents dependents;
  private final EntityVertices vertices;
  private final Map<Object, Boolean> ownerVisible = new HashMap<>();
  private final Map<Object, List<Vertex>> columnOwners = new HashMap<>();

  ReadVisibility(Visibility visibility, Dependents dependents, EntityVertices vertices) {
    this.visibility = visibility;
    this.dependents = dependents;
    this.vertices = vertices;
  }

  /** Whether the caller may see {@code entity}, read from {@code v}. */
  boolean canSee(Vertex v, Entity entity) {
    if (visibility == Visibility.all()) {
      // Nothing to decide: a column's datasets need not be read.
      return true;
    }
    if (!dependents.isDependent(entity.typeName())) {
      return visibility.canSee(entity);
    }
    List<Vertex> owners = owners(v, entity);
    if (owners.isEmpty()) {
      return visibility.canSee(entity);
    }
    for (Vertex owner : owners) {
      if (!ownerVisible.computeIfAbsent(
          owner.id(), id -> visibility.canSee(vertices.read(owner)))) {
        return false;
      }
      // Own classifications may hide a dependent further: decided with the owner's identity.
      if (!entity.classifications().isEmpty()
          && !visibility.canSeeDependent(entity, vertices.read(owner))) {
        return false;
      }
    }
    return true;
  }

  /** The datasets {@code entity} belongs to: none unless it is a dependent linked to one. */
  List<Vertex> owners(Vertex v, Entity entity) {
    return switch (dependents.kindOf(entity.typeName())) {
      case COLUMN -> datasetsOfColumn(v);
      case COLUMN_LINEAGE -> datasetsOfLineage(v);
      case NONE -> List.of();
    };
  }

  private List<Vertex> datasetsOfColumn(Vertex column) {
    List<Vertex> cached = columnOwners.get(column.id());
    if (cached != null) {
      return cached;
    }
    List<Vertex> owners = new ArrayList<>(1);
    Iterator<Edge> edges = column.edges(Direction.IN, Types.REL_COLUMNS);
    while (edges.hasNext()) {
      owners.add(edges.next().outVertex());
    }
    columnOwners.put(column.id(), owners);
    return owners;
  }

  /** The datasets of the entry's outputs: their columns' datasets, or outputs that are datasets. */
  private List<Vertex> datasetsOfLineage(Vertex lineage) {
    Map<Object, Vertex> owners = new LinkedHashMap<>();
    Iterator<Edge> edges = lineage.edges(Direction.OUT, Types.REL_OUTPUTS);
    while (edges.hasNext()) {
      Vertex output = edges.next().inVertex();
      String type = output.<String>property(TYPE).orElse(null);
      if (type != null && dependents.kindOf(type) == Dependents.Kind.COLUMN) {
        for (Vertex dataset : datasetsOfColumn(output)) {
          owners.putIfAbsent(dataset.id(), dataset);
        }
      } else {
        owners.putIfAbsent(output.id(), output);
      }
    }
    return new ArrayList<>(owners.values());
  }
}
