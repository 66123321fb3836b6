package io.tributary.emitters.streams;

import io.micrometer.core.instrument.MeterRegistry;
import io.tributary.emitters.EmitterConfig;
import io.tributary.emitters.JobIdentity;
import io.tributary.emitters.StreamingRun;
import io.tributary.emitters.kafka.KafkaNaming;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One call instruments a Kafka Streams application, before {@code streams.start()}:
 *
 * <pre>
 * StreamsLineage lineage = TributaryStreams.instrument(streams, topology, props);
 * streams.start();
 * </pre>
 *
 * It installs the application's state listener (pass your own to keep it). Configuration keys are
 * read from the same properties (see docs/emitters.md); the job is named after {@code
 * application.id} unless {@code openlineage.job.name} says otherwise.
 */
public final class TributaryStreams {
  static final String INTEGRATION = "KAFKA_STREAMS";
  static final String JOB_TYPE = "APPLICATION";
  private static final Logger LOG = LoggerFactory.getLogger(TributaryStreams.class);

  private TributaryStreams() {}

  public static StreamsLineage instrument(
      KafkaStreams streams, Topology topology, Properties props) {
    return instrument(streams, topology, props, null, null);
  }

  /**
   * Instruments with a meter registry for the emitter's meters and the application's own state
   * listener, which is called after the lineage's (either may be null).
   */
  public static StreamsLineage instrument(
      KafkaStreams streams,
      Topology topology,
      Properties props,
      MeterRegistry registry,
      KafkaStreams.StateListener listener) {
    Objects.requireNonNull(streams, "streams");
    Objects.requireNonNull(topology, "topology");
    Objects.requireNonNull(props, "props");
    String applicationId = String.valueOf(props.get(StreamsConfig.APPLICATION_ID_CONFIG));
    StreamsLineage lineage;
    try {
      Map<String, Object> settings = new java.util.HashMap<>();
      props.forEach((k, v) -> settings.put(String.valueOf(k), v));
      EmitterConfig config = EmitterConfig.fromProperties(settings);
      String namespace = KafkaNaming.namespace(props.get(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG));
      JobIdentity job =
          new JobIdentity(
              config.namespace(), config.jobName().orElse(applicationId), INTEGRATION, JOB_TYPE);
      StreamingRun run = StreamingRun.create(job, config, registry);
      lineage =
          new StreamsLineage(
              applicationId,
              run,
              new TopologySnapshot(streams, topology, applicationId, namespace),
              listener);
    } catch (RuntimeException e) {
      LOG.error("Kafka Streams lineage for '{}' is disabled: {}", applicationId, e.getMessage(), e);
      lineage = new StreamsLineage(applicationId, null, null, listener);
    }
    streams.setStateListener(lineage);
    return lineage;
  }
}
