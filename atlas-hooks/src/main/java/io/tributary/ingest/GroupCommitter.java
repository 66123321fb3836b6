package io.tributary.ingest;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.tributary.catalog.Catalog;
import io.tributary.catalog.Mutation;
import io.tributary.catalog.MutationResult;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Commits mutations from many threads through one writer thread, in batches: whatever is queued
 * when the writer is free (at most {@code maxBatch} mutations and {@code chunkWrites} writes) goes
 * into one {@link Catalog#applyAll} transaction. There is no wait to fill a batch, so a lone
 * request is committed at once; batches grow only under load, where they save a transaction per
 * mutation.
 *
 * <p>A future completes only after the transaction holding its mutation has committed. When a batch
 * fails, its mutations are applied again one by one, so that only the bad ones fail.
 *
 * <p>A mutation of more than {@code chunkWrites} writes (an event naming thousands of datasets) is
 * checked with {@link Catalog#validate}, then committed in chunks of at most that many writes,
 * sized to take about {@link #CHUNK_TIME} each, one chunk between two batches of the other
 * mutations: writers posting small events meanwhile wait for one chunk, not for the whole. Such a
 * mutation is not atomic: when a chunk fails, the chunks before it stay committed (writes are
 * idempotent, so a retry completes it). It may commit after mutations queued behind it, which
 * newest-wins attribute times make harmless.
 *
 * <p>Futures complete on two acknowledgement threads, so that what callers chain on them (writing
 * an HTTP response) never holds up the writer.
 *
 * <p>{@link #close} returns within the shutdown timeout whatever the writer is doing: near the end
 * of it the writer is asked to give up (the catalog polls the cancellation it is given), its
 * transaction rolls back, and every mutation not committed by then fails with {@link
 * IngestClosedException}. What was acknowledged is committed. The writer is a daemon thread: it
 * never keeps the JVM alive.
 */
public final class GroupCommitter implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(GroupCommitter.class);

  /**
   * @param maxBatch most mutations in one transaction
   * @param queueCapacity most mutations waiting; beyond it requests are refused
   * @param retryAfter what a refused caller is told to wait
   * @param shutdownTimeout how long {@link #close} may take, draining the queue included
   * @param chunkWrites most entity and relationship writes in one transaction: a batch stops
   *     growing there, and a larger mutation is committed in chunks of at most this many
   */
  public record Settings(
      int maxBatch,
      int queueCapacity,
      Duration retryAfter,
      Duration shutdownTimeout,
      int chunkWrites) {
    /** Bounds a batch of new entities to about a second of commit on a two-core machine. */
    public static final int DEFAULT_CHUNK_WRITES = 2_000;

    public Settings {
      if (maxBatch < 1) {
        throw new IllegalArgumentException("maxBatch " + maxBatch + " must be positive");
      }
      if (queueCapacity < 1) {
        throw new IllegalArgumentException("queueCapacity " + queueCapacity + " must be positive");
      }
      Objects.requireNonNull(retryAfter, "retryAfter");
      Objects.requireNonNull(shutdownTimeout, "shutdownTimeout");
      if (chunkWrites < 1) {
        throw new IllegalArgumentException("chunkWrites " + chunkWrites + " must be positive");
      }
    }

    public Settings(
        int maxBatch, int queueCapacity, Duration retryAfter, Duration shutdownTimeout) {
      this(maxBatch, queueCapacity, retryAfter, shutdownTimeout, DEFAULT_CHUNK_WRITES);
    }

    /** The declared defaults of {@code ingest.batch.max} and {@code ingest.queue.capacity}. */
    public static Settings defaults() {
      return new Settings(
          IngestSettings.BATCH_MAX.defaultValue(),
          IngestSettings.QUEUE_CAPACITY.defaultValue(),
          Duration.ofSeconds(1),
          Duration.ofSeconds(30));
    }

    public Settings withChunkWrites(int writes) {
      return new Settings(maxBatch, queueCapacity, retryAfter, shutdownTimeout, writes);
    }
  }

  private record Pending(Mutation mutation, CompletableFuture<MutationResult> result) {}

  /** A mutation above {@code chunkWrites}, committed a chunk at a time. */
  private static final class Chunked {
    final Pending pending;
    final MutationChunks chunks;
    boolean validated;

    /** Writes in the next chunk: adapted so that a chunk takes about {@link #CHUNK_TIME}. */
    int size;

    Chunked(Pending pending, int size) {
      this.pending = pending;
      this.chunks = new MutationChunks(pending.mutation());
      this.size = size;
    }
  }

  /**
   * How long one chunk of a large mutation should hold the writer: what small writes posted
   * meanwhile wait at most, beyond their own commit.
   */
  static final Duration CHUNK_TIME = Duration.ofMillis(25);

  /** The fewest writes in a chunk, however slow the machine: a chunk must make progress. */
  private static final int MIN_CHUNK = 20;

  /** What the writer commits next: a batch of small mutations, a chunk of a large one, or both. */
  private record Work(List<Pending> batch, Chunked chunked) {}

  private final Catalog catalog;
  private final Settings settings;
  private final ReentrantLock lock = new ReentrantLock();
  private final Condition notEmpty = lock.newCondition();
  private final ArrayDeque<Pending> queue = new ArrayDeque<>();

  /** Large mutations taken from the queue, oldest first; guarded by {@link #lock}. */
  private final ArrayDeque<Chunked> large = new ArrayDeque<>();

  /** What the writer is committing now: failed by {@link #close} if the writer outlives it. */
  private volatile List<Pending> inFlight = List.of();

  /** Set near the end of the shutdown timeout: the writer rolls back and stops. */
  private volatile boolean aborting;

  private final Thread writer;

  /**
   * Completes the futures of committed mutations. What callers chain on them (an HTTP response
   * written, a Kafka offset noted) then runs here, not on the one writer thread.
   */
  private final ExecutorService acks;

  private final DistributionSummary batchSizes;
  private final Timer commitLatency;
  private final Counter committed;
  private final Counter failures;
  private final Counter rejected;
  private final Counter splitBatches;
  private final Counter chunks;
  private boolean closed;

  private GroupCommitter(Catalog catalog, Settings settings, MeterRegistry registry) {
    this.catalog = Objects.requireNonNull(catalog, "catalog");
    this.settings = Objects.requireNonNull(settings, "settings");
    this.writer = new Thread(this::run, "tributary-group-committer");
    // Committed work is acknowledged work; nothing the writer holds justifies keeping a JVM alive.
    this.writer.setDaemon(true);
    AtomicInteger ackThreads = new AtomicInteger();
    this.acks =
        Executors.newFixedThreadPool(
            2,
            r -> {
              Thread t = new Thread(r, "tributary-ingest-ack-" + ackThreads.incrementAndGet());
              t.setDaemon(true);
              return t;
            });
    this.batchSizes =
        DistributionSummary.builder("tributary.ingest.batch.size")
            .description("Mutations committed per catalog transaction")
            .publishPercentileHistogram()
            .register(registry);
    this.commitLatency =
        Timer.builder("tributary.ingest.commit.latency")
            .description("Time of one catalog transaction of the group committer")
            .publishPercentileHistogram()
            .register(registry);
    this.committed =
        Counter.builder("tributary.ingest.mutations.committed")
            .description("Mutations committed")
            .register(registry);
    this.failures =
        Counter.builder("tributary.ingest.mutations.failed")
            .description("Mutations the catalog refused")
            .register(registry);
    this.rejected =
        Counter.builder("tributary.ingest.mutations.rejected")
            .description("Mutations refused because the queue was full or closed")
            .register(registry);
    this.splitBatches =
        Counter.builder("tributary.ingest.batches.split")
            .description("Failed batches re-applied one mutation at a time")
            .register(registry);
    this.chunks =
        Counter.builder("tributary.ingest.chunks")
            .description("Chunks of large mutations committed in their own transaction")
            .register(registry);
    Gauge.builder("tributary.ingest.queue.depth", this, GroupCommitter::queueDepth)
        .description("Mutations waiting for the writer")
        .register(registry);
  }

  /** Starts the writer thread. */
  public static GroupCommitter start(Catalog catalog, Settings settings, MeterRegistry registry) {
    GroupCommitter committer = new GroupCommitter(catalog, settings, registry);
    committer.writer.start();
    return committer;
  }

  /**
   * Queues one mutation.
   *
   * @throws IngestQueueFullException when the queue has no room (nothing was queued)
   * @throws IngestClosedException after {@link #close} began
   */
  public CompletableFuture<MutationResult> submit(Mutation mutation) {
    return submitAll(List.of(mutation)).get(0);
  }

  /**
   * Queues several mutations, all or none: when the queue lacks room for all of them, none is
   * queued. Each mutation still commits or fails on its own.
   */
  public List<CompletableFuture<MutationResult>> submitAll(List<Mutation> mutations) {
    List<Pending> pending = new ArrayList<>(mutations.size());
    for (Mutation m : mutations) {
      pending.add(new Pending(Objects.requireNonNull(m, "mutation"), new CompletableFuture<>()));
    }
    lock.lock();
    try {
      if (closed) {
        rejected.increment(pending.size());
        throw new IngestClosedException();
      }
      if (queue.size() + pending.size() > settings.queueCapacity()) {
        rejected.increment(pending.size());
        throw new IngestQueueFullException(
            pending.size(), settings.queueCapacity(), settings.retryAfter());
      }
      queue.addAll(pending);
      notEmpty.signal();
    } finally {
      lock.unlock();
    }
    return pending.stream().map(Pending::result).toList();
  }

  public int queueDepth() {
    lock.lock();
    try {
      return queue.size();
    } finally {
      lock.unlock();
    }
  }

  public Settings settings() {
    return settings;
  }

  /**
   * Stops accepting writes, commits what is already queued and stops the writer, all within the
   * shutdown timeout. Near its end the writer is asked to give up; every mutation not committed by
   * then fails with {@link IngestClosedException}.
   */
  @Override
  public void close() {
    lock.lock();
    try {
      if (closed) {
        return;
      }
      closed = true;
      notEmpty.signalAll();
    } finally {
      lock.unlock();
    }
    long timeout = settings.shutdownTimeout().toMillis();
    long deadline = System.nanoTime() + settings.shutdownTimeout().toNanos();
    // Time kept for the writer to roll back its transaction once asked to give up.
    long grace = Math.min(timeout / 4, 2_000);
    boolean interrupted = false;
    try {
      writer.join(Math.max(1, timeout - grace));
      if (writer.isAlive()) {
        aborting = true;
        writer.join(Math.max(1, grace));
      }
    } catch (InterruptedException e) {
      interrupted = true;
      aborting = true;
    }
    List<Pending> abandoned = new ArrayList<>();
    lock.lock();
    try {
      large.forEach(c -> abandoned.add(c.pending));
      large.clear();
      abandoned.addAll(queue);
      queue.clear();
    } finally {
      lock.unlock();
    }
    if (writer.isAlive()) {
      abandoned.addAll(inFlight);
      LOG.warn(
          "group committer: the writer did not stop within the shutdown timeout {}",
          settings.shutdownTimeout());
    }
    abandoned.removeIf(p -> p.result().isDone());
    if (!abandoned.isEmpty()) {
      LOG.warn(
          "group committer: {} mutation(s) not committed within the shutdown timeout {}",
          abandoned.size(),
          settings.shutdownTimeout());
      abandoned.forEach(this::failClosed);
    }
    acks.shutdown();
    try {
      long left = deadline - System.nanoTime();
      if (!interrupted && !acks.awaitTermination(Math.max(left, 1), TimeUnit.NANOSECONDS)) {
        LOG.warn("group committer: acknowledgements still running at the shutdown timeout");
      }
    } catch (InterruptedException e) {
      interrupted = true;
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
  }

  private void run() {
    LOG.info(
        "group committer: started (batches of up to {} mutations and {} writes, queue capacity {})",
        settings.maxBatch(),
        settings.chunkWrites(),
        settings.queueCapacity());
    while (true) {
      Work work;
      try {
        work = take();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
      if (work == null) {
        break;
      }
      List<Pending> current = new ArrayList<>(work.batch());
      if (work.chunked() != null) {
        current.add(work.chunked().pending);
      }
      try {
        if (!work.batch().isEmpty()) {
          commit(work.batch());
        }
        if (work.chunked() != null) {
          commitChunk(work.chunked());
        }
      } catch (Throwable t) {
        // Last line of defence: a caller must never wait forever for a future.
        LOG.error("group committer: unexpected failure on a batch of {}", current.size(), t);
        current.forEach(p -> p.result().completeExceptionally(t));
        if (t instanceof Error error) {
          throw error;
        }
      }
    }
    LOG.info("group committer: stopped");
  }

  /** Waits for work; returns null once closed and drained, or when asked to give up. */
  private Work take() throws InterruptedException {
    lock.lock();
    try {
      while (queue.isEmpty() && large.isEmpty() && !closed) {
        notEmpty.await();
      }
      if (aborting) {
        return null;
      }
      List<Pending> batch = drainLocked(settings.maxBatch(), settings.chunkWrites());
      Chunked chunked = large.peekFirst();
      return batch.isEmpty() && chunked == null ? null : new Work(batch, chunked);
    } finally {
      lock.unlock();
    }
  }

  /**
   * Takes a batch of at most {@code max} mutations and {@code maxWrites} writes (a lone mutation
   * may have more); mutations above {@code chunkWrites} go to the large ones instead.
   */
  private List<Pending> drainLocked(int max, int maxWrites) {
    List<Pending> batch = new ArrayList<>(Math.min(max, queue.size()));
    long writes = 0;
    while (batch.size() < max && !queue.isEmpty()) {
      Pending next = queue.peekFirst();
      int w = MutationChunks.writes(next.mutation());
      if (w > settings.chunkWrites()) {
        // Small at first: how long a chunk takes is known only once one has committed.
        large.addLast(new Chunked(queue.pollFirst(), Math.min(settings.chunkWrites(), MIN_CHUNK)));
        continue;
      }
      if (!batch.isEmpty() && writes + w > maxWrites) {
        break;
      }
      batch.add(queue.pollFirst());
      writes += w;
    }
    return batch;
  }

  private void commit(List<Pending> batch) {
    List<Mutation> mutations = batch.stream().map(Pending::mutation).toList();
    List<MutationResult> results;
    long start = System.nanoTime();
    inFlight = batch;
    try {
      results = catalog.applyAll(mutations, () -> aborting);
    } catch (RuntimeException e) {
      if (aborting) {
        batch.forEach(this::failClosed);
      } else if (batch.size() == 1) {
        fail(batch.get(0), e);
      } else {
        LOG.warn(
            "group committer: a batch of {} failed ({}); applying its mutations one by one",
            batch.size(),
            e.toString());
        splitBatches.increment();
        batch.forEach(this::commitAlone);
      }
      return;
    } finally {
      inFlight = List.of();
    }
    commitLatency.record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
    batchSizes.record(batch.size());
    committed.increment(batch.size());
    acknowledge(
        () -> {
          for (int i = 0; i < batch.size(); i++) {
            batch.get(i).result().complete(results.get(i));
          }
        });
  }

  private void commitAlone(Pending pending) {
    if (aborting) {
      failClosed(pending);
      return;
    }
    long start = System.nanoTime();
    inFlight = List.of(pending);
    try {
      MutationResult result = catalog.applyAll(List.of(pending.mutation()), () -> aborting).get(0);
      commitLatency.record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
      batchSizes.record(1);
      committed.increment();
      acknowledge(() -> pending.result().complete(result));
    } catch (RuntimeException e) {
      if (aborting) {
        failClosed(pending);
      } else {
        fail(pending, e);
      }
    } finally {
      inFlight = List.of();
    }
  }

  /**
   * Commits the next chunk of a large mutation; completes it after its last chunk. Each chunk's
   * size follows the time the last one took, so that chunks take about {@link #CHUNK_TIME} however
   * loaded the machine is.
   */
  private void commitChunk(Chunked c) {
    Pending pending = c.pending;
    if (!c.validated) {
      try {
        catalog.validate(pending.mutation());
      } catch (RuntimeException e) {
        done(c);
        fail(pending, e);
        return;
      }
      c.validated = true;
    }
    Mutation chunk = c.chunks.next(c.size);
    long start = System.nanoTime();
    inFlight = List.of(pending);
    try {
      c.chunks.committed(catalog.applyAll(List.of(chunk), () -> aborting).get(0));
    } catch (RuntimeException e) {
      done(c);
      if (aborting) {
        failClosed(pending);
      } else {
        LOG.warn(
            "group committer: chunk {} of '{}' failed; the chunks before it stay committed",
            c.chunks.chunks(),
            pending.mutation().source());
        fail(pending, e);
      }
      return;
    } finally {
      inFlight = List.of();
    }
    long elapsed = System.nanoTime() - start;
    commitLatency.record(elapsed, TimeUnit.NANOSECONDS);
    chunks.increment();
    double scale = (double) CHUNK_TIME.toNanos() / Math.max(elapsed, 1);
    c.size =
        (int) Math.min(settings.chunkWrites(), Math.max(MIN_CHUNK, c.size * Math.min(2.0, scale)));
    if (!c.chunks.hasNext()) {
      done(c);
      batchSizes.record(1);
      committed.increment();
      MutationResult result = c.chunks.result();
      acknowledge(() -> pending.result().complete(result));
    }
  }

  private void done(Chunked c) {
    lock.lock();
    try {
      large.remove(c);
    } finally {
      lock.unlock();
    }
  }

  private void acknowledge(Runnable completions) {
    try {
      acks.execute(completions);
    } catch (RejectedExecutionException e) {
      // Closed while this writer outlived the shutdown timeout: complete here.
      completions.run();
    }
  }

  private void failClosed(Pending pending) {
    pending.result().completeExceptionally(new IngestClosedException());
  }

  private void fail(Pending pending, RuntimeException e) {
    failures.increment();
    if (LOG.isDebugEnabled()) {
      LOG.debug("group committer: mutation '{}' failed", pending.mutation().source(), e);
    }
    pending.result().completeExceptionally(e);
  }
}
