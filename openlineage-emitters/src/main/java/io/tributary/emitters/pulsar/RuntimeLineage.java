package io.tributary.emitters.pulsar;

import io.micrometer.core.instrument.Metrics;
import io.tributary.emitters.DatasetTraffic;
import io.tributary.emitters.EmitterConfig;
import io.tributary.emitters.EmitterException;
import io.tributary.emitters.JobIdentity;
import io.tributary.emitters.SharedRuns;
import io.tributary.emitters.Snapshot;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import org.apache.pulsar.client.api.Message;
import org.apache.pulsar.functions.api.BaseContext;
import org.apache.pulsar.functions.api.Record;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The run of one Pulsar Functions instance (a function, a source or a sink): its input and output
 * topics come from the runtime's context, the emitter's settings from the instance's configuration
 * ({@code userConfig} of a function, {@code configs} of a connector). Its meters go to Micrometer's
 * global registry.
 */
final class RuntimeLineage implements AutoCloseable {
  /** The configuration key naming the wrapped function, source or sink class. */
  static final String DELEGATE_CLASS = "tributary.delegate.class";

  private static final Logger LOG = LoggerFactory.getLogger(RuntimeLineage.class);

  private final DatasetTraffic inputs;
  private final DatasetTraffic outputs;
  private final SharedRuns.Lease lease;

  private RuntimeLineage(DatasetTraffic inputs, DatasetTraffic outputs, SharedRuns.Lease lease) {
    this.inputs = inputs;
    this.outputs = outputs;
    this.lease = lease;
  }

  /**
   * Starts (or joins) the instance's run; on a configuration error logs it and returns null, so
   * that the instance runs on without lineage.
   *
   * @param jobType {@code FUNCTION}, {@code SOURCE} or {@code SINK}
   */
  static RuntimeLineage start(
      BaseContext context,
      String name,
      String jobType,
      Map<String, ?> configs,
      Collection<String> inputTopics,
      String outputTopic) {
    try {
      EmitterConfig config = EmitterConfig.fromProperties(configs);
      String namespace =
          PulsarNaming.namespace(
              config
                  .pulsarServiceUrl()
                  .orElseThrow(
                      () ->
                          new EmitterException(
                              "openlineage.pulsar.service.url is not set in the instance's"
                                  + " configuration")));
      String job =
          config.jobName().orElse(context.getTenant() + "/" + context.getNamespace() + "/" + name);
      DatasetTraffic in = new DatasetTraffic(namespace, true);
      DatasetTraffic out = new DatasetTraffic(namespace, false, false);
      if (inputTopics != null) {
        inputTopics.forEach(t -> in.declare(PulsarNaming.topic(t)));
      }
      if (outputTopic != null && !outputTopic.isBlank()) {
        out.declare(PulsarNaming.topic(outputTopic));
      }
      SharedRuns.Lease lease =
          SharedRuns.SHARED.join(
              new JobIdentity(config.namespace(), job, ClientLineage.INTEGRATION, jobType),
              config,
              // The runtime passes configuration as JSON, so no registry object can come with it.
              Metrics.globalRegistry,
              Snapshot.sourceOf(in, out));
      return new RuntimeLineage(in, out, lease);
    } catch (RuntimeException e) {
      LOG.error("Pulsar {} lineage is disabled: {}", jobType.toLowerCase(), e.getMessage(), e);
      return null;
    }
  }

  /** Counts a record the instance read, by the topic it came from. */
  void read(Record<?> record, String fallbackTopic) {
    if (record == null) {
      return;
    }
    Optional<String> topic = record.getTopicName();
    String name = topic.isPresent() ? topic.get() : fallbackTopic;
    if (name == null) {
      return;
    }
    // No boxing or mapping: this runs once per record.
    Optional<? extends Message<?>> message = record.getMessage();
    long bytes = message.isPresent() ? message.get().size() : 0;
    inputs.record(PulsarNaming.topic(name), bytes);
  }

  /** Counts a record the instance wrote to {@code topic}. */
  void wrote(String topic) {
    if (topic != null && !topic.isBlank()) {
      outputs.record(PulsarNaming.topic(topic), 0);
    }
  }

  @Override
  public void close() {
    lease.close();
  }

  /** Creates the wrapped class named by {@link #DELEGATE_CLASS}. */
  static <T> T instantiate(Map<String, ?> configs, Class<T> type)
      throws ReflectiveOperationException {
    Object name = configs == null ? null : configs.get(DELEGATE_CLASS);
    if (name == null || name.toString().isBlank()) {
      throw new IllegalArgumentException(
          DELEGATE_CLASS + " must name the " + type.getSimpleName() + " to run");
    }
    Class<?> c =
        Class.forName(name.toString().trim(), true, Thread.currentThread().getContextClassLoader());
    return type.cast(c.getConstructor().newInstance());
  }
}
