package io.tributary.catalog.janus;

import io.tributary.catalog.Entity;
import io.tributary.catalog.Guid;
import io.tributary.catalog.ImpactEntry;
import io.tributary.catalog.LineageEdge;
import io.tributary.catalog.LineageGraph;
import io.tributary.catalog.LineageLevel;
import io.tributary.catalog.LineagePath;
import io.tributary.catalog.Types;
import io.tributary.catalog.types.TypeRegistry;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.tinkerpop.gremlin.structure.Direction;
import org.apache.tinkerpop.gremlin.structure.Vertex;
import org.janusgraph.core.JanusGraphTransaction;

/**
 * Breadth-first walks over data-flow edges ({@code DataSet → Process} inputs, {@code Process →
 * DataSet} outputs, always stored in that direction). Before a walk runs, what it will read is read
 * through {@link VertexReads} a breadth-first level at a time ({@link #readAhead}): the flow edges
 * of a level's vertices in one query, then the properties of the vertices they reach within the
 * depth in another, because visibility needs them. The walk itself then runs in memory. A lineage
 * walk reads its vertices' edges in both directions at once, so the upstream and downstream degrees
 * come from the walk's own reads; only the neighbours it did not reach are read for them, in one
 * more batch.
 *
 * <p>Distance counts process hops: entering a process costs one, and so does leaving the start when
 * the start is a process, so that a process's direct inputs and outputs are at distance 1.
 */
final class LineageWalker {
  static final Comparator<Entity> BY_NAME_THEN_GUID =
      Comparator.comparing((Entity e) -> e.name() == null ? "" : e.name())
          .thenComparing(e -> e.guid().value());

  private static final String[] FLOW_LABELS = {Types.REL_INPUTS, Types.REL_OUTPUTS};
  private static final Direction[] SIDES = {Direction.IN, Direction.OUT};

  private final TypeRegistry types;
  private final EntityVertices vertices;

  LineageWalker(TypeRegistry types, EntityVertices vertices) {
    this.types = types;
    this.vertices = vertices;
  }

  /** A vertex reached by a walk; {@code entity} is loaded even when the caller may not see it. */
  private static final class Node {
    final Vertex vertex;
    final Entity entity;
    final boolean visible;
    int distance;

    Node(Vertex vertex, Entity entity, boolean visible, int distance) {
      this.vertex = vertex;
      this.entity = entity;
      this.visible = visible;
      this.distance = distance;
    }

    Guid guid() {
      return entity.guid();
    }
  }

  /** The result of one walk in one direction, before merging and redaction. */
  private static final class Walk {
    final Map<Object, Node> nodes = new LinkedHashMap<>();
    final Set<Object> excluded = new HashSet<>();
    final Set<LineageEdge> edges = new LinkedHashSet<>();
    final Map<Guid, Set<Guid>> parents = new HashMap<>();

    void link(Node parent, Node child, LineageEdge edge) {
      edges.add(edge);
      parents.computeIfAbsent(child.guid(), g -> new HashSet<>()).add(parent.guid());
    }
  }

  LineageGraph lineage(
      JanusGraphTransaction tx,
      Vertex start,
      Entity startEntity,
      io.tributary.catalog.Direction direction,
      int depth,
      LineageLevel level,
      ReadVisibility visibility) {
    VertexReads reads = reads(tx, start, startEntity);
    List<Walk> walks = new ArrayList<>(2);
    if (direction != io.tributary.catalog.Direction.UPSTREAM) {
      walks.add(
          walk(reads, start, startEntity, Direction.OUT, Direction.BOTH, depth, level, visibility));
    }
    if (direction != io.tributary.catalog.Direction.DOWNSTREAM) {
      walks.add(
          walk(reads, start, startEntity, Direction.IN, Direction.BOTH, depth, level, visibility));
    }
    Map<Guid, Entity> entities = new LinkedHashMap<>();
    Set<Guid> redacted = new LinkedHashSet<>();
    Set<LineageEdge> edges = new LinkedHashSet<>();
    Map<Guid, Integer> distances = new LinkedHashMap<>();
    for (Walk walk : walks) {
      Set<Guid> kept = keptAfterRedaction(walk, startEntity.guid());
      for (Node n : walk.nodes.values()) {
        if (!kept.contains(n.guid())) {
          continue;
        }
        if (n.visible) {
          entities.put(n.guid(), n.entity);
        } else {
          redacted.add(n.guid());
        }
        distances.merge(n.guid(), n.distance, Math::min);
      }
      for (LineageEdge e : walk.edges) {
        if (kept.contains(e.from()) && kept.contains(e.to())) {
          edges.add(e);
        }
      }
    }
    entities.put(startEntity.guid(), startEntity);
    distances.put(startEntity.guid(), 0);
    return new LineageGraph(
        startEntity.guid(),
        entities,
        new ArrayList<>(edges),
        redacted,
        distances,
        degrees(reads, walks, start, startEntity, entities.keySet(), level, visibility));
  }

  private VertexReads reads(JanusGraphTransaction tx, Vertex start, Entity startEntity) {
    VertexReads reads = new VertexReads(tx, vertices, FLOW_LABELS);
    reads.remember(start, startEntity);
    return reads;
  }

  /**
   * How many neighbours the caller may see upstream and downstream of each visible entity reached,
   * in the whole graph: what tells the explorer whether expanding a node shows anything. Neighbours
   * the walk reached are decided already, and their edges were read by the walk; the others (one
   * ring beyond the frontier) are read here in one batch and decided once each.
   */
  private Map<Guid, LineageGraph.Degree> degrees(
      VertexReads reads,
      List<Walk> walks,
      Vertex start,
      Entity startEntity,
      Set<Guid> visible,
      LineageLevel level,
      ReadVisibility visibility) {
    Map<Object, Boolean> seen = new HashMap<>();
    Map<Object, Vertex> vertexOf = new LinkedHashMap<>();
    vertexOf.put(start.id(), start);
    seen.put(start.id(), true);
    for (Walk walk : walks) {
      for (Node n : walk.nodes.values()) {
        seen.merge(n.vertex.id(), n.visible, Boolean::logicalOr);
        if (n.visible && visible.contains(n.guid())) {
          vertexOf.putIfAbsent(n.vertex.id(), n.vertex);
        }
      }
      walk.excluded.forEach(id -> seen.put(id, false));
    }
    boolean columnLevel = level == LineageLevel.COLUMN;
    reads.loadEdges(vertexOf.values(), Direction.BOTH);
    Map<Object, Vertex> beyond = new LinkedHashMap<>();
    for (Vertex v : vertexOf.values()) {
      for (Direction side : SIDES) {
        for (VertexReads.Step step : reads.steps(v, side)) {
          if (!seen.containsKey(step.other().id())) {
            beyond.putIfAbsent(step.other().id(), step.other());
          }
        }
      }
    }
    reads.loadEntities(beyond.values());
    Map<Guid, LineageGraph.Degree> degrees = new LinkedHashMap<>();
    for (Vertex v : vertexOf.values()) {
      Guid guid = v.id().equals(start.id()) ? startEntity.guid() : null;
      int up = countVisible(reads, v, Direction.IN, seen, columnLevel, visibility);
      int down = countVisible(reads, v, Direction.OUT, seen, columnLevel, visibility);
      if (guid == null) {
        guid = guidOf(walks, v);
      }
      degrees.put(guid, new LineageGraph.Degree(up, down));
    }
    return degrees;
  }

  private static Guid guidOf(List<Walk> walks, Vertex v) {
    for (Walk walk : walks) {
      Node n = walk.nodes.get(v.id());
      if (n != null) {
        return n.guid();
      }
    }
    throw new IllegalStateException("vertex " + v.id() + " was not reached");
  }

  private int countVisible(
      VertexReads reads,
      Vertex v,
      Direction direction,
      Map<Object, Boolean> seen,
      boolean columnLevel,
      ReadVisibility visibility) {
    Set<Object> counted = new HashSet<>();
    for (VertexReads.Step step : reads.steps(v, direction)) {
      Vertex w = step.other();
      if (!counted.add(w.id())) {
        continue;
      }
      Boolean decided = seen.get(w.id());
      if (decided == null) {
        Entity entity = reads.entity(w);
        decided = isColumnLevel(entity) == columnLevel && visibility.canSee(w, entity);
        seen.put(w.id(), decided);
      }
      if (!decided) {
        counted.remove(w.id());
      }
    }
    return counted.size();
  }

  /** Everything downstream that the caller may see, nearest first. */
  List<ImpactEntry> impact(
      JanusGraphTransaction tx,
      Vertex start,
      Entity startEntity,
      int maxDepth,
      ReadVisibility visibility) {
    LineageLevel level = isColumnLevel(startEntity) ? LineageLevel.COLUMN : LineageLevel.DATASET;
    Walk walk =
        walk(
            reads(tx, start, startEntity),
            start,
            startEntity,
            Direction.OUT,
            Direction.OUT,
            maxDepth,
            level,
            visibility);
    List<ImpactEntry> out = new ArrayList<>();
    for (Node n : walk.nodes.values()) {
      if (n.visible && !n.guid().equals(startEntity.guid())) {
        out.add(new ImpactEntry(n.entity, n.distance));
      }
    }
    out.sort(
        Comparator.comparingInt(ImpactEntry::distance)
            .thenComparing(ImpactEntry::entity, BY_NAME_THEN_GUID));
    return out;
  }

  /** How a path search first reached a vertex: from {@code previous} over an edge {@code label}. */
  private record Hop(Vertex previous, String label) {}

  /**
   * A shortest downstream path, searched a breadth-first level at a time: the flow edges of a whole
   * level in one multi-vertex read ({@link VertexReads#loadEdges}), in the order a vertex-at-a-time
   * queue would visit them, so the path found is the same. Only edges are read while searching;
   * entities are loaded in one read for the steps of the path found.
   */
  Optional<LineagePath> path(
      JanusGraphTransaction tx,
      Vertex from,
      Entity fromEntity,
      Vertex to,
      int maxDepth,
      ReadVisibility visibility) {
    VertexReads reads = reads(tx, from, fromEntity);
    Optional<Map<Object, Hop>> found =
        search(reads, from, isProcess(fromEntity), to.id(), maxDepth);
    if (found.isEmpty()) {
      return Optional.empty();
    }
    Map<Object, Hop> via = found.get();
    List<Vertex> steps = new ArrayList<>();
    List<String> labels = new ArrayList<>();
    Vertex cursor = to;
    while (!cursor.id().equals(from.id())) {
      Hop hop = via.get(cursor.id());
      steps.add(cursor);
      labels.add(hop.label());
      cursor = hop.previous();
    }
    steps.add(from);
    Collections.reverse(steps);
    Collections.reverse(labels);
    reads.loadEntities(steps);
    List<Guid> guids = new ArrayList<>();
    List<Entity> visible = new ArrayList<>();
    for (Vertex v : steps) {
      Entity entity = reads.entity(v);
      guids.add(entity.guid());
      if (visibility.canSee(v, entity)) {
        visible.add(entity);
      }
    }
    List<LineageEdge> edges = new ArrayList<>();
    for (int i = 0; i < labels.size(); i++) {
      edges.add(new LineageEdge(guids.get(i), guids.get(i + 1), labels.get(i)));
    }
    return Optional.of(new LineagePath(guids, visible, edges));
  }

  /**
   * The first hop into each vertex reached from {@code from} until {@code target} is, or empty when
   * it is not reached within {@code maxDepth} process hops.
   */
  private static Optional<Map<Object, Hop>> search(
      VertexReads reads, Vertex from, boolean startIsProcess, Object target, int maxDepth) {
    Map<Object, Hop> via = new HashMap<>();
    Map<Object, Integer> distance = new HashMap<>();
    distance.put(from.id(), 0);
    if (from.id().equals(target)) {
      return Optional.of(via);
    }
    List<Vertex> level = List.of(from);
    while (!level.isEmpty()) {
      reads.loadEdges(level, Direction.OUT);
      List<Vertex> next = new ArrayList<>();
      for (Vertex u : level) {
        int base = distance.get(u.id()) + (u == from && startIsProcess ? 1 : 0);
        for (VertexReads.Step step : reads.steps(u, Direction.OUT)) {
          int d = base + (Types.REL_INPUTS.equals(step.label()) ? 1 : 0);
          Vertex w = step.other();
          if (d > maxDepth || distance.containsKey(w.id())) {
            continue;
          }
          distance.put(w.id(), d);
          via.put(w.id(), new Hop(u, step.label()));
          if (w.id().equals(target)) {
            return Optional.of(via);
          }
          next.add(w);
        }
      }
      level = next;
    }
    return Optional.empty();
  }

  /**
   * One direction's walk. {@code edges} is the direction whose edges are read for each expanded
   * vertex: the walk's own, or {@code BOTH} when the degree counts will need the other side too.
   */
  private Walk walk(
      VertexReads reads,
      Vertex start,
      Entity startEntity,
      Direction walkDirection,
      Direction edges,
      int depth,
      LineageLevel level,
      ReadVisibility visibility) {
    Walk walk = new Walk();
    Node startNode = new Node(start, startEntity, true, 0);
    walk.nodes.put(start.id(), startNode);
    boolean columnLevel = level == LineageLevel.COLUMN;
    Deque<Node> queue = new ArrayDeque<>();
    if (columnLevel && !isColumnLevel(startEntity)) {
      // A dataset's column lineage starts at each of its columns.
      List<Vertex> columns = new ArrayList<>();
      start
          .edges(Direction.OUT, Types.REL_COLUMNS)
          .forEachRemaining(e -> columns.add(e.inVertex()));
      reads.loadEntities(columns);
      for (Vertex column : columns) {
        Node n = reach(walk, reads, column, 0, columnLevel, visibility);
        if (n != null) {
          walk.link(startNode, n, new LineageEdge(startNode.guid(), n.guid(), Types.REL_COLUMNS));
          queue.add(n);
        }
      }
    } else {
      queue.add(startNode);
    }
    boolean startIsProcess = isProcess(startEntity);
    List<Vertex> first = new ArrayList<>(queue.size());
    queue.forEach(n -> first.add(n.vertex));
    readAhead(reads, start, first, walkDirection, edges, depth, columnLevel, startIsProcess);
    boolean downstream = walkDirection == Direction.OUT;
    while (!queue.isEmpty()) {
      Node u = queue.poll();
      int base = u.distance + (u == startNode && startIsProcess ? 1 : 0);
      for (VertexReads.Step step : reads.steps(u.vertex, walkDirection)) {
        boolean intoProcess = Types.REL_INPUTS.equals(step.label()) == downstream;
        int d = base + (intoProcess ? 1 : 0);
        Vertex w = step.other();
        Node n = walk.nodes.get(w.id());
        if (n == null) {
          if (d > depth || walk.excluded.contains(w.id())) {
            continue;
          }
          n = reach(walk, reads, w, d, columnLevel, visibility);
          if (n == null) {
            continue;
          }
          enqueue(queue, n, u);
        } else if (d < n.distance && n != startNode) {
          n.distance = d;
          enqueue(queue, n, u);
        }
        LineageEdge edge =
            downstream
                ? new LineageEdge(u.guid(), n.guid(), step.label())
                : new LineageEdge(n.guid(), u.guid(), step.label());
        walk.link(u, n, edge);
      }
    }
    return walk;
  }

  /**
   * Reads, one breadth-first level per round, everything the walk will ask for: the edges of each
   * vertex within {@code depth} (in {@code edges}' direction) and the entities they lead to within
   * it. Distances here are those of the first paths found, never below the true ones, so nothing
   * read is wasted; a vertex whose true distance turns out smaller is read by the walk on its own.
   */
  private void readAhead(
      VertexReads reads,
      Vertex start,
      List<Vertex> first,
      Direction walkDirection,
      Direction edges,
      int depth,
      boolean columnLevel,
      boolean startIsProcess) {
    boolean downstream = walkDirection == Direction.OUT;
    Map<Object, Integer> distance = new HashMap<>();
    first.forEach(v -> distance.put(v.id(), 0));
    List<Vertex> level = first;
    while (!level.isEmpty()) {
      reads.loadEdges(level, edges);
      Map<Object, Vertex> next = new LinkedHashMap<>();
      for (Vertex u : level) {
        int base = distance.get(u.id()) + (u.id().equals(start.id()) && startIsProcess ? 1 : 0);
        for (VertexReads.Step step : reads.steps(u, walkDirection)) {
          boolean intoProcess = Types.REL_INPUTS.equals(step.label()) == downstream;
          int d = base + (intoProcess ? 1 : 0);
          Integer known = distance.get(step.other().id());
          if (d <= depth && (known == null || d < known)) {
            distance.put(step.other().id(), d);
            next.putIfAbsent(step.other().id(), step.other());
          }
        }
      }
      reads.loadEntities(next.values());
      // A vertex of the other level is not walked through, so its edges are not needed.
      next.values().removeIf(v -> isColumnLevel(reads.entity(v)) != columnLevel);
      level = new ArrayList<>(next.values());
    }
  }

  /** 0-1 breadth-first order: a step that entered no process is explored before the others. */
  private static void enqueue(Deque<Node> queue, Node n, Node from) {
    if (n.distance <= from.distance) {
      queue.addFirst(n);
    } else {
      queue.addLast(n);
    }
  }

  private Node reach(
      Walk walk,
      VertexReads reads,
      Vertex v,
      int distance,
      boolean columnLevel,
      ReadVisibility vis) {
    Entity entity = reads.entity(v);
    if (isColumnLevel(entity) != columnLevel) {
      walk.excluded.add(v.id());
      return null;
    }
    Node n = new Node(v, entity, vis.canSee(v, entity), distance);
    walk.nodes.put(v.id(), n);
    return n;
  }

  /**
   * Keeps visible nodes and the redacted ones that lead to a visible node: a path through hidden
   * data stays connected, while hidden dead ends are not revealed at all.
   */
  private static Set<Guid> keptAfterRedaction(Walk walk, Guid start) {
    Set<Guid> kept = new HashSet<>();
    Deque<Guid> todo = new ArrayDeque<>();
    for (Node n : walk.nodes.values()) {
      if (n.visible) {
        kept.add(n.guid());
        todo.add(n.guid());
      }
    }
    kept.add(start);
    while (!todo.isEmpty()) {
      for (Guid parent : walk.parents.getOrDefault(todo.poll(), Set.of())) {
        if (kept.add(parent)) {
          todo.add(parent);
        }
      }
    }
    return kept;
  }

  private boolean isProcess(Entity e) {
    return types.isA(e.typeName(), Types.PROCESS);
  }

  private boolean isColumnLevel(Entity e) {
    return types.isA(e.typeName(), Types.COLUMN) || types.isA(e.typeName(), Types.COLUMN_LINEAGE);
  }
}
