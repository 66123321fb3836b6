package io.tributary.catalog.janus;

import io.tributary.catalog.EntityKey;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Which vertex holds each entity and which edges exist, remembered by a writer that shares its
 * graph with other processes (Cassandra). Unlike the {@link WriteCache} it holds no state another
 * writer can change, only facts that stay true or become detectably false:
 *
 * <ul>
 *   <li>a vertex id never changes and is never reused: a remembered id names the entity's vertex or
 *       a vertex that is gone (the entity was deleted, perhaps created again under a new id). The
 *       writer reads every remembered vertex before it uses it, which it needs anyway for the
 *       entity's state, and reads a vertex without properties as "not known";
 *   <li>edges are removed only with one of their vertices, so an edge known to exist between two
 *       vertices the batch just read still exists.
 * </ul>
 *
 * So a refresh of a known job skips the key-index lookup of each entity and the edge lookup of each
 * relationship, and reads all its vertices in one parallel round instead of one round trip each.
 * Bounded LRU maps, used by the writer only, under the catalog's write lock. Capacity 0 is off.
 */
final class VertexIds {
  private final int entityCapacity;
  private final int edgeCapacity;
  private final Map<EntityKey, Object> ids;
  private final Map<WriteCache.EdgeKey, Boolean> edges;

  VertexIds(int entityCapacity, int edgeCapacity) {
    this.entityCapacity = entityCapacity;
    this.edgeCapacity = edgeCapacity;
    this.ids =
        new LinkedHashMap<>(16, 0.75f, true) {
          @Override
          protected boolean removeEldestEntry(Map.Entry<EntityKey, Object> eldest) {
            return size() > VertexIds.this.entityCapacity;
          }
        };
    this.edges =
        new LinkedHashMap<>(16, 0.75f, true) {
          @Override
          protected boolean removeEldestEntry(Map.Entry<WriteCache.EdgeKey, Boolean> eldest) {
            return size() > VertexIds.this.edgeCapacity;
          }
        };
  }

  static VertexIds off() {
    return new VertexIds(0, 0);
  }

  boolean enabled() {
    return entityCapacity > 0;
  }

  /** The vertex id last seen for {@code key}, or null: to be confirmed by reading the vertex. */
  Object vertexId(EntityKey key) {
    return enabled() ? ids.get(key) : null;
  }

  /** Whether the edge existed when last seen; true only while both its vertices still exist. */
  boolean edgeExists(WriteCache.EdgeKey key) {
    return edgeCapacity > 0 && edges.get(key) != null;
  }

  /** Records what a transaction committed. */
  void committed(Map<EntityKey, Object> vertexIds, Collection<WriteCache.EdgeKey> existingEdges) {
    if (!enabled()) {
      return;
    }
    ids.putAll(vertexIds);
    if (edgeCapacity > 0) {
      existingEdges.forEach(e -> edges.put(e, Boolean.TRUE));
    }
  }

  /** Forgets ids found stale, or of entities this process deleted. */
  void forget(Collection<EntityKey> keys) {
    keys.forEach(ids::remove);
  }
}
