package io.tributary.benchmarks.emitters;

import io.tributary.emitters.flink.TributaryJobStatusListenerFactory;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.functions.MapFunction;
import org.apache.flink.api.common.serialization.SimpleStringSchema;
import org.apache.flink.configuration.ConfigOptions;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.DeploymentOptions;
import org.apache.flink.configuration.RestOptions;
import org.apache.flink.connector.kafka.sink.KafkaRecordSerializationSchema;
import org.apache.flink.connector.kafka.sink.KafkaSink;
import org.apache.flink.connector.kafka.source.KafkaSource;
import org.apache.flink.connector.kafka.source.enumerator.initializer.OffsetsInitializer;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/**
 * A Flink job on a MiniCluster in this JVM copies a prefilled topic of {@code records} values of
 * 100 bytes (bounded Kafka source, map, Kafka sink) to a fresh append-time topic; the rate is the
 * one at which its output was appended. With lineage: the job-status-changed listener.
 */
final class FlinkWorkload implements Workload {
  private static final String INPUT = "flink-in";

  private final BenchTopics topics;
  private final int records;

  private FlinkWorkload(BenchTopics topics, int records) {
    this.topics = topics;
    this.records = records;
  }

  static FlinkWorkload prepare(BenchTopics topics, int records) throws Exception {
    topics.create(INPUT, false);
    topics.fill(INPUT, records);
    return new FlinkWorkload(topics, records);
  }

  @Override
  public String name() {
    return "flink";
  }

  @Override
  public Map<String, Double> run(Map<String, String> lineage, int run) throws Exception {
    String output = "flink-out-" + run;
    topics.create(output, true);
    Configuration conf = new Configuration();
    int restPort = freePort();
    conf.set(RestOptions.ADDRESS, "localhost");
    conf.set(RestOptions.PORT, restPort);
    conf.set(RestOptions.BIND_PORT, String.valueOf(restPort));
    if (lineage != null) {
      lineage.forEach((k, v) -> conf.set(ConfigOptions.key(k).stringType().noDefaultValue(), v));
      conf.set(
          DeploymentOptions.JOB_STATUS_CHANGED_LISTENERS,
          List.of(TributaryJobStatusListenerFactory.class.getName()));
    }
    StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(1, conf);
    KafkaSource<String> source =
        KafkaSource.<String>builder()
            .setBootstrapServers(topics.bootstrapServers())
            .setTopics(INPUT)
            .setGroupId("bench-flink-" + run)
            .setStartingOffsets(OffsetsInitializer.earliest())
            .setBounded(OffsetsInitializer.latest())
            .setValueOnlyDeserializer(new SimpleStringSchema())
            .build();
    KafkaSink<String> sink =
        KafkaSink.<String>builder()
            .setBootstrapServers(topics.bootstrapServers())
            .setRecordSerializer(
                KafkaRecordSerializationSchema.builder()
                    .setTopic(output)
                    .setValueSerializationSchema(new SimpleStringSchema())
                    .build())
            .build();
    env.fromSource(source, WatermarkStrategy.noWatermarks(), INPUT).map(new Copy()).sinkTo(sink);
    try {
      env.execute("bench-flink-" + run);
      return Map.of("flink", topics.appendRate(output, records, Duration.ofMinutes(5)));
    } finally {
      topics.delete(output);
    }
  }

  private static final class Copy implements MapFunction<String, String> {
    @Override
    public String map(String value) {
      return value;
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }
}
