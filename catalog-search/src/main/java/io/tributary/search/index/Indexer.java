package io.tributary.search.index;

import io.tributary.catalog.Catalog;
import io.tributary.catalog.ChangeEvent;
import io.tributary.catalog.ChangeFeed;
import io.tributary.catalog.Entity;
import io.tributary.catalog.EntityRef;
import io.tributary.catalog.Guid;
import io.tributary.catalog.SearchQuery;
import io.tributary.catalog.SearchResult;
import io.tributary.catalog.Visibility;
import io.tributary.search.embed.Embedder;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the index current from the change feed, on one background thread: the feed's listener only
 * notes which entities changed (it runs on the committing thread), and this thread re-reads them
 * from the catalog, embeds them and writes them. On start it continues from the sequence of the
 * index's last commit when the feed's window still holds everything after it, else it rebuilds the
 * index from the catalog.
 */
public final class Indexer implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(Indexer.class);
  private static final int BATCH = 256;
  private static final int PAGE = 1000;
  private static final int LAG_SAMPLES = 4096;

  private final Catalog catalog;
  private final SearchIndex index;
  private final EntityReader reader;
  private final Embedder embedder;
  private final String embedderName;
  private final Duration commitInterval;
  private final Clock clock;
  private final ReentrantLock lock = new ReentrantLock();
  private final Condition changed = lock.newCondition();
  private final Condition applied = lock.newCondition();
  private final Map<Guid, Pending> pending = new LinkedHashMap<>();
  // What was last written for each entity, so that a change that leaves the document as it was (a
  // streaming job's RUNNING refresh, every few seconds) costs one catalog read and nothing else.
  // Owned by the indexing thread.
  private final Map<Guid, Written> written = new HashMap<>();
  private final long[] lags = new long[LAG_SAMPLES];
  private int lagCount;
  private long searchableSequence;
  private long embedNanos;
  private long embedded;
  private volatile long unchanged;
  private long skipped;
  // The newest change dropped at the listener (a run, a column lineage entry): searchable as soon
  // as everything before it is, since it changes no document.
  private long dropped;
  private volatile boolean stopped;
  private ChangeFeed.Subscription subscription;
  private Thread thread;

  /**
   * A change waiting to be indexed.
   *
   * @param structural whether what the entity is linked to may have changed (created, a new
   *     relationship): only then are its related entities read again
   */
  private record Pending(long sequence, long timeMillis, boolean structural) {
    Pending merge(Pending later) {
      return new Pending(
          Math.max(sequence, later.sequence),
          Math.min(timeMillis, later.timeMillis),
          structural || later.structural);
    }
  }

  /**
   * The fingerprints of the document last written for an entity: of the entity's own attributes
   * (what an update can change) and of the whole document (what its relationships add).
   */
  private record Written(int own, long document) {}

  private Indexer(
      Catalog catalog,
      SearchIndex index,
      EntityReader reader,
      Embedder embedder,
      String embedderName,
      Duration commitInterval,
      Clock clock) {
    this.catalog = catalog;
    this.index = index;
    this.reader = reader;
    this.embedder = embedder;
    this.embedderName = embedderName;
    this.commitInterval = commitInterval;
    this.clock = clock;
  }

  /**
   * Subscribes to the catalog's feed and starts the indexing thread.
   *
   * @param embedderName stored with each commit: an index written by another embedder is rebuilt
   */
  public static Indexer start(
      Catalog catalog,
      SearchIndex index,
      EntityReader reader,
      Embedder embedder,
      String embedderName,
      Duration commitInterval,
      Clock clock) {
    Objects.requireNonNull(catalog, "catalog");
    Indexer indexer =
        new Indexer(catalog, index, reader, embedder, embedderName, commitInterval, clock);
    indexer.begin();
    return indexer;
  }

  private void begin() {
    ChangeFeed feed = catalog.changes();
    long committed = index.committedSequence();
    boolean resume =
        committed > 0 && embedderName.equals(index.committedEmbedder()) && feed.covers(committed);
    long from;
    if (resume) {
      from = committed;
      searchableSequence = committed;
      LOG.info("search index: {} entities, catching up from feed sequence {}", index.size(), from);
    } else {
      from = feed.lastSequence();
      LOG.info("search index: rebuilding from the catalog");
    }
    subscription = feed.subscribe(from, this::onChange);
    long start = from;
    thread =
        new Thread(
            () -> {
              if (!resume) {
                rebuild(start);
              }
              run();
            },
            "search-indexer");
    thread.setDaemon(true);
    thread.start();
  }

  private void onChange(ChangeEvent event) {
    boolean subjectIndexed =
        EntityKind.indexed(event.subject().key().typeName()) && event.mayChange(OWN_ATTRIBUTES);
    EntityRef target = event.target();
    boolean targetIndexed =
        event.kind() == ChangeEvent.Kind.RELATIONSHIP_CREATED
            && target != null
            && EntityKind.indexed(target.key().typeName());
    if (!subjectIndexed && !targetIndexed) {
      // A run or a column lineage entry, never a document of its own; or an update of what no
      // document holds (the statistics a RUNNING refresh rewrites every few seconds).
      lock.lock();
      try {
        if (event.kind() == ChangeEvent.Kind.ENTITY_UPDATED) {
          skipped++;
        }
        dropped = Math.max(dropped, event.sequence());
        changed.signal();
      } finally {
        lock.unlock();
      }
      return;
    }
    // An update that does not say what it changed may have come with new relationships too (a
    // change another server announced again after taking over its partitions).
    Pending p =
        new Pending(
            event.sequence(),
            event.time().toEpochMilli(),
            event.kind() != ChangeEvent.Kind.ENTITY_UPDATED || event.attributes().isEmpty());
    lock.lock();
    try {
      if (subjectIndexed) {
        pending.merge(event.subject().guid(), p, Pending::merge);
      }
      if (targetIndexed) {
        pending.merge(target.guid(), p, Pending::merge);
      }
      changed.signal();
    } finally {
      lock.unlock();
    }
  }

  /** Reads every entity of the catalog into an emptied index. */
  private void rebuild(long sequence) {
    long t0 = System.nanoTime();
    index.deleteAll();
    int offset = 0;
    int count = 0;
    while (!stopped) {
      SearchResult page =
          catalog.search(
              new SearchQuery(null, null, null, null, Map.of(), PAGE, offset), Visibility.all());
      for (Entity e : page.entities()) {
        if (EntityKind.indexed(e.typeName())) {
          write(reader.read(e), e);
          count++;
        }
      }
      offset += page.entities().size();
      if (page.entities().size() < PAGE) {
        break;
      }
    }
    index.refresh();
    index.commit(sequence, embedderName);
    markSearchable(sequence, List.of());
    LOG.info(
        "search index: rebuilt with {} entities in {} ms",
        count,
        TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0));
  }

  private void run() {
    long lastCommit = System.nanoTime();
    long uncommitted = 0;
    while (!stopped) {
      Map<Guid, Pending> batch = new LinkedHashMap<>();
      long droppedBefore;
      lock.lock();
      try {
        if (pending.isEmpty()) {
          changed.await(Math.max(10, commitInterval.toMillis()), TimeUnit.MILLISECONDS);
        }
        var it = pending.entrySet().iterator();
        while (it.hasNext() && batch.size() < BATCH) {
          var e = it.next();
          batch.put(e.getKey(), e.getValue());
          it.remove();
        }
        droppedBefore = dropped;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      } finally {
        // Held only to take the batch: the change feed's publisher waits on this lock.
        lock.unlock();
      }
      long sequence = 0;
      try {
        for (Map.Entry<Guid, Pending> e : batch.entrySet()) {
          apply(e.getKey(), e.getValue().structural());
          sequence = Math.max(sequence, e.getValue().sequence());
        }
        if (!batch.isEmpty()) {
          index.refresh();
          markSearchable(Math.max(sequence, droppedBefore), new ArrayList<>(batch.values()));
          uncommitted = Math.max(uncommitted, sequence);
        } else if (droppedBefore > searchableSequence()) {
          markSearchable(droppedBefore, List.of());
        }
        if (uncommitted > 0 && System.nanoTime() - lastCommit >= commitInterval.toNanos()) {
          // Under steady load the queue is never empty: commit up to just before its oldest
          // change, so that a restart replays (idempotently) no less than it must.
          long safe = Math.min(uncommitted, oldestPending() - 1);
          index.commit(safe, embedderName);
          uncommitted = safe == uncommitted ? 0 : uncommitted;
          lastCommit = System.nanoTime();
        }
      } catch (RuntimeException e) {
        // The catalog may be closing, or one entity unreadable: keep serving what is indexed.
        LOG.warn("search index: indexing a batch failed: {}", e.toString());
      }
    }
    if (uncommitted > 0) {
      index.commit(uncommitted, embedderName);
    }
  }

  private long oldestPending() {
    lock.lock();
    try {
      long oldest = Long.MAX_VALUE;
      for (Pending p : pending.values()) {
        oldest = Math.min(oldest, p.sequence());
      }
      return oldest;
    } finally {
      lock.unlock();
    }
  }

  private void apply(Guid guid, boolean structural) {
    Optional<Entity> entity = catalog.get(guid, Visibility.all());
    if (entity.isEmpty() || !EntityKind.indexed(entity.get().typeName())) {
      written.remove(guid);
      index.delete(guid);
      return;
    }
    Written last = written.get(guid);
    if (!structural && last != null && last.own() == ownFingerprint(entity.get())) {
      unchanged++;
      return;
    }
    write(reader.read(entity.get()), entity.get());
  }

  private void write(IndexedEntity e, Entity source) {
    Written last = written.get(e.guid());
    long document = documentFingerprint(e);
    written.put(e.guid(), new Written(ownFingerprint(source), document));
    if (last != null && last.document() == document) {
      unchanged++;
      return;
    }
    float[] vector = null;
    // Fields are most of the documents (a topic has dozens) and are embedded as part of their
    // dataset's sentence: embedding them too would multiply the cost for little meaning.
    if (embedder.enabled() && e.kind() != EntityKind.COLUMN) {
      long t0 = System.nanoTime();
      vector = embedder.embed(e.embeddingText());
      long spent = System.nanoTime() - t0;
      lock.lock();
      try {
        embedNanos += spent;
        embedded++;
      } finally {
        lock.unlock();
      }
    }
    index.upsert(e, vector);
  }

  private void markSearchable(long sequence, List<Pending> done) {
    long now = clock.millis();
    lock.lock();
    try {
      searchableSequence = Math.max(searchableSequence, sequence);
      for (Pending p : done) {
        lags[lagCount++ % LAG_SAMPLES] = now - p.timeMillis();
      }
      applied.signalAll();
    } finally {
      lock.unlock();
    }
  }

  /**
   * The attributes of an entity that the document is made of, apart from what its relationships add
   * ({@link EntityReader} reads them). Statistics that a RUNNING refresh rewrites are not among
   * them.
   */
  static final Set<String> OWN_ATTRIBUTES =
      Set.of(
          "name",
          "description",
          "tags",
          "owners",
          "assertionsFailed",
          "datasetQualifiedName",
          ChangeEvent.CLASSIFICATIONS);

  /** A fingerprint of {@link #OWN_ATTRIBUTES} and the entity's identity. */
  private static int ownFingerprint(Entity e) {
    Map<String, Object> a = e.attributes();
    return Objects.hash(
        e.tenant(),
        e.typeName(),
        e.qualifiedName(),
        e.name(),
        a.get("description"),
        a.get("tags"),
        a.get("owners"),
        a.get("assertionsFailed"),
        a.get("datasetQualifiedName"),
        e.classifications());
  }

  /**
   * The document as compared between writes, leaving out its time, which changes with every update.
   * Two hashes in one long, so that a collision would need both to collide.
   */
  private static long documentFingerprint(IndexedEntity e) {
    IndexedEntity timeless =
        new IndexedEntity(
            e.guid(),
            e.tenant(),
            e.typeName(),
            e.kind(),
            e.qualifiedName(),
            e.name(),
            e.description(),
            e.fields(),
            e.tags(),
            e.owners(),
            e.classifications(),
            e.dataset(),
            e.context(),
            e.producers(),
            e.consumers(),
            e.qualityFailures(),
            0);
    return ((long) timeless.hashCode() << 32) ^ (e.embeddingText().hashCode() & 0xffffffffL);
  }

  /**
   * How many changes left their entity's document as it was, and so were neither embedded nor
   * written.
   */
  public long unchangedCount() {
    return unchanged;
  }

  /**
   * How many updates were known from the change itself to leave every document as it was (only
   * attributes no document holds changed), and so were not even read.
   */
  public long skippedCount() {
    lock.lock();
    try {
      return skipped;
    } finally {
      lock.unlock();
    }
  }

  /** How many documents have been embedded since start. */
  public long embeddedCount() {
    lock.lock();
    try {
      return embedded;
    } finally {
      lock.unlock();
    }
  }

  /** The last feed sequence whose change is searchable. */
  public long searchableSequence() {
    lock.lock();
    try {
      return searchableSequence;
    } finally {
      lock.unlock();
    }
  }

  /**
   * Waits until the change of {@code sequence} (and every one before it) is searchable.
   *
   * @return whether it became so within {@code timeout}
   */
  public boolean awaitSearchable(long sequence, Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    lock.lock();
    try {
      while (searchableSequence < sequence || !pending.isEmpty()) {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          return false;
        }
        applied.awaitNanos(left);
      }
      return true;
    } finally {
      lock.unlock();
    }
  }

  /** Forgets the lags recorded so far, so that a measurement starts clean. */
  public void resetLagSamples() {
    lock.lock();
    try {
      lagCount = 0;
    } finally {
      lock.unlock();
    }
  }

  /** Recent lags from commit to searchable, in milliseconds (at most the last 4096). */
  public long[] recentLagsMillis() {
    lock.lock();
    try {
      int n = Math.min(lagCount, LAG_SAMPLES);
      long[] out = new long[n];
      System.arraycopy(lags, 0, out, 0, n);
      return out;
    } finally {
      lock.unlock();
    }
  }

  /** Mean time to embed one entity, in microseconds; 0 before the first. */
  public double meanEmbedMicros() {
    lock.lock();
    try {
      return embedded == 0 ? 0 : embedNanos / 1000.0 / embedded;
    } finally {
      lock.unlock();
    }
  }

  @Override
  public void close() {
    stopped = true;
    if (subscription != null) {
      subscription.close();
    }
    if (thread != null) {
      lock.lock();
      try {
        changed.signalAll();
      } finally {
        lock.unlock();
      }
      try {
        thread.join(TimeUnit.SECONDS.toMillis(30));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
