package io.tributary.catalog.janus;

import io.tributary.catalog.Entity;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.tinkerpop.gremlin.structure.Direction;
import org.apache.tinkerpop.gremlin.structure.Edge;
import org.apache.tinkerpop.gremlin.structure.Vertex;
import org.apache.tinkerpop.gremlin.structure.VertexProperty;
import org.janusgraph.core.JanusGraphEdge;
import org.janusgraph.core.JanusGraphTransaction;
import org.janusgraph.core.JanusGraphVertex;

/**
 * The entities and adjacency one read has loaded, keyed by vertex id. A walk asks for a whole
 * breadth-first level at once ({@link #loadEntities}, {@link #loadEdges}): one JanusGraph
 * multi-vertex query per level, which a remote store answers in one round trip and a local one
 * without a query per vertex. Anything not loaded ahead is read on its own when asked for, so
 * results never depend on what was prefetched.
 *
 * <p>One read is one thread: not thread-safe.
 */
final class VertexReads {
  /** One flow edge seen from a vertex: the vertex at its other end and its label. */
  record Step(Vertex other, String label) {}

  private final JanusGraphTransaction tx;
  private final EntityVertices vertices;
  private final String[] labels;
  private final Map<Object, Entity> entities = new HashMap<>();
  private final Map<Object, List<Step>> out = new HashMap<>();
  private final Map<Object, List<Step>> in = new HashMap<>();

  /** Reads within {@code tx}; {@code labels} are the edge labels {@link #steps} follows. */
  VertexReads(JanusGraphTransaction tx, EntityVertices vertices, String... labels) {
    this.tx = tx;
    this.vertices = vertices;
    this.labels = labels.clone();
  }

  /** Remembers an entity the caller read already (the start of a walk). */
  void remember(Vertex v, Entity entity) {
    entities.put(v.id(), entity);
  }

  Entity entity(Vertex v) {
    Entity e = entities.get(v.id());
    if (e == null) {
      e = vertices.read(v);
      entities.put(v.id(), e);
    }
    return e;
  }

  /** Loads the entities of those {@code vs} not loaded yet, in one query. */
  void loadEntities(Collection<? extends Vertex> vs) {
    List<JanusGraphVertex> missing = missing(vs, entities);
    if (missing.isEmpty()) {
      return;
    }
    // JanusGraph's API names the property type raw; a wildcard keeps the raw type out of here.
    Map<JanusGraphVertex, ? extends Iterable<?>> loaded = tx.multiQuery(missing).properties();
    for (Map.Entry<JanusGraphVertex, ? extends Iterable<?>> e : loaded.entrySet()) {
      List<VertexProperty<?>> properties = new ArrayList<>();
      for (Object p : e.getValue()) {
        properties.add((VertexProperty<?>) p);
      }
      entities.put(e.getKey().id(), vertices.toEntity(EntityVertices.load(properties.iterator())));
    }
  }

  private boolean hasSteps(Vertex v, Direction direction) {
    return switch (direction) {
      case OUT -> out.containsKey(v.id());
      case IN -> in.containsKey(v.id());
      case BOTH -> out.containsKey(v.id()) && in.containsKey(v.id());
    };
  }

  /** The flow edges of {@code v} in {@code direction} (OUT or IN), in the store's order. */
  List<Step> steps(Vertex v, Direction direction) {
    Map<Object, List<Step>> side = direction == Direction.OUT ? out : in;
    List<Step> steps = side.get(v.id());
    if (steps == null) {
      steps = new ArrayList<>();
      Iterator<Edge> it = v.edges(direction, labels);
      while (it.hasNext()) {
        Edge e = it.next();
        steps.add(new Step(direction == Direction.OUT ? e.inVertex() : e.outVertex(), e.label()));
      }
      side.put(v.id(), steps);
    }
    return steps;
  }

  /**
   * Loads the flow edges of those {@code vs} not loaded yet in {@code direction}, in one query;
   * {@code BOTH} fills both sides, which is what the degree counts read.
   */
  void loadEdges(Collection<? extends Vertex> vs, Direction direction) {
    Map<Object, JanusGraphVertex> missing = new LinkedHashMap<>();
    for (Vertex v : vs) {
      if (!hasSteps(v, direction)) {
        missing.putIfAbsent(v.id(), (JanusGraphVertex) v);
      }
    }
    if (missing.isEmpty()) {
      return;
    }
    Map<JanusGraphVertex, Iterable<JanusGraphEdge>> loaded =
        tx.multiQuery(new ArrayList<>(missing.values()))
            .direction(direction)
            .labels(labels)
            .edges();
    for (JanusGraphVertex v : missing.values()) {
      Object id = v.id();
      List<Step> outSteps = new ArrayList<>();
      List<Step> inSteps = new ArrayList<>();
      for (JanusGraphEdge e : loaded.getOrDefault(v, List.of())) {
        Vertex from = e.outVertex();
        if (from.id().equals(id)) {
          outSteps.add(new Step(e.inVertex(), e.label()));
        } else {
          inSteps.add(new Step(from, e.label()));
        }
      }
      if (direction != Direction.IN) {
        out.put(id, outSteps);
      }
      if (direction != Direction.OUT) {
        in.put(id, inSteps);
      }
    }
  }

  private static List<JanusGraphVertex> missing(
      Collection<? extends Vertex> vs, Map<Object, ?> loaded) {
    Map<Object, JanusGraphVertex> missing = new LinkedHashMap<>();
    for (Vertex v : vs) {
      if (!loaded.containsKey(v.id())) {
        missing.putIfAbsent(v.id(), (JanusGraphVertex) v);
      }
    }
    return new ArrayList<>(missing.values());
  }
}
