package io.tributary.emitters.flink;

import java.time.Duration;
import java.util.Objects;
import org.apache.flink.api.common.JobID;
import org.apache.flink.core.execution.JobStatusChangedListener;
import org.apache.flink.core.execution.JobStatusChangedListenerFactory;

/**
 * Flink's entry point: {@code execution.job-status-changed-listeners:
 * io.tributary.emitters.flink.TributaryJobStatusListenerFactory}.
 */
public final class TributaryJobStatusListenerFactory implements JobStatusChangedListenerFactory {
  @Override
  public JobStatusChangedListener createListener(Context context) {
    return new FlinkLineageListener(context.getConfiguration().toMap(), FlinkRuns.SHARED);
  }

  /**
   * Waits until the run of a job submitted from this JVM has sent its terminal event (COMPLETE,
   * FAIL or ABORT) and flushed its emitter. The listener sends it on a thread of its own after the
   * JobManager reports the job's end, so an application that stops its lineage endpoint after its
   * job (a catalog in the same JVM, a test) calls this between the two.
   *
   * @return whether the run ended within the timeout; true at once for a job this JVM has no run of
   */
  public static boolean awaitRunEnd(JobID job, Duration timeout) throws InterruptedException {
    Objects.requireNonNull(job, "job");
    Objects.requireNonNull(timeout, "timeout");
    return FlinkRuns.SHARED.awaitEnd(job.toHexString(), timeout);
  }
}
