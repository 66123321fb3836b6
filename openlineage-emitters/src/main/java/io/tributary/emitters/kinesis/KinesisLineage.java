package io.tributary.emitters.kinesis;

import io.micrometer.core.instrument.MeterRegistry;
import io.tributary.emitters.EmitterConfig;
import io.tributary.emitters.EmitterSettings;
import io.tributary.emitters.JobIdentity;
import io.tributary.emitters.SharedRuns;
import io.tributary.emitters.Snapshot;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A Kinesis client's or consumer's membership in its job's run, and what it counts. */
final class KinesisLineage implements AutoCloseable {
  static final String INTEGRATION = "KINESIS";
  static final String JOB_TYPE = "APPLICATION";

  private static final Logger LOG = LoggerFactory.getLogger(KinesisLineage.class);

  final StreamTraffic inputs = new StreamTraffic(true);
  final StreamTraffic outputs = new StreamTraffic(false);
  final StreamNames streams;
  private final SharedRuns.Lease lease;

  private KinesisLineage(EmitterConfig config, String defaultName, MeterRegistry registry) {
    this.streams = new StreamNames(config.awsAccount().orElse(null));
    JobIdentity job =
        new JobIdentity(
            config.namespace(), config.jobName().orElse(defaultName), INTEGRATION, JOB_TYPE);
    this.lease = SharedRuns.SHARED.join(job, config, registry, Snapshot.sourceOf(inputs, outputs));
  }

  /**
   * Joins the job's run; on a configuration error logs it and returns null, so that the client runs
   * on without lineage.
   */
  static KinesisLineage join(Map<String, ?> configs, String defaultName) {
    try {
      Object registry = configs.get(EmitterSettings.METER_REGISTRY);
      return new KinesisLineage(
          EmitterConfig.fromProperties(configs),
          defaultName,
          registry instanceof MeterRegistry r ? r : null);
    } catch (RuntimeException e) {
      LOG.error("Kinesis lineage is disabled: {}", e.getMessage(), e);
      return null;
    }
  }

  @Override
  public void close() {
    lease.close();
  }
}
