package io.tributary.emitters.streams;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.openlineage.client.OpenLineage;
import io.openlineage.client.OpenLineage.RunEvent;
import io.openlineage.client.OpenLineage.RunEvent.EventType;
import io.tributary.emitters.kafka.KafkaNaming;
import io.tributary.emitters.testing.EventFiles;
import io.tributary.emitters.testing.OpenLineageSchemas;
import io.tributary.testkit.kafka.KafkaBroker;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Pattern;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Materialized;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StreamsLineageIT {
  private static final OpenLineageSchemas SCHEMAS = new OpenLineageSchemas();
  private static KafkaBroker broker;

  @BeforeAll
  static void startBroker() throws Exception {
    broker = KafkaBroker.start();
    broker.createTopics(
        2, "orders-eu", "orders-enriched", "order-counts-by-customer", "poison-in", "poison-out");
  }

  @AfterAll
  static void stopBroker() {
    broker.close();
  }

  private static Properties props(String applicationId, Path dir, Path events) {
    Properties props = new Properties();
    props.put(StreamsConfig.APPLICATION_ID_CONFIG, applicationId);
    props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
    props.put(StreamsConfig.DEFAULT_KEY_SERDE_CLASS_CONFIG, Serdes.StringSerde.class);
    props.put(StreamsConfig.DEFAULT_VALUE_SERDE_CLASS_CONFIG, Serdes.StringSerde.class);
    props.put(StreamsConfig.STATE_DIR_CONFIG, dir.resolve("state").toString());
    props.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, 200);
    props.put(StreamsConfig.STATESTORE_CACHE_MAX_BYTES_CONFIG, 0);
    props.put(StreamsConfig.consumerPrefix("metadata.max.age.ms"), 500);
    props.put(StreamsConfig.consumerPrefix("auto.offset.reset"), "earliest");
    props.put("openlineage.namespace", "streams");
    props.put("openlineage.snapshot.interval.ms", "1000");
    props.put("openlineage.abort.on.jvm.exit", "false");
    props.put("openlineage.tenant", "acme");
    props.put("openlineage.transport.type", "file");
    props.put("openlineage.transport.location", events.toString());
    return props;
  }

  private static void produce(String topic, int count, String prefix) {
    Map<String, Object> config = new HashMap<>(broker.clientConfig());
    config.put("key.serializer", StringSerializer.class);
    config.put("value.serializer", StringSerializer.class);
    try (KafkaProducer<String, String> producer = new KafkaProducer<>(config)) {
      for (int i = 0; i < count; i++) {
        producer.send(new ProducerRecord<>(topic, "k" + i, prefix + (i % 3) + ":" + i));
      }
    }
  }

  private static long inputRows(List<RunEvent> events, String topic) {
    return events.stream()
        .flatMap(e -> e.getInputs().stream())
        .filter(d -> d.getName().equals(topic) && d.getInputFacets().getInputStatistics() != null)
        .mapToLong(d -> d.getInputFacets().getInputStatistics().getRowCount())
        .sum();
  }

  private static long outputRows(List<RunEvent> events, String topic) {
    return events.stream()
        .flatMap(e -> e.getOutputs().stream())
        .filter(d -> d.getName().equals(topic) && d.getOutputFacets().getOutputStatistics() != null)
        .mapToLong(d -> d.getOutputFacets().getOutputStatistics().getRowCount())
        .sum();
  }

  private static String internalKind(OpenLineage.Dataset dataset) {
    if (dataset.getFacets() == null || dataset.getFacets().getTags() == null) {
      return null;
    }
    return dataset.getFacets().getTags().getTags().stream()
        .filter(t -> t.getKey().equals(TopologySnapshot.INTERNAL_TAG))
        .map(OpenLineage.TagsDatasetFacetFields::getValue)
        .findFirst()
        .orElse(null);
  }

  @Test
  void shouldEmitTheTopologyWithInternalTopicsAndFollowNewPatternTopics(@TempDir Path dir)
      throws Exception {
    Path events = dir.resolve("events.jsonl");
    StreamsBuilder builder = new StreamsBuilder();
    KStream<String, String> orders = builder.stream(Pattern.compile("orders-(eu|us)"));
    orders.mapValues(v -> v.toUpperCase(java.util.Locale.ROOT)).to("orders-enriched");
    orders
        .selectKey((k, v) -> v.substring(0, v.indexOf(':')))
        .groupByKey()
        .count(Materialized.as("order-counts"))
        .toStream()
        .mapValues(String::valueOf)
        .to("order-counts-by-customer");
    Topology topology = builder.build();
    Properties props = props("orders-enricher", dir, events);
    produce("orders-eu", 20, "cust");

    KafkaStreams streams = new KafkaStreams(topology, props);
    StreamsLineage lineage = TributaryStreams.instrument(streams, topology, props);
    try {
      streams.start();
      await()
          .atMost(Duration.ofSeconds(60))
          .until(() -> outputRows(EventFiles.events(events), "orders-enriched") == 20);

      broker.createTopics(2, "orders-us");
      produce("orders-us", 10, "cust");
      await()
          .atMost(Duration.ofSeconds(60))
          .until(() -> inputRows(EventFiles.events(events), "orders-us") == 10);
      await()
          .atMost(Duration.ofSeconds(30))
          .until(() -> outputRows(EventFiles.events(events), "orders-enriched") == 30);
    } finally {
      streams.close(Duration.ofSeconds(30));
    }
    await()
        .atMost(Duration.ofSeconds(10))
        .until(
            () ->
                EventFiles.events(events).stream()
                    .anyMatch(e -> e.getEventType() == EventType.COMPLETE));

    List<RunEvent> all = EventFiles.events(events);
    assertThat(all)
        .extracting(RunEvent::getEventType)
        .startsWith(EventType.START)
        .endsWith(EventType.COMPLETE);
    assertThat(all)
        .extracting(e -> e.getRun().getRunId())
        .containsOnly(lineage.runId().orElseThrow());
    assertThat(all.get(0).getJob().getName()).isEqualTo("orders-enricher");
    assertThat(all.get(0).getJob().getFacets().getJobType().getIntegration())
        .isEqualTo("KAFKA_STREAMS");
    assertThat(inputRows(all, "orders-eu")).isEqualTo(20);
    assertThat(inputRows(all, "orders-us")).isEqualTo(10);
    assertThat(outputRows(all, "orders-enriched")).isEqualTo(30);

    RunEvent last = all.get(all.size() - 1);
    String namespace = KafkaNaming.namespace(broker.bootstrapServers());
    assertThat(last.getInputs()).allSatisfy(d -> assertThat(d.getNamespace()).isEqualTo(namespace));
    assertThat(last.getInputs())
        .extracting(OpenLineage.Dataset::getName)
        .contains("orders-eu", "orders-us");
    assertThat(last.getOutputs())
        .extracting(OpenLineage.Dataset::getName)
        .contains("orders-enriched", "order-counts-by-customer");
    List<String> brokerTopics = broker.topics();
    List<OpenLineage.OutputDataset> internal =
        last.getOutputs().stream().filter(d -> internalKind(d) != null).toList();
    assertThat(internal)
        .extracting(StreamsLineageIT::internalKind)
        .contains("repartition", "changelog");
    assertThat(internal)
        .extracting(OpenLineage.Dataset::getName)
        .contains("orders-enricher-order-counts-changelog")
        .allSatisfy(name -> assertThat(brokerTopics).contains(name));
    assertThat(last.getInputs().stream().filter(d -> "repartition".equals(internalKind(d))))
        .singleElement()
        .satisfies(d -> assertThat(brokerTopics).contains(d.getName()));
    String json = io.openlineage.client.OpenLineageClientUtils.toJson(all.get(1));
    assertThat(json).contains("\"tributary_kafka_streams_topology\"").contains("\"order-counts\"");
    assertThat(json).contains("\"tributary_streaming_metrics\"").contains("\"lagByTopic\"");
    assertThat(EventFiles.lines(events))
        .allSatisfy(line -> assertThat(SCHEMAS.violations(line)).isEmpty());
  }

  @Test
  void shouldFailWithTheErrorThatStoppedTheApplication(@TempDir Path dir) {
    Path events = dir.resolve("events.jsonl");
    StreamsBuilder builder = new StreamsBuilder();
    builder.<String, String>stream("poison-in")
        .mapValues(
            v -> {
              if (v.startsWith("boom")) {
                throw new IllegalStateException("poison record " + v);
              }
              return v;
            })
        .to("poison-out");
    Topology topology = builder.build();
    Properties props = props("poison-app", dir, events);
    KafkaStreams streams = new KafkaStreams(topology, props);
    StreamsLineage lineage = TributaryStreams.instrument(streams, topology, props);
    streams.setUncaughtExceptionHandler(
        lineage.recordingErrors(
            e -> StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse.SHUTDOWN_CLIENT));
    try {
      streams.start();
      produce("poison-in", 3, "ok");
      produce("poison-in", 1, "boom");
      await()
          .atMost(Duration.ofSeconds(60))
          .until(
              () ->
                  EventFiles.events(events).stream()
                      .anyMatch(e -> e.getEventType() == EventType.FAIL));
    } finally {
      streams.close(Duration.ofSeconds(30));
    }

    List<RunEvent> all = EventFiles.events(events);
    assertThat(all)
        .extracting(RunEvent::getEventType)
        .startsWith(EventType.START)
        .endsWith(EventType.FAIL);
    RunEvent failed = all.get(all.size() - 1);
    assertThat(failed.getRun().getFacets().getErrorMessage().getMessage())
        .contains("poison record");
    assertThat(failed.getInputs())
        .extracting(OpenLineage.Dataset::getName)
        .containsExactly("poison-in");
    assertThat(EventFiles.lines(events))
        .allSatisfy(line -> assertThat(SCHEMAS.violations(line)).isEmpty());
  }
}
