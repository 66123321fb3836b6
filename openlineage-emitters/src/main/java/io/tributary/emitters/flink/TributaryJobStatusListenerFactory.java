package io.tributary.emitters.flink;

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
}
