package io.tributary.emitters.pulsar;

import io.micrometer.core.instrument.MeterRegistry;
import io.tributary.emitters.DatasetTraffic;
import io.tributary.emitters.EmitterConfig;
import io.tributary.emitters.EmitterSettings;
import io.tributary.emitters.JobIdentity;
import io.tributary.emitters.SharedRuns;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** What the client interceptors do when they are created from a client's configuration. */
final class ClientLineage {
  static final String INTEGRATION = "PULSAR";
  static final String JOB_TYPE = "APPLICATION";

  /** Pulsar's own key for the service URL in {@code ClientBuilder.loadConf}. */
  static final String SERVICE_URL = "serviceUrl";

  private static final Logger LOG = LoggerFactory.getLogger(ClientLineage.class);

  private ClientLineage() {}

  /** A client's membership in its job's run and the traffic it counts. */
  record Joined(SharedRuns.Lease lease, DatasetTraffic traffic) {}

  /**
   * Joins the client's job run; on any configuration error logs it and returns null, so that the
   * client runs on without lineage rather than failing to start.
   *
   * @param nameKey the client key whose value names the job when {@code openlineage.job.name} is
   *     absent ({@code subscriptionName}, {@code producerName})
   */
  static Joined join(Map<String, ?> configs, boolean consumer, String nameKey) {
    try {
      EmitterConfig config = EmitterConfig.fromProperties(configs);
      Object url = configs.get(SERVICE_URL);
      String namespace =
          PulsarNaming.namespace(url != null ? url : config.pulsarServiceUrl().orElse(null));
      Object named = configs.get(nameKey);
      String fallback = consumer ? "pulsar-consumer" : "pulsar-producer";
      String name =
          config
              .jobName()
              .orElse(named == null || named.toString().isBlank() ? fallback : named.toString());
      JobIdentity job = new JobIdentity(config.namespace(), name, INTEGRATION, JOB_TYPE);
      Object registry = configs.get(EmitterSettings.METER_REGISTRY);
      DatasetTraffic traffic = new DatasetTraffic(namespace, consumer);
      SharedRuns.Lease lease =
          SharedRuns.SHARED.join(
              job, config, registry instanceof MeterRegistry r ? r : null, traffic);
      return new Joined(lease, traffic);
    } catch (RuntimeException e) {
      LOG.error("Pulsar client lineage is disabled: {}", e.getMessage(), e);
      return null;
    }
  }
}
