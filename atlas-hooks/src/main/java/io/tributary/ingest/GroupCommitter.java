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
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Commits mutations from many threads through one writer thread, in batches: whatever is queued
 * when the writer is free (at most {@code maxBatch}) goes into one {@link Catalog#applyAll}
 * transaction. There is no wait to fill a batch, so a lone request is committed at once; batches
 * grow only under load, where they save a transaction per mutation.
 *
 * <p>A future completes only after the transaction holding its mutation has committed. When a batch
 * fails, its mutations are applied again one by one, so that only the bad ones fail.
 */
public final class GroupCommitter implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(GroupCommitter.class);

  /**
   * @param maxBatch most mutations in one transaction
   * @param queueCapacity most mutations waiting; beyond it requests are refused
   * @param retryAfter what a refused caller is told to wait
   * @param shutdownTimeout how long {@link #close} waits for the queue to drain
   */
  public record Settings(
      int maxBatch, int queueCapacity, Duration retryAfter, Duration shutdownTimeout) {
    public Settings {
      if (maxBatch < 1) {
        throw new IllegalArgumentException("maxBatch " + maxBatch + " must be positive");
      }
      if (queueCapacity < 1) {
        throw new IllegalArgumentException("queueCapacity " + queueCapacity + " must be positive");
      }
      Objects.requireNonNull(retryAfter, "retryAfter");
      Objects.requireNonNull(shutdownTimeout, "shutdownTimeout");
    }

    public static Settings defaults() {
      return new Settings(256, 10_000, Duration.ofSeconds(1), Duration.ofSeconds(30));
    }
  }

  private record Pending(Mutation mutation, CompletableFuture<MutationResult> result) {}

  private final Catalog catalog;
  private final Settings settings;
  private final ReentrantLock lock = new ReentrantLock();
  private final Condition notEmpty = lock.newCondition();
  private final ArrayDeque<Pending> queue = new ArrayDeque<>();
  private final Thread writer;
  private final DistributionSummary batchSizes;
  private final Timer commitLatency;
  private final Counter committed;
  private final Counter failures;
  private final Counter rejected;
  private final Counter splitBatches;
  private boolean closed;

  private GroupCommitter(Catalog catalog, Settings settings, MeterRegistry registry) {
    this.catalog = Objects.requireNonNull(catalog, "catalog");
    this.settings = Objects.requireNonNull(settings, "settings");
    this.writer = new Thread(this::run, "tributary-group-committer");
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
   * Stops accepting writes, commits everything already queued and stops the writer. Requests still
   * queued after the shutdown timeout fail with {@link IngestClosedException}.
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
    try {
      writer.join(settings.shutdownTimeout().toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    List<Pending> abandoned = drain(Integer.MAX_VALUE);
    if (!abandoned.isEmpty()) {
      LOG.warn(
          "group committer: {} mutation(s) not committed within the shutdown timeout {}",
          abandoned.size(),
          settings.shutdownTimeout());
      abandoned.forEach(p -> p.result().completeExceptionally(new IngestClosedException()));
    }
  }

  private void run() {
    LOG.info(
        "group committer: started (batches of up to {}, queue capacity {})",
        settings.maxBatch(),
        settings.queueCapacity());
    while (true) {
      List<Pending> batch;
      try {
        batch = take();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
      if (batch.isEmpty()) {
        break;
      }
      try {
        commit(batch);
      } catch (Throwable t) {
        // Last line of defence: a caller must never wait forever for a future.
        LOG.error("group committer: unexpected failure on a batch of {}", batch.size(), t);
        batch.forEach(p -> p.result().completeExceptionally(t));
        if (t instanceof Error error) {
          throw error;
        }
      }
    }
    LOG.info("group committer: stopped");
  }

  /** Waits for work; returns an empty batch once closed and drained. */
  private List<Pending> take() throws InterruptedException {
    lock.lock();
    try {
      while (queue.isEmpty() && !closed) {
        notEmpty.await();
      }
      return drainLocked(settings.maxBatch());
    } finally {
      lock.unlock();
    }
  }

  private List<Pending> drain(int max) {
    lock.lock();
    try {
      return drainLocked(max);
    } finally {
      lock.unlock();
    }
  }

  private List<Pending> drainLocked(int max) {
    List<Pending> batch = new ArrayList<>(Math.min(max, queue.size()));
    while (batch.size() < max && !queue.isEmpty()) {
      batch.add(queue.poll());
    }
    return batch;
  }

  private void commit(List<Pending> batch) {
    List<Mutation> mutations = batch.stream().map(Pending::mutation).toList();
    List<MutationResult> results;
    long start = System.nanoTime();
    try {
      results = catalog.applyAll(mutations);
    } catch (RuntimeException e) {
      if (batch.size() == 1) {
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
    }
    commitLatency.record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
    batchSizes.record(batch.size());
    committed.increment(batch.size());
    for (int i = 0; i < batch.size(); i++) {
      batch.get(i).result().complete(results.get(i));
    }
  }

  private void commitAlone(Pending pending) {
    long start = System.nanoTime();
    try {
      MutationResult result = catalog.applyAll(List.of(pending.mutation())).get(0);
      commitLatency.record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
      batchSizes.record(1);
      committed.increment();
      pending.result().complete(result);
    } catch (RuntimeException e) {
      fail(pending, e);
    }
  }

  private void fail(Pending pending, RuntimeException e) {
    failures.increment();
    if (LOG.isDebugEnabled()) {
      LOG.debug("group committer: mutation '{}' failed", pending.mutation().source(), e);
    }
    pending.result().completeExceptionally(e);
  }
}
