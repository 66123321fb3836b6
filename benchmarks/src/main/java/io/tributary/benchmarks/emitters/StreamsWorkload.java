package io.tributary.benchmarks.emitters;

import io.tributary.emitters.streams.TributaryStreams;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Produced;

/**
 * A Kafka Streams application of a fresh application id copies a prefilled topic of {@code records}
 * values of 100 bytes (mapValues) to a fresh append-time topic; the rate is the one at which its
 * output was appended. With lineage: {@code TributaryStreams.instrument}.
 */
final class StreamsWorkload implements Workload {
  private static final String INPUT = "streams-in";

  private final BenchTopics topics;
  private final int records;
  private final Path stateDir;

  private StreamsWorkload(BenchTopics topics, int records, Path stateDir) {
    this.topics = topics;
    this.records = records;
    this.stateDir = stateDir;
  }

  static StreamsWorkload prepare(BenchTopics topics, int records) throws Exception {
    topics.create(INPUT, false);
    topics.fill(INPUT, records);
    return new StreamsWorkload(topics, records, Files.createTempDirectory("bench-streams"));
  }

  @Override
  public String name() {
    return "kafka-streams";
  }

  @Override
  public Map<String, Double> run(Map<String, String> lineage, int run) throws Exception {
    String output = "streams-out-" + run;
    topics.create(output, true);
    StreamsBuilder builder = new StreamsBuilder();
    builder.stream(INPUT, Consumed.with(Serdes.ByteArray(), Serdes.ByteArray()))
        .mapValues(v -> v)
        .to(output, Produced.with(Serdes.ByteArray(), Serdes.ByteArray()));
    Topology topology = builder.build();
    Properties props = new Properties();
    if (lineage != null) {
      props.putAll(lineage);
    }
    props.put(StreamsConfig.APPLICATION_ID_CONFIG, "bench-streams-" + run);
    props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, topics.bootstrapServers());
    props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
    props.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG, 1);
    props.put(StreamsConfig.consumerPrefix("auto.offset.reset"), "earliest");
    KafkaStreams streams = new KafkaStreams(topology, props);
    if (lineage != null) {
      TributaryStreams.instrument(streams, topology, props);
    }
    try {
      streams.start();
      return Map.of("streams", topics.appendRate(output, records, Duration.ofMinutes(5)));
    } finally {
      streams.close(Duration.ofSeconds(30));
      streams.cleanUp();
      topics.delete(output);
    }
  }
}
