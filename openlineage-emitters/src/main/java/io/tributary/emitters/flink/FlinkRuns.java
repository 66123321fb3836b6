package io.tributary.emitters.flink;

import io.tributary.emitters.StreamingRun;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

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

  void put(String jobId, StreamingRun run) {
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
}
