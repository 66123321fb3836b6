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
import io.tributary.catalog.ChangeEvent;
import io.tributary.catalog.ChangeFeed;
import io.tributary.catalog.EntityKey;
import io.tributary.catalog.EntityRef;
import io.tributary.catalog.EntityWrite;
import io.tributary.catalog.Guid;
import io.tributary.catalog.InvalidEntityException;
import io.tributary.catalog.Mutation;
import io.tributary.catalog.MutationResult;
import io.tributary.catalog.RelationshipWrite;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
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
 * the caller commits and then publishes the drafts, or rolls back and publishes nothing.
 */
final class MutationWriter {
  /** The name an entity write may carry among its attributes, as Atlas requests do. */
  private static final String NAME_ATTRIBUTE = "name";

  private static final String QUALIFIED_NAME_ATTRIBUTE = "qualifiedName";

  private final RelationshipRules rules;
  private final EntityVertices vertices;
  private final Json json;
  private final AttributeMerge merge;
  private final Clock clock;

  /** What a batch did, once committed. */
  record Outcome(List<MutationResult> results, List<ChangeFeed.Draft> drafts) {}

  /** An entity vertex of this batch with its guid and key at hand. */
  private record Written(Vertex vertex, EntityRef ref) {}

  MutationWriter(RelationshipRules rules, EntityVertices vertices, Json json, Clock clock) {
    this.rules = rules;
    this.vertices = vertices;
    this.json = json;
    this.merge = new AttributeMerge(json);
    this.clock = clock;
  }

  Outcome write(JanusGraphTransaction tx, List<Mutation> mutations) {
    Map<EntityKey, Written> batch = new HashMap<>();
    List<MutationResult> results = new ArrayList<>(mutations.size());
    List<ChangeFeed.Draft> drafts = new ArrayList<>();
    for (Mutation mutation : mutations) {
      Map<EntityKey, Guid> guids = new LinkedHashMap<>();
      Set<EntityKey> created = new LinkedHashSet<>();
      Set<EntityKey> updated = new LinkedHashSet<>();
      for (EntityWrite write : mutation.entities()) {
        EntityRef ref = writeEntity(tx, write, batch, created, updated, drafts);
        guids.put(write.key(), ref.guid());
      }
      for (RelationshipWrite write : mutation.relationships()) {
        writeRelationship(tx, mutation, rules.normalise(write), batch, drafts);
      }
      results.add(new MutationResult(guids, List.copyOf(created), List.copyOf(updated)));
    }
    return new Outcome(results, drafts);
  }

  private EntityRef writeEntity(
      JanusGraphTransaction tx,
      EntityWrite write,
      Map<EntityKey, Written> batch,
      Set<EntityKey> created,
      Set<EntityKey> updated,
      List<ChangeFeed.Draft> drafts) {
    EntityKey key = write.key();
    Written existing = resolve(tx, key, batch);
    long now = clock.millis();
    if (existing == null) {
      Guid guid = Guid.forKey(key);
      Vertex v =
          tx.addVertex(
              T.label,
              ENTITY_LABEL,
              GUID,
              guid.value(),
              KEY,
              EntityVertices.keyValue(key),
              TYPE,
              key.typeName(),
              TENANT,
              key.tenant().value(),
              QUALIFIED_NAME,
              key.qualifiedName(),
              CREATE_TIME,
              now,
              UPDATE_TIME,
              now);
      EntityRef ref = new EntityRef(guid, key);
      apply(v, write, true);
      batch.put(key, new Written(v, ref));
      created.add(key);
      drafts.add(new ChangeFeed.Draft(ChangeEvent.Kind.ENTITY_CREATED, ref, null, null));
      return ref;
    }
    if (apply(existing.vertex(), write, false)) {
      existing.vertex().property(UPDATE_TIME, now);
      if (!created.contains(key)) {
        updated.add(key);
        drafts.add(
            new ChangeFeed.Draft(ChangeEvent.Kind.ENTITY_UPDATED, existing.ref(), null, null));
      }
    }
    return existing.ref();
  }

  /** Applies a write to a vertex newest-wins; returns whether anything visible changed. */
  private boolean apply(Vertex v, EntityWrite write, boolean isNew) {
    ObjectNode attributes = isNew ? json.parse(null) : json.parse(stringProperty(v, ATTRIBUTES));
    ObjectNode times = isNew ? json.parse(null) : json.parse(stringProperty(v, ATTRIBUTE_TIMES));

    Map<String, Object> written = new LinkedHashMap<>(write.attributes());
    written.remove(QUALIFIED_NAME_ATTRIBUTE);
    Object nameAttribute = written.remove(NAME_ATTRIBUTE);
    String name =
        write.name() != null
            ? write.name()
            : nameAttribute instanceof String s && !s.isBlank() ? s : null;

    boolean changed = false;
    boolean timesChanged = false;
    if (name != null && AttributeMerge.wins(times, NAME_ATTRIBUTE, write.asOf())) {
      times.put(NAME_ATTRIBUTE, write.asOf().toString());
      timesChanged = true;
      if (!name.equals(stringProperty(v, NAME))) {
        setName(v, name);
        changed = true;
      }
    }
    AttributeMerge.Outcome outcome = merge.merge(attributes, times, written, write.asOf());
    if (outcome.valuesChanged() || isNew) {
      v.property(ATTRIBUTES, json.write(attributes));
    }
    if (outcome.timesChanged() || timesChanged || isNew) {
      v.property(ATTRIBUTE_TIMES, json.write(times));
    }
    if (isNew && name == null) {
      setPrefixes(v, null, (String) v.value(QUALIFIED_NAME));
    }
    changed |= outcome.valuesChanged();
    changed |= addClassifications(v, write.classifications(), isNew);
    return changed;
  }

  private static void setName(Vertex v, String name) {
    v.property(NAME, name);
    v.property(NAME_LOWER, name.toLowerCase(Locale.ROOT));
    setPrefixes(v, name, (String) v.value(QUALIFIED_NAME));
  }

  private static void setPrefixes(Vertex v, String name, String qualifiedName) {
    v.properties(PREFIXES).forEachRemaining(VertexProperty::remove);
    for (String prefix : EntityVertices.prefixes(name, qualifiedName)) {
      v.property(VertexProperty.Cardinality.set, PREFIXES, prefix);
    }
  }

  private static boolean addClassifications(Vertex v, Set<String> added, boolean isNew) {
    if (added.isEmpty()) {
      return false;
    }
    Set<String> present = new HashSet<>();
    if (!isNew) {
      v.<String>values(CLASSIFICATIONS).forEachRemaining(present::add);
    }
    boolean changed = false;
    for (String c : added) {
      if (!present.contains(c)) {
        v.property(VertexProperty.Cardinality.set, CLASSIFICATIONS, c);
        changed = true;
      }
    }
    return changed;
  }

  private void writeRelationship(
      JanusGraphTransaction tx,
      Mutation mutation,
      RelationshipWrite write,
      Map<EntityKey, Written> batch,
      List<ChangeFeed.Draft> drafts) {
    Written from = requireEnd(tx, mutation, write, write.from(), batch);
    Written to = requireEnd(tx, mutation, write, write.to(), batch);
    Edge edge = findEdge(from.vertex(), to.vertex(), write.typeName());
    ObjectNode attributes;
    ObjectNode times;
    if (edge == null) {
      edge = from.vertex().addEdge(write.typeName(), to.vertex());
      attributes = json.parse(null);
      times = json.parse(null);
      drafts.add(
          new ChangeFeed.Draft(
              ChangeEvent.Kind.RELATIONSHIP_CREATED, from.ref(), write.typeName(), to.ref()));
    } else {
      attributes = json.parse(edge.<String>property(ATTRIBUTES).orElse(null));
      times = json.parse(edge.<String>property(ATTRIBUTE_TIMES).orElse(null));
    }
    AttributeMerge.Outcome outcome =
        merge.merge(attributes, times, write.attributes(), write.asOf());
    if (outcome.valuesChanged()) {
      edge.property(ATTRIBUTES, json.write(attributes));
    }
    if (outcome.timesChanged()) {
      edge.property(ATTRIBUTE_TIMES, json.write(times));
    }
  }

  private Written requireEnd(
      JanusGraphTransaction tx,
      Mutation mutation,
      RelationshipWrite write,
      EntityKey end,
      Map<EntityKey, Written> batch) {
    Written w = resolve(tx, end, batch);
    if (w == null) {
      throw new InvalidEntityException(
          "Relationship "
              + write.typeName()
              + " in '"
              + mutation.source()
              + "' names entity '"
              + end
              + "', which neither the mutation nor the catalog holds");
    }
    return w;
  }

  /**
   * At most one edge of a type links two vertices: find it if it exists. The adjacent-vertex
   * constraint lets JanusGraph read only that part of the adjacency list, so a topic with thousands
   * of consumers costs no more than one with a single consumer.
   */
  private static Edge findEdge(Vertex from, Vertex to, String label) {
    JanusGraphVertexQuery<?> query = ((JanusGraphVertex) from).query();
    Iterator<JanusGraphEdge> it =
        query.direction(Direction.OUT).labels(label).adjacent(to).edges().iterator();
    return it.hasNext() ? it.next() : null;
  }

  private Written resolve(JanusGraphTransaction tx, EntityKey key, Map<EntityKey, Written> batch) {
    Written w = batch.get(key);
    if (w != null) {
      return w;
    }
    return vertices
        .byKey(tx, key)
        .map(
            v -> {
              Written found = new Written(v, new EntityRef(new Guid((String) v.value(GUID)), key));
              batch.put(key, found);
              return found;
            })
        .orElse(null);
  }

  private static String stringProperty(Vertex v, String key) {
    VertexProperty<String> p = v.property(key);
    return p.isPresent() ? p.value() : null;
  }
}
