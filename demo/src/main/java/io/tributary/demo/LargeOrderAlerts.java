package io.tributary.demo;

import io.tributary.emitters.flink.TributaryJobStatusListenerFactory;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.functions.FilterFunction;
import org.apache.flink.api.common.functions.MapFunction;
import org.apache.flink.api.common.serialization.SimpleStringSchema;
import org.apache.flink.configuration.CheckpointingOptions;
import org.apache.flink.configuration.ConfigOptions;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.DeploymentOptions;
import org.apache.flink.configuration.RestOptions;
import org.apache.flink.connector.kafka.sink.KafkaRecordSerializationSchema;
import org.apache.flink.connector.kafka.sink.KafkaSink;
import org.apache.flink.connector.kafka.source.KafkaSource;
import org.apache.flink.connector.kafka.source.enumerator.initializer.OffsetsInitializer;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Flink job, on a MiniCluster in this JVM: {@link Topics#ENRICHED} → orders of at least {@value
 * #THRESHOLD_CENTS} cents → an alert line → {@link Topics#ALERTS}. Its lineage comes from Flink's
 * own lineage graph through the job-status-changed listener.
 */
public final class LargeOrderAlerts implements AutoCloseable {
  /** The job name (the Flink job's name). */
  public static final String JOB = "large-order-alerts";

  static final long THRESHOLD_CENTS = 50_000;

  /** The time {@link #close} takes at most, within the pipeline's 30 s per application. */
  static final int STOP_SECONDS = 25;

  private static final Logger LOG = LoggerFactory.getLogger(LargeOrderAlerts.class);

  private final JobClient job;

  private LargeOrderAlerts(JobClient job) {
    this.job = job;
  }

  /**
   * @param restPort the MiniCluster's REST port, where the listener reads checkpoint figures
   */
  public static LargeOrderAlerts start(
      String bootstrapServers, Map<String, String> lineage, int restPort, Duration checkpoints)
      throws Exception {
    Configuration conf = new Configuration();
    lineage.forEach((k, v) -> conf.set(ConfigOptions.key(k).stringType().noDefaultValue(), v));
    conf.set(
        DeploymentOptions.JOB_STATUS_CHANGED_LISTENERS,
        List.of(TributaryJobStatusListenerFactory.class.getName()));
    conf.set(RestOptions.ADDRESS, "localhost");
    conf.set(RestOptions.BIND_ADDRESS, "localhost");
    conf.set(RestOptions.PORT, restPort);
    conf.set(RestOptions.BIND_PORT, String.valueOf(restPort));
    conf.set(CheckpointingOptions.CHECKPOINTING_INTERVAL, checkpoints);
    StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(1, conf);

    KafkaSource<String> source =
        KafkaSource.<String>builder()
            .setBootstrapServers(bootstrapServers)
            .setTopics(Topics.ENRICHED)
            .setGroupId(JOB)
            .setStartingOffsets(resumeOrEarliest())
            .setValueOnlyDeserializer(new SimpleStringSchema())
            .build();
    KafkaSink<String> sink =
        KafkaSink.<String>builder()
            .setBootstrapServers(bootstrapServers)
            .setRecordSerializer(
                KafkaRecordSerializationSchema.builder()
                    .setTopic(Topics.ALERTS)
                    .setValueSerializationSchema(new SimpleStringSchema())
                    .build())
            .build();
    env.fromSource(source, WatermarkStrategy.noWatermarks(), Topics.ENRICHED)
        .filter(new IsLarge())
        .map(new ToAlert())
        .sinkTo(sink);
    return new LargeOrderAlerts(env.executeAsync(JOB));
  }

  // The offsets a restarted demo committed at its last checkpoint, else the beginning; Kafka 4
  // deprecates OffsetResetStrategy, but the connector's initializer still takes it.
  @SuppressWarnings("deprecation")
  private static OffsetsInitializer resumeOrEarliest() {
    return OffsetsInitializer.committedOffsets(
        org.apache.kafka.clients.consumer.OffsetResetStrategy.EARLIEST);
  }

  private static final class IsLarge implements FilterFunction<String> {
    @Override
    public boolean filter(String value) {
      return Order.parse(value).map(o -> o.amountCents() >= THRESHOLD_CENTS).orElse(false);
    }
  }

  private static final class ToAlert implements MapFunction<String, String> {
    @Override
    public String map(String value) {
      Order o = Order.parse(value).orElseThrow();
      return String.format(
          java.util.Locale.ROOT,
          "large order %d of %s (%s): %d.%02d",
          o.id(),
          o.customer(),
          o.tier(),
          o.amountCents() / 100,
          o.amountCents() % 100);
    }
  }

  /**
   * Cancels the job, waits for the MiniCluster to stop and for the lineage's ABORT to be sent, all
   * within {@value #STOP_SECONDS} s: the listener sends it on a thread of its own after the job
   * ends, and the catalog, stopped after the pipeline, must still be there to take it.
   */
  @Override
  public void close() {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(STOP_SECONDS);
    try {
      try {
        job.cancel().get(left(deadline), TimeUnit.NANOSECONDS);
      } catch (ExecutionException e) {
        LOG.debug("demo: {} was already stopped: {}", JOB, e.getCause().toString());
      }
      job.getJobExecutionResult().handle((r, e) -> null).get(left(deadline), TimeUnit.NANOSECONDS);
      if (!TributaryJobStatusListenerFactory.awaitRunEnd(
          job.getJobID(), Duration.ofNanos(left(deadline)))) {
        LOG.warn("demo: the lineage of {} did not end within {} s", JOB, STOP_SECONDS);
      }
    } catch (ExecutionException e) {
      LOG.debug("demo: {} ended with {}", JOB, e.getCause().toString());
    } catch (TimeoutException e) {
      throw new IllegalStateException(
          "Flink job " + JOB + " did not stop within " + STOP_SECONDS + " s", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static long left(long deadline) {
    return Math.max(0, deadline - System.nanoTime());
  }
}
