package io.tributary.emitters.flink;

import io.tributary.emitters.EmitterConfig;
import io.tributary.emitters.EmitterException;
import io.tributary.emitters.JobIdentity;
import io.tributary.emitters.StreamingRun;
import java.util.Map;
import java.util.Set;
import org.apache.flink.core.execution.JobExecutionStatusEvent;
import org.apache.flink.core.execution.JobStatusChangedEvent;
import org.apache.flink.core.execution.JobStatusChangedListener;
import org.apache.flink.streaming.runtime.execution.JobCreatedEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns Flink's job status events into a streaming run: the {@code JobCreatedEvent} (where the job
 * is submitted) starts it with the job's lineage graph; the JobManager's status changes end it
 * (FINISHED: COMPLETE, FAILED: FAIL, CANCELED: ABORT).
 */
final class FlinkLineageListener implements JobStatusChangedListener {
  static final String INTEGRATION = "FLINK";
  static final String JOB_TYPE = "JOB";
  private static final Logger LOG = LoggerFactory.getLogger(FlinkLineageListener.class);
  private static final Set<String> SAME_JVM_TARGETS = Set.of("local", "embedded");

  private final Map<String, String> settings;
  private final FlinkRuns runs;

  FlinkLineageListener(Map<String, String> settings, FlinkRuns runs) {
    this.settings = Map.copyOf(settings);
    this.runs = runs;
  }

  @Override
  public void onEvent(JobStatusChangedEvent event) {
    try {
      if (event instanceof JobCreatedEvent created) {
        onCreated(created);
      } else if (event instanceof JobExecutionStatusEvent status) {
        onStatus(status);
      }
    } catch (RuntimeException | LinkageError e) {
      // Never into Flink: a lineage problem must not touch the job.
      LOG.warn(
          "[lineage {}] event {} not handled",
          event.jobName(),
          event.getClass().getSimpleName(),
          e);
    }
  }

  private void onCreated(JobCreatedEvent event) {
    EmitterConfig config = EmitterConfig.fromProperties(settings);
    String target = settings.getOrDefault("execution.target", "local");
    if (!SAME_JVM_TARGETS.contains(target)) {
      // The JobManager reports the end in another process: this one may exit while the job runs.
      config = config.withoutJvmExitAbort();
    }
    JobIdentity job =
        new JobIdentity(
            config.namespace(), config.jobName().orElse(event.jobName()), INTEGRATION, JOB_TYPE);
    String jobId = event.jobId().toHexString();
    StreamingRun run = StreamingRun.create(job, config, null);
    run.attach(
        LineageGraphSnapshot.of(event.lineageGraph(), new CheckpointStats(restUrl(config), jobId)));
    runs.put(jobId, run);
    run.start();
  }

  private String restUrl(EmitterConfig config) {
    return config
        .flinkRestUrl()
        .orElseGet(
            () -> {
              String port = settings.get("rest.port");
              if (port == null) {
                return null;
              }
              return "http://" + settings.getOrDefault("rest.address", "localhost") + ":" + port;
            });
  }

  private void onStatus(JobExecutionStatusEvent event) {
    String jobId = event.jobId().toHexString();
    switch (event.newStatus()) {
      case FINISHED -> end(jobId, run -> run.complete());
      case CANCELED -> end(jobId, StreamingRun::abort);
      case FAILED ->
          end(
              jobId,
              run ->
                  run.fail(
                      event.exception() != null
                          ? event.exception()
                          : new EmitterException("Flink job '" + event.jobName() + "' failed")));
      default -> {
        // RUNNING, RESTARTING, FAILING, ...: the run goes on.
      }
    }
  }

  private void end(String jobId, java.util.function.Consumer<StreamingRun> ending) {
    StreamingRun run = runs.remove(jobId);
    if (run == null) {
      LOG.debug("[lineage] job {} ended but was not started in this JVM", jobId);
      return;
    }
    // The JobManager's main thread calls us: the terminal event and the final flush (bounded by
    // openlineage.close.timeout.ms) happen on a thread of ours, which the JVM waits for and
    // TributaryJobStatusListenerFactory.awaitRunEnd reports the end of.
    Thread finisher =
        new Thread(
            () -> {
              try {
                ending.accept(run);
              } finally {
                runs.ended(jobId);
              }
            },
            "tributary-lineage-end-" + jobId);
    finisher.setDaemon(false);
    finisher.start();
  }
}
