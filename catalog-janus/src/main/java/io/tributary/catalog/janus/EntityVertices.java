package io.tributary.catalog.janus;

import static io.tributary.catalog.janus.GraphSchema.ATTRIBUTES;
import static io.tributary.catalog.janus.GraphSchema.CLASSIFICATIONS;
import static io.tributary.catalog.janus.GraphSchema.CREATE_TIME;
import static io.tributary.catalog.janus.GraphSchema.GUID;
import static io.tributary.catalog.janus.GraphSchema.KEY;
import static io.tributary.catalog.janus.GraphSchema.NAME;
import static io.tributary.catalog.janus.GraphSchema.PREFIXES;
import static io.tributary.catalog.janus.GraphSchema.QUALIFIED_NAME;
import static io.tributary.catalog.janus.GraphSchema.TENANT;
import static io.tributary.catalog.janus.GraphSchema.TYPE;
import static io.tributary.catalog.janus.GraphSchema.UPDATE_TIME;

import io.tributary.catalog.Entity;
import io.tributary.catalog.EntityKey;
import io.tributary.catalog.EntityRef;
import io.tributary.catalog.Guid;
import io.tributary.contract.TenantId;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.tinkerpop.gremlin.structure.Vertex;
import org.apache.tinkerpop.gremlin.structure.VertexProperty;
import org.janusgraph.core.JanusGraphQuery;
import org.janusgraph.core.JanusGraphTransaction;
import org.janusgraph.core.JanusGraphVertex;

/** Reads entities from vertices and finds vertices by guid or key. */
final class EntityVertices {
  private final Json json;

  EntityVertices(Json json) {
    this.json = json;
  }

  static String keyValue(EntityKey key) {
    return key.tenant().value() + "|" + key.typeName() + "|" + key.qualifiedName();
  }

  Optional<Vertex> byGuid(JanusGraphTransaction tx, Guid guid) {
    Iterator<JanusGraphVertex> it = lookup(tx, GUID, guid.value()).iterator();
    return it.hasNext() ? Optional.of(it.next()) : Optional.empty();
  }

  Optional<Vertex> byKey(JanusGraphTransaction tx, EntityKey key) {
    Iterator<JanusGraphVertex> it = lookup(tx, KEY, keyValue(key)).iterator();
    return it.hasNext() ? Optional.of(it.next()) : Optional.empty();
  }

  /**
   * Vertices with {@code key = value}, through its composite index. A direct graph query: a Gremlin
   * traversal would spend more on compiling its strategies than the index lookup takes.
   */
  static Iterable<JanusGraphVertex> lookup(JanusGraphTransaction tx, String key, Object value) {
    JanusGraphQuery<?> query = tx.query();
    return query.has(key, value).vertices();
  }

  /** An entity vertex's properties as stored, loaded in one read. */
  record Stored(Map<String, Object> values, Set<String> classifications) {
    String string(String key) {
      return (String) values.get(key);
    }
  }

  /** Loads every property of the vertex in one read. */
  static Stored load(Vertex v) {
    return load(v.properties());
  }

  /**
   * An entity's properties as a multi-vertex query read them, or null when there are none: the
   * vertex does not exist (any more).
   */
  static Stored loadIfPresent(Iterator<? extends VertexProperty<?>> it) {
    Stored stored = load(it);
    return stored.values().isEmpty() && stored.classifications().isEmpty() ? null : stored;
  }

  /** The entity's properties from an already issued read of all of a vertex's properties. */
  static Stored load(Iterator<? extends VertexProperty<?>> it) {
    Map<String, Object> values = new HashMap<>();
    Set<String> classifications = new HashSet<>();
    while (it.hasNext()) {
      VertexProperty<?> p = it.next();
      if (CLASSIFICATIONS.equals(p.key())) {
        classifications.add((String) p.value());
      } else if (!PREFIXES.equals(p.key())) {
        values.put(p.key(), p.value());
      }
    }
    return new Stored(values, classifications);
  }

  Entity read(Vertex v) {
    return toEntity(load(v));
  }

  Entity toEntity(Stored stored) {
    Map<String, Object> values = stored.values();
    EntityKey key =
        new EntityKey(
            new TenantId(stored.string(TENANT)),
            stored.string(TYPE),
            stored.string(QUALIFIED_NAME));
    return new Entity(
        new Guid(stored.string(GUID)),
        key,
        stored.string(NAME),
        json.toMap(json.parse(stored.string(ATTRIBUTES))),
        stored.classifications(),
        instant(values.get(CREATE_TIME)),
        instant(values.get(UPDATE_TIME)));
  }

  static EntityRef ref(Entity e) {
    return new EntityRef(e.guid(), e.key());
  }

  /** The guid alone, for walks that only need to name a vertex. */
  static Guid guidOf(Vertex v) {
    return new Guid((String) v.value(GUID));
  }

  /** Lower-cased prefixes of name and qualifiedName that the prefix index holds. */
  static Set<String> prefixes(String name, String qualifiedName) {
    Set<String> out = new LinkedHashSet<>();
    addPrefixes(out, name);
    addPrefixes(out, qualifiedName);
    return out;
  }

  /** The index value a search prefix looks up: its longest indexed prefix, lower-cased. */
  static String indexPrefix(String searchPrefix) {
    String lower = searchPrefix.toLowerCase(Locale.ROOT);
    int length = 0;
    for (int candidate : GraphSchema.PREFIX_LENGTHS) {
      if (candidate <= lower.length()) {
        length = candidate;
      }
    }
    return lower.substring(0, length);
  }

  private static void addPrefixes(Set<String> out, String text) {
    if (text == null || text.isEmpty()) {
      return;
    }
    String lower = text.toLowerCase(Locale.ROOT);
    for (int length : GraphSchema.PREFIX_LENGTHS) {
      if (length > lower.length()) {
        break;
      }
      out.add(lower.substring(0, length));
    }
  }

  private static Instant instant(Object millis) {
    return millis == null ? null : Instant.ofEpochMilli((Long) millis);
  }
}
