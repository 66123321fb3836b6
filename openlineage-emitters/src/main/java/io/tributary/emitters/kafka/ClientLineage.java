package io.tributary.emitters.kafka;

import io.micrometer.core.instrument.MeterRegistry;
import io.tributary.emitters.EmitterConfig;
import io.tributary.emitters.EmitterSettings;
import io.tributary.emitters.JobIdentity;
import io.tributary.emitters.SharedRuns;
import io.tributary.emitters.SnapshotSource;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** What both interceptors do when Kafka configures them. */
final class ClientLineage {
  static final String INTEGRATION = "KAFKA";
  static final String JOB_TYPE = "APPLICATION";

  private static final Logger LOG = LoggerFactory.getLogger(ClientLineage.class);

  private ClientLineage() {}

  /**
   * Joins the client's job run; on any configuration error logs it and returns null, so that the
   * client runs on without lineage rather than failing to start.
   */
  static SharedRuns.Lease join(
      Map<String, ?> configs,
      boolean consumer,
      java.util.function.Function<String, ? extends SnapshotSource> traffic) {
    try {
      EmitterConfig config = EmitterConfig.fromProperties(configs);
      String name = config.jobName().orElseGet(() -> defaultName(configs, consumer));
      String namespace = KafkaNaming.namespace(configs.get("bootstrap.servers"));
      JobIdentity job = new JobIdentity(config.namespace(), name, INTEGRATION, JOB_TYPE);
      Object registry = configs.get(EmitterSettings.METER_REGISTRY);
      return SharedRuns.SHARED.join(
          job, config, registry instanceof MeterRegistry r ? r : null, traffic.apply(namespace));
    } catch (RuntimeException e) {
      LOG.error("Kafka client lineage is disabled: {}", e.getMessage(), e);
      return null;
    }
  }

  private static String defaultName(Map<String, ?> configs, boolean consumer) {
    Object group = configs.get("group.id");
    if (consumer && group != null && !group.toString().isBlank()) {
      return group.toString();
    }
    Object client = configs.get("client.id");
    if (client != null && !client.toString().isBlank()) {
      return client.toString();
    }
    return consumer ? "kafka-consumer" : "kafka-producer";
  }
}
