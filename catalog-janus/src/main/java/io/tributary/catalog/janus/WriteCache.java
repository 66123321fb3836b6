package io.tributary.catalog.janus;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tributary.catalog.EntityKey;
import io.tributary.catalog.EntityWrite;
import io.tributary.catalog.Guid;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the writer knows of committed entities and relationships, so that a refresh of a known job
 * reads nothing from the graph: per entity its vertex id and stored state, and which edges exist.
 * Bounded LRU maps, used by the single writer only (under the catalog's write lock), filled only
 * after a commit and emptied of whatever a failed or deleting transaction touched. Valid only while
 * this process is the graph's one writer (BerkeleyJE, in-memory); a cache of capacity 0 is off.
 *
 * <p>An entity's attribute times may be newer here than in the graph ({@link Snapshot#timesDirty}):
 * a refresh that changes no value does not rewrite the vertex just to move its times. Such times
 * are written with the entity's next real change, when it leaves the cache, or at close.
 */
final class WriteCache {
  /**
   * A committed entity as the writer last saw it. The JSON objects are never modified once cached:
   * a writer copies them before it merges.
   *
   * @param times attribute times, without {@code refresh}
   * @param lastWrite the last write applied, when it won on every attribute it carried: a write
   *     equal to it but newer changes no value, only times
   * @param refresh a write whose {@code asOf} {@code times} still lacks for its attributes, or null
   * @param timesDirty whether the vertex lacks the times ({@code refresh} included)
   */
  record Snapshot(
      Object vertexId,
      Guid guid,
      String name,
      ObjectNode attributes,
      ObjectNode times,
      Set<String> classifications,
      EntityWrite lastWrite,
      EntityWrite refresh,
      boolean timesDirty) {

    /** A copy of the times with {@code refresh} applied. */
    ObjectNode currentTimes(AttributeMerge merge) {
      ObjectNode copy = times.deepCopy();
      if (refresh != null) {
        EntityState.confirm(copy, refresh, merge);
      }
      return copy;
    }
  }

  /** An edge known to exist: its label between two vertex ids. */
  record EdgeKey(Object fromId, String label, Object toId) {}

  private final int entityCapacity;
  private final int edgeCapacity;
  private final Map<EntityKey, Snapshot> entities;
  private final Map<EdgeKey, Boolean> edges;

  /** Snapshots with dirty times that left the LRU: written by the next transaction. */
  private final Map<EntityKey, Snapshot> evictedDirty = new LinkedHashMap<>();

  WriteCache(int entityCapacity, int edgeCapacity) {
    this.entityCapacity = entityCapacity;
    this.edgeCapacity = edgeCapacity;
    this.entities =
        new LinkedHashMap<>(16, 0.75f, true) {
          @Override
          protected boolean removeEldestEntry(Map.Entry<EntityKey, Snapshot> eldest) {
            if (size() <= WriteCache.this.entityCapacity) {
              return false;
            }
            if (eldest.getValue().timesDirty()) {
              evictedDirty.put(eldest.getKey(), eldest.getValue());
            }
            return true;
          }
        };
    this.edges =
        new LinkedHashMap<>(16, 0.75f, true) {
          @Override
          protected boolean removeEldestEntry(Map.Entry<EdgeKey, Boolean> eldest) {
            return size() > WriteCache.this.edgeCapacity;
          }
        };
  }

  static WriteCache off() {
    return new WriteCache(0, 0);
  }

  boolean enabled() {
    return entityCapacity > 0;
  }

  /** The committed state of an entity, if known. */
  Snapshot entity(EntityKey key) {
    if (!enabled()) {
      return null;
    }
    Snapshot s = entities.get(key);
    return s != null ? s : evictedDirty.get(key);
  }

  boolean edgeExists(EdgeKey key) {
    return edgeCapacity > 0 && edges.get(key) != null;
  }

  /** Records what a transaction committed. */
  void committed(Map<EntityKey, Snapshot> snapshots, Collection<EdgeKey> existingEdges) {
    if (!enabled()) {
      return;
    }
    snapshots.forEach(
        (key, snapshot) -> {
          evictedDirty.remove(key);
          entities.put(key, snapshot);
        });
    if (edgeCapacity > 0) {
      existingEdges.forEach(e -> edges.put(e, Boolean.TRUE));
    }
  }

  /**
   * Forgets entities whose committed state is unknown (a failed commit) or gone (deleted). Dirty
   * times go too: they only confirmed values the graph holds, so losing them lets a late write win
   * where it would have lost, and nothing else.
   */
  void forget(Collection<EntityKey> keys) {
    for (EntityKey key : keys) {
      entities.remove(key);
      evictedDirty.remove(key);
    }
  }

  /** Evicted snapshots whose times the graph still lacks, oldest first. */
  List<Map.Entry<EntityKey, Snapshot>> evictedDirty() {
    return new ArrayList<>(evictedDirty.entrySet());
  }

  /** Every snapshot whose times the graph lacks: for the final write at close. */
  List<Map.Entry<EntityKey, Snapshot>> allDirty() {
    List<Map.Entry<EntityKey, Snapshot>> out = new ArrayList<>(evictedDirty.entrySet());
    for (Map.Entry<EntityKey, Snapshot> e : entities.entrySet()) {
      if (e.getValue().timesDirty()) {
        out.add(e);
      }
    }
    return out;
  }

  /** After the dirty times of {@code keys} were committed. */
  void timesWritten(Collection<EntityKey> keys) {
    for (EntityKey key : keys) {
      evictedDirty.remove(key);
      Snapshot s = entities.get(key);
      if (s != null && s.timesDirty()) {
        entities.put(
            key,
            new Snapshot(
                s.vertexId(),
                s.guid(),
                s.name(),
                s.attributes(),
                s.times(),
                s.classifications(),
                s.lastWrite(),
                s.refresh(),
                false));
      }
    }
  }
}
