package io.tributary.emitters.flink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.openlineage.client.OpenLineage;
import io.openlineage.client.OpenLineage.RunEvent;
import io.openlineage.client.OpenLineage.RunEvent.EventType;
import io.openlineage.client.OpenLineageClientUtils;
import io.tributary.emitters.kafka.KafkaNaming;
import io.tributary.emitters.streams.TributaryStreams;
import io.tributary.emitters.testing.EventFiles;
import io.tributary.emitters.testing.OpenLineageSchemas;
import io.tributary.testkit.kafka.KafkaBroker;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.serialization.SimpleStringSchema;
import org.apache.flink.api.common.typeinfo.Types;
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
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A Kafka Streams application feeds a Flink job through the broker: one dataset between them. */
class FlinkLineageIT {
  private static final OpenLineageSchemas SCHEMAS = new OpenLineageSchemas();
  private static final int RECORDS = 40;
  private static KafkaBroker broker;

  @BeforeAll
  static void startBroker() throws Exception {
    broker = KafkaBroker.start();
    broker.createTopics(2, "orders-raw", "orders-enriched", "orders-audited");
  }

  @AfterAll
  static void stopBroker() {
    broker.close();
  }

  private static void set(Configuration conf, String key, String value) {
    conf.set(ConfigOptions.key(key).stringType().noDefaultValue(), value);
  }

  private static int freePort() throws Exception {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  private static KafkaStreams startEnricher(Path dir, Path events) {
    StreamsBuilder builder = new StreamsBuilder();
    builder.<String, String>stream("orders-raw")
        .mapValues(v -> v + ";enriched")
        .to("orders-enriched");
    Topology topology = builder.build();
    Properties props = new Properties();
    props.put(StreamsConfig.APPLICATION_ID_CONFIG, "orders-enricher");
    props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
    props.put(StreamsConfig.DEFAULT_KEY_SERDE_CLASS_CONFIG, Serdes.StringSerde.class);
    props.put(StreamsConfig.DEFAULT_VALUE_SERDE_CLASS_CONFIG, Serdes.StringSerde.class);
    props.put(StreamsConfig.STATE_DIR_CONFIG, dir.resolve("state").toString());
    props.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, 200);
    props.put(StreamsConfig.consumerPrefix("auto.offset.reset"), "earliest");
    props.put("openlineage.snapshot.interval.ms", "1000");
    props.put("openlineage.abort.on.jvm.exit", "false");
    props.put("openlineage.transport.type", "file");
    props.put("openlineage.transport.location", events.toString());
    KafkaStreams streams = new KafkaStreams(topology, props);
    TributaryStreams.instrument(streams, topology, props);
    streams.start();
    return streams;
  }

  private static void produceRaw() {
    Map<String, Object> config = new HashMap<>(broker.clientConfig());
    config.put("key.serializer", StringSerializer.class);
    config.put("value.serializer", StringSerializer.class);
    try (KafkaProducer<String, String> producer = new KafkaProducer<>(config)) {
      for (int i = 0; i < RECORDS; i++) {
        producer.send(new ProducerRecord<>("orders-raw", "k" + i, "order-" + i));
      }
    }
  }

  private static int countAudited() {
    Map<String, Object> config = new HashMap<>(broker.clientConfig());
    config.put("key.deserializer", StringDeserializer.class);
    config.put("value.deserializer", StringDeserializer.class);
    config.put("group.id", "audit-check");
    config.put("auto.offset.reset", "earliest");
    List<String> seen = new ArrayList<>();
    try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config)) {
      consumer.subscribe(List.of("orders-audited"));
      await()
          .atMost(Duration.ofSeconds(30))
          .until(
              () -> {
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(200))) {
                  seen.add(r.value());
                }
                return seen.size() >= RECORDS;
              });
    }
    return seen.size();
  }

  @Test
  void shouldNameTheTopicBetweenStreamsAndFlinkAsOneDataset(@TempDir Path dir) throws Exception {
    Path streamsEvents = dir.resolve("streams.jsonl");
    Path flinkEvents = dir.resolve("flink.jsonl");
    KafkaStreams streams = startEnricher(dir, streamsEvents);
    JobClient job = null;
    try {
      produceRaw();

      Configuration conf = new Configuration();
      conf.set(
          DeploymentOptions.JOB_STATUS_CHANGED_LISTENERS,
          List.of(TributaryJobStatusListenerFactory.class.getName()));
      int restPort = freePort();
      conf.set(RestOptions.PORT, restPort);
      conf.set(RestOptions.BIND_PORT, String.valueOf(restPort));
      set(conf, "execution.checkpointing.interval", "500 ms");
      set(conf, "openlineage.namespace", "flink");
      set(conf, "openlineage.job.name", "orders-auditor");
      set(conf, "openlineage.snapshot.interval.ms", "1000");
      set(conf, "openlineage.abort.on.jvm.exit", "false");
      set(conf, "openlineage.tenant", "acme");
      set(conf, "openlineage.transport.type", "file");
      set(conf, "openlineage.transport.location", flinkEvents.toString());
      StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(conf);
      env.setParallelism(1);
      KafkaSource<String> source =
          KafkaSource.<String>builder()
              .setBootstrapServers(broker.bootstrapServers())
              .setTopics("orders-enriched")
              .setGroupId("orders-auditor")
              .setStartingOffsets(OffsetsInitializer.earliest())
              .setValueOnlyDeserializer(new SimpleStringSchema())
              .build();
      KafkaSink<String> sink =
          KafkaSink.<String>builder()
              .setBootstrapServers(broker.bootstrapServers())
              .setRecordSerializer(
                  KafkaRecordSerializationSchema.builder()
                      .setTopic("orders-audited")
                      .setValueSerializationSchema(new SimpleStringSchema())
                      .build())
              .build();
      env.fromSource(source, WatermarkStrategy.noWatermarks(), "orders-enriched")
          .map(v -> "audited:" + v)
          .returns(Types.STRING)
          .sinkTo(sink);
      job = env.executeAsync("orders-auditor");

      assertThat(countAudited()).isEqualTo(RECORDS);
      await()
          .atMost(Duration.ofSeconds(60))
          .until(
              () ->
                  EventFiles.lines(flinkEvents).stream()
                      .anyMatch(
                          l -> l.contains("\"RUNNING\"") && l.contains("checkpointsCompleted")));
      job.cancel().get();
      // The listener sends the ABORT on a thread of its own; awaitRunEnd returns once it is out.
      assertThat(
              TributaryJobStatusListenerFactory.awaitRunEnd(job.getJobID(), Duration.ofSeconds(30)))
          .isTrue();
      assertThat(EventFiles.events(flinkEvents))
          .extracting(RunEvent::getEventType)
          .contains(EventType.ABORT);
    } finally {
      streams.close(Duration.ofSeconds(30));
    }

    List<RunEvent> flink = EventFiles.events(flinkEvents);
    assertThat(flink)
        .extracting(RunEvent::getEventType)
        .startsWith(EventType.START)
        .endsWith(EventType.ABORT);
    assertThat(flink)
        .extracting(e -> e.getRun().getRunId())
        .containsOnly(flink.get(0).getRun().getRunId());
    RunEvent start = flink.get(0);
    assertThat(start.getJob().getNamespace()).isEqualTo("flink");
    assertThat(start.getJob().getName()).isEqualTo("orders-auditor");
    assertThat(start.getJob().getFacets().getJobType().getIntegration()).isEqualTo("FLINK");
    String namespace = KafkaNaming.namespace(broker.bootstrapServers());
    assertThat(start.getInputs())
        .extracting(d -> d.getNamespace() + "/" + d.getName())
        .containsExactly(namespace + "/orders-enriched");
    assertThat(start.getOutputs())
        .extracting(d -> d.getNamespace() + "/" + d.getName())
        .containsExactly(namespace + "/orders-audited");
    assertThat(
            flink.stream()
                .filter(e -> e.getEventType() == EventType.RUNNING)
                .map(OpenLineageClientUtils::toJson))
        .anySatisfy(json -> assertThat(json).contains("\"checkpointsCompleted\""));

    List<RunEvent> enricher = EventFiles.events(streamsEvents);
    assertThat(enricher)
        .flatExtracting(RunEvent::getOutputs)
        .extracting(d -> d.getNamespace() + "/" + d.getName())
        .contains(namespace + "/orders-enriched");
    OpenLineage.OutputDataset written =
        enricher.get(enricher.size() - 1).getOutputs().stream()
            .filter(d -> d.getName().equals("orders-enriched"))
            .findFirst()
            .orElseThrow();
    OpenLineage.InputDataset read = start.getInputs().get(0);
    assertThat(read.getNamespace()).isEqualTo(written.getNamespace());
    assertThat(read.getName()).isEqualTo(written.getName());

    List<String> all = new ArrayList<>(EventFiles.lines(flinkEvents));
    all.addAll(EventFiles.lines(streamsEvents));
    assertThat(all).allSatisfy(json -> assertThat(SCHEMAS.violations(json)).isEmpty());
  }
}
