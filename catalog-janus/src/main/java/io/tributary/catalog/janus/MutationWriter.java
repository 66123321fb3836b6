package io.tributary.catalog.janus;

import static io.tributary.catalog.janus.GraphSchema.ATTRIBUTES;
import static io.tributary.catalog.janus.GraphSchema.ATTRIBUTE_TIMES;
import static io.tributary.catalog.janus.GraphSchema.CLASSIFICATIONS;
import static io.tributary.catalog.janus.GraphSchema.CREATE_TIME;
import static io.tributary.catalog.janus.GraphSchema.ENTITY_LABEL;
import static io.tributary.catalog.janus.GraphSchema.GUID;
import static io.tributary.catalog.janus.GraphSchema.KEY;
import static io.tributary.catalog.janus.GraphSchema.NAME;
import static io.tributary.catalog.janus.GraphSchema.NAME_LOWER;
import static io.tributary.catalog.janus.GraphSchema.PREFIXES;
import static io.tributary.catalog.janus.GraphSchema.QUALIFIED_NAME;
import static io.tributary.catalog.janus.GraphSchema.TENANT;
import static io.tributary.catalog.janus.GraphSchema.TYPE;
import static io.tributary.catalog.janus.GraphSchema.UPDATE_TIME;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tributary.catalog.CatalogException;
import io.tributary.catalog.ChangeEvent;
import io.tributary.catalog.ChangeFeed;
import io.tributary.catalog.EntityKey;
import io.tributary.catalog.EntityWrite;
import io.tributary.catalog.Guid;
import io.tributary.catalog.InvalidEntityException;
import io.tributary.catalog.Mutation;
import io.tributary.catalog.MutationResult;
import io.tributary.catalog.RelationshipWrite;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BooleanSupplier;
import org.apache.tinkerpop.gremlin.structure.Direction;
import org.apache.tinkerpop.gremlin.structure.Edge;
import org.apache.tinkerpop.gremlin.structure.T;
import org.apache.tinkerpop.gremlin.structure.Vertex;
import org.apache.tinkerpop.gremlin.structure.VertexProperty;
import org.janusgraph.core.JanusGraphEdge;
import org.janusgraph.core.JanusGraphTransaction;
import org.janusgraph.core.JanusGraphVertex;
import org.janusgraph.core.JanusGraphVertexQuery;

/**
 * Applies a batch of mutations inside one open transaction and says what changed. It never commits:
 * the caller commits and then publishes the drafts and {@link Outcome#committed}, or rolls back and
 * publishes nothing.
 *
 * <p>The batch is written in two passes, so that its cost stays linear in its size. The first
 * reads: it resolves every entity once (from the {@link WriteCache} of a single writer; on a shared
 * graph, skipped as a repeat ({@link RepeatedWrites}) or read by remembered vertex id in one
 * multi-vertex query ({@link VertexIds}); else one index lookup), merges every write of the batch
 * into that entity's state in memory, and finds each relationship's stored edge before the
 * transaction holds any new relation (JanusGraph's vertex queries scan a vertex's added relations,
 * so a query per new edge of a vertex gaining thousands would be quadratic). The second writes:
 * each vertex once, only what differs from the graph, then each new or changed edge.
 */
final class MutationWriter {
  /** How many entities or relationships pass between two checks for cancellation. */
  private static final int CHECK_EVERY = 256;

  /** The most times of entities evicted from the write cache that one batch writes. */
  private static final int EVICTED_PER_BATCH = 500;

  private final RelationshipRules rules;
  private final EntityVertices vertices;
  private final Json json;
  private final AttributeMerge merge;
  private final Clock clock;
  private final WriteCache cache;
  private final VertexIds ids;
  private final RepeatedWrites repeated;

  /**
   * What a batch did, once committed.
   *
   * @param lookups entities looked up in the graph's key index (the others were cached or written
   *     earlier in the batch)
   * @param edgeLookups vertex queries for a stored edge between two stored entities
   * @param vertexIds the vertex of every entity the batch wrote or read, for {@link VertexIds}
   * @param staleIds entities whose remembered vertex was gone (deleted by another process)
   * @param repeats entities the batch read and wrote, with the write a later repeat may skip
   * @param unread entities the batch neither read nor wrote: each write to them was a repeat
   */
  record Outcome(
      List<MutationResult> results,
      List<ChangeFeed.Draft> drafts,
      Map<EntityKey, WriteCache.Snapshot> snapshots,
      List<WriteCache.EdgeKey> edges,
      List<EntityKey> timesWritten,
      int lookups,
      int edgeLookups,
      Map<EntityKey, Object> vertexIds,
      List<EntityKey> staleIds,
      Map<EntityKey, RepeatedWrites.Entry> repeats,
      int unread) {

    /** Tells the cache what the transaction committed. */
    void committed(WriteCache cache) {
      cache.timesWritten(timesWritten);
      cache.committed(snapshots, edges);
    }

    /** Tells the caches what the transaction committed. */
    void committed(WriteCache cache, VertexIds ids) {
      committed(cache);
      ids.forget(staleIds);
      ids.committed(vertexIds, edges);
    }

    /** Tells the caches what the transaction committed. */
    void committed(WriteCache cache, VertexIds ids, RepeatedWrites repeated) {
      committed(cache, ids);
      repeated.committed(repeats);
    }
  }

  MutationWriter(
      RelationshipRules rules, EntityVertices vertices, Json json, Clock clock, WriteCache cache) {
    this(rules, vertices, json, clock, cache, VertexIds.off(), RepeatedWrites.off());
  }

  MutationWriter(
      RelationshipRules rules,
      EntityVertices vertices,
      Json json,
      Clock clock,
      WriteCache cache,
      VertexIds ids,
      RepeatedWrites repeated) {
    this.rules = rules;
    this.vertices = vertices;
    this.json = json;
    this.merge = new AttributeMerge(json);
    this.clock = clock;
    this.cache = cache;
    this.ids = ids;
    this.repeated = repeated;
  }

  /**
   * @param cancelled polled while writing: when it turns true the write stops with a {@link
   *     CatalogException} and the caller rolls back
   */
  Outcome write(JanusGraphTransaction tx, List<Mutation> mutations, BooleanSupplier cancelled) {
    Batch batch = new Batch(tx, cancelled);
    batch.prefetch(mutations);
    List<MutationResult> results = new ArrayList<>(mutations.size());
    for (int i = 0; i < mutations.size(); i++) {
      results.add(batch.merge(i, mutations.get(i)));
    }
    batch.flush(clock.millis());
    return batch.outcome(results);
  }

  /** The attribute times the cache holds and the graph lacks: written at close. */
  List<Map.Entry<EntityKey, WriteCache.Snapshot>> dirtyTimes() {
    return cache.allDirty();
  }

  /** Writes the times of {@code dirty} in {@code tx}. */
  void writeTimes(JanusGraphTransaction tx, List<Map.Entry<EntityKey, WriteCache.Snapshot>> dirty) {
    for (Map.Entry<EntityKey, WriteCache.Snapshot> e : dirty) {
      tx.getVertex(e.getValue().vertexId())
          .property(ATTRIBUTE_TIMES, json.write(e.getValue().currentTimes(merge)));
    }
  }

  /**
   * A batch skipped an entity as a repeat of this server's last write, and found its vertex gone
   * when it needed it: another server deleted it. Retried like a write conflict.
   */
  static final class StaleEntityException extends CatalogException {
    private static final long serialVersionUID = 1L;

    StaleEntityException(EntityKey key) {
      super("Entity " + key + " was deleted by another server since this one last wrote it");
    }
  }

  /** Two entities and a relationship type: at most one edge. */
  private record EdgeId(String label, EntityKey from, EntityKey to) {}

  /** One relationship while a batch is written. */
  private static final class EdgeState implements AttributeMerge.Target {
    final EntityState from;
    final EntityState to;
    final String label;
    boolean isNew;

    /** The stored edge, once looked up; null for a new edge or one only known to exist. */
    Edge edge;

    ObjectNode attributes;
    ObjectNode times;
    boolean valuesChanged;
    boolean timesChanged;

    EdgeState(EntityState from, EntityState to, String label) {
      this.from = from;
      this.to = to;
      this.label = label;
    }

    @Override
    public ObjectNode attributes() {
      return attributes;
    }

    @Override
    public ObjectNode writableAttributes() {
      return attributes;
    }

    @Override
    public ObjectNode times() {
      return times;
    }
  }

  /** The state of one batch. */
  private final class Batch {
    private final JanusGraphTransaction tx;
    private final BooleanSupplier cancelled;
    private final Map<EntityKey, EntityState> entities = new LinkedHashMap<>();
    private final Map<EdgeId, EdgeState> edges = new LinkedHashMap<>();
    private final List<ChangeFeed.Draft> drafts = new ArrayList<>();
    private final List<EntityKey> timesWritten = new ArrayList<>();

    /** Relationship and end types to whether they are stored reversed: type checks are costly. */
    private final Map<List<String>, Boolean> reversed = new HashMap<>();

    private final List<EntityKey> staleIds = new ArrayList<>();

    /** Skipped entities read since, to confirm that their vertex exists. */
    private final Set<EntityKey> confirmed = new java.util.HashSet<>();

    private int operations;
    private int lookups;
    private int edgeLookups;

    Batch(JanusGraphTransaction tx, BooleanSupplier cancelled) {
      this.tx = tx;
      this.cancelled = cancelled;
    }

    /**
     * Reads every entity of the batch whose vertex id is remembered ({@link VertexIds}) in one
     * multi-vertex query, which the storage answers with parallel reads, instead of a key-index
     * lookup and a vertex read per entity, one after the other. A vertex without properties is
     * gone: its entity is looked up by key like an unknown one.
     */
    void prefetch(List<Mutation> mutations) {
      if (!ids.enabled()) {
        return;
      }
      skipRepeats(mutations);
      Map<EntityKey, Object> known = new LinkedHashMap<>();
      for (Mutation m : mutations) {
        for (EntityWrite w : m.entities()) {
          remembered(w.key(), known);
        }
        for (RelationshipWrite r : m.relationships()) {
          remembered(r.from(), known);
          remembered(r.to(), known);
        }
      }
      if (known.isEmpty()) {
        return;
      }
      Map<Object, JanusGraphVertex> byId = new HashMap<>();
      for (Object id : known.values()) {
        byId.computeIfAbsent(id, tx::getVertex);
      }
      var loaded = tx.multiQuery(new ArrayList<>(byId.values())).properties();
      for (Map.Entry<EntityKey, Object> e : known.entrySet()) {
        tick();
        JanusGraphVertex v = byId.get(e.getValue());
        var properties = loaded.get(v);
        EntityVertices.Stored stored =
            properties == null ? null : EntityVertices.loadIfPresent(iterator(properties));
        if (stored == null
            || !EntityVertices.keyValue(e.getKey()).equals(stored.string(GraphSchema.KEY))) {
          staleIds.add(e.getKey());
          continue;
        }
        entities.put(e.getKey(), EntityState.stored(e.getKey(), v, stored, json, merge));
      }
    }

    /**
     * Entities whose every write in the batch repeats this server's trusted last write ({@link
     * RepeatedWrites}) are neither read nor written; nor are trusted entities the batch only
     * relates through edges known to exist ({@link #requireExists} otherwise).
     */
    private void skipRepeats(List<Mutation> mutations) {
      if (!repeated.enabled()) {
        return;
      }
      Map<EntityKey, List<EntityWrite>> writes = new LinkedHashMap<>();
      for (Mutation m : mutations) {
        for (EntityWrite w : m.entities()) {
          writes.computeIfAbsent(w.key(), k -> new ArrayList<>()).add(w);
        }
        for (RelationshipWrite r : m.relationships()) {
          writes.computeIfAbsent(r.from(), k -> new ArrayList<>());
          writes.computeIfAbsent(r.to(), k -> new ArrayList<>());
        }
      }
      Map<EntityKey, RepeatedWrites.Entry> skip = new LinkedHashMap<>();
      for (Map.Entry<EntityKey, List<EntityWrite>> e : writes.entrySet()) {
        RepeatedWrites.Entry trusted = repeated.trusted(e.getKey());
        if (trusted != null
            && EntityState.allRepeat(
                trusted.lastWrite(), trusted.classifications(), e.getValue())) {
          skip.put(e.getKey(), trusted);
        }
      }
      skip.forEach((key, trusted) -> entities.put(key, EntityState.repeated(key, trusted, merge)));
    }

    private void remembered(EntityKey key, Map<EntityKey, Object> known) {
      if (known.containsKey(key) || entities.containsKey(key) || cache.entity(key) != null) {
        return;
      }
      Object id = ids.vertexId(key);
      if (id != null) {
        known.put(key, id);
      }
    }

    /** Merges one mutation into the batch's state; its result is as if applied alone, in order. */
    MutationResult merge(int index, Mutation mutation) {
      Map<EntityKey, Guid> guids = new LinkedHashMap<>();
      Set<EntityKey> created = new LinkedHashSet<>();
      Set<EntityKey> updated = new LinkedHashSet<>();
      for (EntityWrite write : mutation.entities()) {
        tick();
        EntityState s = resolve(write.key());
        if (!s.exists) {
          s.exists = true;
          s.createdIn = index;
          s.apply(write);
          created.add(s.key);
          drafts.add(
              new ChangeFeed.Draft(
                  ChangeEvent.Kind.ENTITY_CREATED, s.ref, null, null, null, write.asOf()));
        } else if (s.apply(write) && s.createdIn != index && updated.add(s.key)) {
          drafts.add(
              new ChangeFeed.Draft(
                  ChangeEvent.Kind.ENTITY_UPDATED,
                  s.ref,
                  null,
                  null,
                  s.changedNames,
                  write.asOf()));
        }
        guids.put(s.key, s.ref.guid());
      }
      for (RelationshipWrite write : mutation.relationships()) {
        tick();
        relate(mutation, normalise(write));
      }
      return new MutationResult(guids, List.copyOf(created), List.copyOf(updated));
    }

    private RelationshipWrite normalise(RelationshipWrite r) {
      List<String> types = List.of(r.typeName(), r.from().typeName(), r.to().typeName());
      Boolean reverse = reversed.get(types);
      if (reverse == null) {
        reverse = rules.reversed(types.get(0), types.get(1), types.get(2));
        reversed.put(types, reverse);
      }
      return reverse ? RelationshipRules.reverse(r) : r;
    }

    private EntityState resolve(EntityKey key) {
      EntityState s = entities.get(key);
      if (s != null) {
        return s;
      }
      WriteCache.Snapshot snapshot = cache.entity(key);
      if (snapshot != null) {
        s = EntityState.cached(key, snapshot, merge);
      } else {
        lookups++;
        Optional<Vertex> v = vertices.byKey(tx, key);
        s =
            v.isPresent()
                ? EntityState.stored(key, v.get(), EntityVertices.load(v.get()), json, merge)
                : EntityState.fresh(key, json, merge);
      }
      entities.put(key, s);
      return s;
    }

    private void relate(Mutation mutation, RelationshipWrite write) {
      EntityState from = requireEnd(mutation, write, write.from());
      EntityState to = requireEnd(mutation, write, write.to());
      EdgeId id = new EdgeId(write.typeName(), from.key, to.key);
      EdgeState e = edges.get(id);
      if (e == null) {
        e = new EdgeState(from, to, write.typeName());
        if (from.isNew || to.isNew) {
          e.isNew = true;
          requireExists(from);
          requireExists(to);
        } else if (!write.attributes().isEmpty() || !edgeKnown(edgeKey(e))) {
          requireExists(from);
          requireExists(to);
          edgeLookups++;
          e.edge = findEdge(from.vertex(tx), to.vertex(tx), e.label);
          e.isNew = e.edge == null;
        }
        if (e.isNew) {
          drafts.add(
              new ChangeFeed.Draft(
                  ChangeEvent.Kind.RELATIONSHIP_CREATED, from.ref, e.label, to.ref));
        }
        edges.put(id, e);
      }
      if (!write.attributes().isEmpty()) {
        if (e.attributes == null) {
          load(e);
        }
        AttributeMerge.Outcome outcome = merge.merge(e, write.attributes(), write.asOf());
        e.valuesChanged |= outcome.valuesChanged();
        e.timesChanged |= outcome.timesChanged();
      }
    }

    /**
     * Reads an entity the batch skipped as a repeat before an edge is added or looked up at its
     * vertex: a vertex another server deleted must not gain an edge. When it is gone, the batch is
     * written again without trusting it.
     */
    private void requireExists(EntityState s) {
      if (!s.unread() || !confirmed.add(s.key)) {
        return;
      }
      EntityVertices.Stored stored = EntityVertices.loadIfPresent(s.vertex(tx).properties());
      if (stored == null
          || !EntityVertices.keyValue(s.key).equals(stored.string(GraphSchema.KEY))) {
        repeated.forget(List.of(s.key));
        ids.forget(List.of(s.key));
        throw new StaleEntityException(s.key);
      }
    }

    private boolean edgeKnown(WriteCache.EdgeKey key) {
      return cache.edgeExists(key) || ids.edgeExists(key);
    }

    private void load(EdgeState e) {
      if (!e.isNew && e.edge == null) {
        edgeLookups++;
        e.edge = findEdge(e.from.vertex(tx), e.to.vertex(tx), e.label);
        if (e.edge == null) {
          throw new CatalogException(
              "Relationship " + e.label + " from " + e.from.key + " to " + e.to.key + " vanished");
        }
      }
      e.attributes = json.parse(e.edge == null ? null : stringProperty(e.edge, ATTRIBUTES));
      e.times = json.parse(e.edge == null ? null : stringProperty(e.edge, ATTRIBUTE_TIMES));
    }

    private EntityState requireEnd(Mutation mutation, RelationshipWrite write, EntityKey end) {
      EntityState s = resolve(end);
      if (!s.exists) {
        throw new InvalidEntityException(
            "Relationship "
                + write.typeName()
                + " in '"
                + mutation.source()
                + "' names entity '"
                + end
                + "', which neither the mutation nor the catalog holds");
      }
      return s;
    }

    /** Writes every vertex once, then every new or changed edge. */
    void flush(long now) {
      for (EntityState s : entities.values()) {
        tick();
        if (!s.exists || s.unread()) {
          continue;
        }
        if (s.isNew) {
          create(s, now);
        } else if (s.needsWrite() || (s.timesDirty && !cache.enabled())) {
          update(s, now);
        }
      }
      int evicted = 0;
      for (Map.Entry<EntityKey, WriteCache.Snapshot> e : cache.evictedDirty()) {
        // A few per batch: a large batch that evicted many must not make the next one large.
        if (!entities.containsKey(e.getKey()) && evicted++ < EVICTED_PER_BATCH) {
          tick();
          tx.getVertex(e.getValue().vertexId())
              .property(ATTRIBUTE_TIMES, json.write(e.getValue().currentTimes(merge)));
          timesWritten.add(e.getKey());
        }
      }
      for (EdgeState e : edges.values()) {
        tick();
        if (e.isNew) {
          e.edge = e.from.vertex(tx).addEdge(e.label, e.to.vertex(tx), edgeProperties(e));
        } else {
          if (e.valuesChanged) {
            e.edge.property(ATTRIBUTES, json.write(e.attributes));
          }
          if (e.timesChanged) {
            e.edge.property(ATTRIBUTE_TIMES, json.write(e.times));
          }
        }
      }
    }

    private Object[] edgeProperties(EdgeState e) {
      if (e.attributes == null) {
        return new Object[0];
      }
      List<Object> kv = new ArrayList<>(4);
      if (e.valuesChanged) {
        kv.add(ATTRIBUTES);
        kv.add(json.write(e.attributes));
      }
      if (e.timesChanged) {
        kv.add(ATTRIBUTE_TIMES);
        kv.add(json.write(e.times));
      }
      return kv.toArray();
    }

    private void create(EntityState s, long now) {
      EntityKey key = s.key;
      List<Object> kv = new ArrayList<>(24);
      add(kv, T.label, ENTITY_LABEL);
      add(kv, GUID, s.ref.guid().value());
      add(kv, KEY, EntityVertices.keyValue(key));
      add(kv, TYPE, key.typeName());
      add(kv, TENANT, key.tenant().value());
      add(kv, QUALIFIED_NAME, key.qualifiedName());
      add(kv, CREATE_TIME, now);
      add(kv, UPDATE_TIME, now);
      if (s.name != null) {
        add(kv, NAME, s.name);
        add(kv, NAME_LOWER, s.name.toLowerCase(Locale.ROOT));
      }
      add(kv, ATTRIBUTES, json.write(s.attributes()));
      add(kv, ATTRIBUTE_TIMES, json.write(s.times()));
      Vertex v = tx.addVertex(kv.toArray());
      for (String prefix : EntityVertices.prefixes(s.name, key.qualifiedName())) {
        v.property(VertexProperty.Cardinality.set, PREFIXES, prefix);
      }
      for (String c : s.addedClassifications) {
        v.property(VertexProperty.Cardinality.set, CLASSIFICATIONS, c);
      }
      s.created(v);
      s.timesDirty = false;
    }

    private void update(EntityState s, long now) {
      Vertex v = s.vertex(tx);
      if (s.nameChanged()) {
        v.property(NAME, s.name);
        v.property(NAME_LOWER, s.name.toLowerCase(Locale.ROOT));
        updatePrefixes(v, s.storedName, s.name, s.key.qualifiedName());
      }
      if (s.valuesChanged) {
        v.property(ATTRIBUTES, json.write(s.attributes()));
      }
      if (s.timesDirty) {
        v.property(ATTRIBUTE_TIMES, json.write(s.times()));
        s.timesDirty = false;
      }
      if (s.visiblyChanged) {
        v.property(UPDATE_TIME, now);
      }
      for (String c : s.addedClassifications) {
        v.property(VertexProperty.Cardinality.set, CLASSIFICATIONS, c);
      }
    }

    Outcome outcome(List<MutationResult> results) {
      Map<EntityKey, WriteCache.Snapshot> snapshots = new LinkedHashMap<>();
      List<WriteCache.EdgeKey> edgeKeys = new ArrayList<>();
      Map<EntityKey, Object> vertexIds = new LinkedHashMap<>();
      Map<EntityKey, RepeatedWrites.Entry> repeats = new LinkedHashMap<>();
      int unread = 0;
      if (ids.enabled()) {
        for (EntityState s : entities.values()) {
          if (!s.exists) {
            continue;
          }
          vertexIds.put(s.key, s.vertexId());
          if (s.unread()) {
            unread++;
          } else if (s.lastWrite != null && repeated.enabled()) {
            repeats.put(
                s.key,
                repeated.entry(
                    s.vertexId(), s.ref.guid(), s.name, s.classifications(), s.lastWrite));
          }
        }
        for (EdgeState e : edges.values()) {
          edgeKeys.add(edgeKey(e));
        }
      } else if (cache.enabled()) {
        for (EntityState s : entities.values()) {
          if (s.exists) {
            snapshots.put(
                s.key,
                new WriteCache.Snapshot(
                    s.vertexId(),
                    s.ref.guid(),
                    s.name,
                    s.attributes(),
                    s.timesAsIs(),
                    s.classifications(),
                    s.lastWrite,
                    s.refresh,
                    s.timesDirty));
          }
        }
        for (EdgeState e : edges.values()) {
          edgeKeys.add(edgeKey(e));
        }
      }
      return new Outcome(
          results,
          drafts,
          snapshots,
          edgeKeys,
          timesWritten,
          lookups,
          edgeLookups,
          vertexIds,
          staleIds,
          repeats,
          unread);
    }

    private void tick() {
      if (++operations % CHECK_EVERY == 0 && cancelled.getAsBoolean()) {
        throw new CatalogException("The write was cancelled: the catalog is shutting down");
      }
    }
  }

  private static WriteCache.EdgeKey edgeKey(EdgeState e) {
    return new WriteCache.EdgeKey(e.from.vertexId(), e.label, e.to.vertexId());
  }

  private static void add(List<Object> kv, Object key, Object value) {
    kv.add(key);
    kv.add(value);
  }

  /** Replaces only the prefixes that differ, so a renamed entity keeps most index entries. */
  private static void updatePrefixes(Vertex v, String oldName, String newName, String qn) {
    Set<String> before = EntityVertices.prefixes(oldName, qn);
    Set<String> after = EntityVertices.prefixes(newName, qn);
    Iterator<VertexProperty<String>> it = v.properties(PREFIXES);
    while (it.hasNext()) {
      VertexProperty<String> p = it.next();
      if (!after.contains(p.value())) {
        p.remove();
      }
    }
    for (String prefix : after) {
      if (!before.contains(prefix)) {
        v.property(VertexProperty.Cardinality.set, PREFIXES, prefix);
      }
    }
  }

  /**
   * At most one edge of a type links two vertices: find it if it exists. The adjacent-vertex
   * constraint lets JanusGraph read only that part of the adjacency list, so a topic with thousands
   * of consumers costs no more than one with a single consumer. Called before the transaction adds
   * any relation, so JanusGraph reads only what is stored.
   */
  private static Edge findEdge(Vertex from, Vertex to, String label) {
    JanusGraphVertexQuery<?> query = ((JanusGraphVertex) from).query();
    Iterator<JanusGraphEdge> it =
        query.direction(Direction.OUT).labels(label).adjacent(to).edges().iterator();
    return it.hasNext() ? it.next() : null;
  }

  /** JanusGraph's multi-vertex query types its properties raw. */
  @SuppressWarnings("unchecked")
  private static Iterator<VertexProperty<?>> iterator(Iterable<?> it) {
    return (Iterator<VertexProperty<?>>) it.iterator();
  }

  private static String stringProperty(Edge e, String key) {
    return e.<String>property(key).orElse(null);
  }
}
