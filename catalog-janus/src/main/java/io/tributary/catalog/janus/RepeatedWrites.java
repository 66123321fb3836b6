package io.tributary.catalog.janus;

import io.tributary.catalog.EntityKey;
import io.tributary.catalog.EntityWrite;
import io.tributary.catalog.Guid;
import java.time.Duration;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.LongSupplier;

/**
 * The last write this server applied to an entity, when it won on every attribute, for a graph that
 * other servers also write (Cassandra): a streaming job's refresh repeats most of its entities
 * unchanged (its columns, its job), and such a repeat changes no value, so it need not read the
 * vertex nor write it.
 *
 * <p>Unlike the single writer's {@link WriteCache}, an entry here is a belief about what others may
 * change, so it is trusted only:
 *
 * <ul>
 *   <li>until another server's change to the entity arrives through the change log ({@link
 *       #changedElsewhere}, fed by {@code ChangeFeed#onRemote}); a change that arrives while a
 *       batch is written also keeps that batch from recording the entity;
 *   <li>for at most {@link #trust} after the server last read and wrote the entity, whatever the
 *       log says, because the log may lose changes (a server killed between commit and send, Kafka
 *       away too long): after that the next refresh reads the entity again.
 * </ul>
 *
 * What a skipped repeat gives up: its attribute times, which only confirm values the graph holds.
 * Until the entity is read again (within {@link #trust}, or as soon as another server changes it),
 * a write another server applies with an older time than the repeat, but newer than this server's
 * last read, may win where it would have lost; the next read of the entity here writes the newer
 * times and values back. Bounded LRU; used by the writer under the catalog's write lock and by the
 * change log's thread, hence synchronised. Capacity 0 is off.
 */
final class RepeatedWrites {
  /**
   * What the graph holds for an entity after this server wrote {@code lastWrite}: the write's
   * values for all its attributes, and times no older than its {@code asOf}.
   */
  record Entry(
      Object vertexId,
      Guid guid,
      String name,
      Set<String> classifications,
      EntityWrite lastWrite,
      long trustedUntil) {}

  private final int capacity;
  private final Duration trust;
  private final LongSupplier nanoTime;
  private final Map<EntityKey, Entry> entries;

  /** Keys another server changed since the current batch started. */
  private final Set<EntityKey> changedDuringBatch = new HashSet<>();

  private boolean inBatch;

  RepeatedWrites(int capacity, Duration trust, LongSupplier nanoTime) {
    this.capacity = capacity;
    this.trust = Objects.requireNonNull(trust, "trust");
    this.nanoTime = Objects.requireNonNull(nanoTime, "nanoTime");
    this.entries =
        new LinkedHashMap<>(16, 0.75f, true) {
          @Override
          protected boolean removeEldestEntry(Map.Entry<EntityKey, Entry> eldest) {
            return size() > RepeatedWrites.this.capacity;
          }
        };
  }

  RepeatedWrites(int capacity, Duration trust) {
    this(capacity, trust, System::nanoTime);
  }

  static RepeatedWrites off() {
    return new RepeatedWrites(0, Duration.ZERO);
  }

  boolean enabled() {
    return capacity > 0;
  }

  /** The entry of {@code key} while it is trusted, else null. */
  synchronized Entry trusted(EntityKey key) {
    if (!enabled()) {
      return null;
    }
    Entry e = entries.get(key);
    if (e != null && nanoTime.getAsLong() - e.trustedUntil() > 0) {
      entries.remove(key);
      return null;
    }
    return e;
  }

  /** An entry for what a batch just read and wrote, trusted from now on. */
  Entry entry(Object vertexId, Guid guid, String name, Set<String> classes, EntityWrite last) {
    return new Entry(vertexId, guid, name, classes, last, nanoTime.getAsLong() + trust.toNanos());
  }

  /** A batch starts: changes from elsewhere are noted until it has committed. */
  synchronized void batchStarted() {
    changedDuringBatch.clear();
    inBatch = enabled();
  }

  /** The batch failed: nothing of it is recorded. */
  synchronized void batchFailed() {
    changedDuringBatch.clear();
    inBatch = false;
  }

  /**
   * Records what a batch committed, except entities another server changed meanwhile: this server's
   * read of them may predate that change.
   */
  synchronized void committed(Map<EntityKey, Entry> written) {
    if (!enabled()) {
      return;
    }
    written.forEach(
        (key, entry) -> {
          if (!changedDuringBatch.contains(key)) {
            entries.put(key, entry);
          }
        });
    changedDuringBatch.clear();
    inBatch = false;
  }

  /** Another server changed, created or deleted these entities. */
  synchronized void changedElsewhere(List<EntityKey> keys) {
    if (!enabled()) {
      return;
    }
    for (EntityKey key : keys) {
      entries.remove(key);
      if (inBatch) {
        changedDuringBatch.add(key);
      }
    }
  }

  /** Entities this server deleted or changed outside a batch, or whose commit failed. */
  synchronized void forget(Collection<EntityKey> keys) {
    keys.forEach(entries::remove);
  }
}
