package io.tributary.benchmarks.catalog;

import io.tributary.catalog.Mutation;
import io.tributary.ingest.GroupCommitter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;

/** Mutations committed through a group committer by several submitting threads. */
public final class CommitLoad {
  private CommitLoad() {}

  /**
   * Commits every mutation, each first passed through {@code prepare} (inside the timing), by
   * {@code threads} threads that each take the next one and wait for its commit; the mutations
   * committed a second.
   */
  public static double rate(
      GroupCommitter committer,
      List<Mutation> mutations,
      int threads,
      UnaryOperator<Mutation> prepare)
      throws Exception {
    AtomicInteger next = new AtomicInteger();
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    long start = System.nanoTime();
    List<Future<?>> done = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      done.add(
          pool.submit(
              () -> {
                for (int i = next.getAndIncrement();
                    i < mutations.size();
                    i = next.getAndIncrement()) {
                  committer.submit(prepare.apply(mutations.get(i))).join();
                }
                return null;
              }));
    }
    for (Future<?> f : done) {
      f.get();
    }
    pool.shutdown();
    return mutations.size() / ((System.nanoTime() - start) / 1e9);
  }
}
