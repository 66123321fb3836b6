package io.tributary.emitters.flink;

import io.tributary.emitters.StreamingRun;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The runs of the Flink jobs submitted from this JVM, by job id. Flink creates one listener where
 * the job is submitted (which sees the lineage graph) and another in the JobManager's execution
 * graph (which sees the status changes): in a local MiniCluster or in application mode both live in
 * this JVM and meet here.
 */
final class FlinkRuns {
  /*
   * Process-wide: Flink instantiates the two listeners separately through the factory, so there is
   * no other channel between them.
   */
  static final FlinkRuns SHARED = new FlinkRuns();

  private final Map<String, StreamingRun> byJob = new ConcurrentHashMap<>();

  /* Completed once a job's run has sent its terminal event and flushed its emitter. */
  private final Map<String, CompletableFuture<Void>> ends = new ConcurrentHashMap<>();

  void put(String jobId, StreamingRun run) {
    ends.computeIfAbsent(jobId, id -> new CompletableFuture<>());
    StreamingRun previous = byJob.put(jobId, run);
    if (previous != null) {
      previous.abort();
    }
  }

  StreamingRun get(String jobId) {
    return byJob.get(jobId);
  }

  StreamingRun remove(String jobId) {
    return byJob.remove(jobId);
  }

  /** The run of the job has ended and its last events are sent. */
  void ended(String jobId) {
    CompletableFuture<Void> end = ends.remove(jobId);
    if (end != null) {
      end.complete(null);
    }
  }

  /** Whether the job's run ended within the timeout; true at once for a job without a run. */
  boolean awaitEnd(String jobId, Duration timeout) throws InterruptedException {
    CompletableFuture<Void> end = ends.get(jobId);
    if (end == null) {
      return true;
    }
    try {
      end.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
      return true;
    } catch (TimeoutException e) {
      return false;
    } catch (ExecutionException e) {
      return true; // never completed exceptionally; ended either way
    }
  }
}
