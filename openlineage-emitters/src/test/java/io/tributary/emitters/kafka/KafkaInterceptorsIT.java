package io.tributary.emitters.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.openlineage.client.OpenLineage.RunEvent;
import io.openlineage.client.OpenLineage.RunEvent.EventType;
import io.tributary.emitters.testing.ClientLineage;
import io.tributary.emitters.testing.EndpointOutage;
import io.tributary.emitters.testing.LineageEndpoint;
import io.tributary.emitters.testing.OpenLineageSchemas;
import io.tributary.emitters.testing.RunAssertions;
import io.tributary.emitters.testing.RunEvents;
import io.tributary.testkit.kafka.KafkaBroker;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KafkaInterceptorsIT {
  private static final OpenLineageSchemas SCHEMAS = new OpenLineageSchemas();
  private static final ObjectMapper JSON = new ObjectMapper();
  private static KafkaBroker broker;

  @BeforeAll
  static void startBroker() throws Exception {
    broker = KafkaBroker.start();
    broker.createTopics(2, "payments", "payments-enriched", "clicks");
  }

  @AfterAll
  static void stopBroker() throws Exception {
    broker.close();
  }

  private static Map<String, Object> producerConfig(String job, Map<String, Object> lineage) {
    Map<String, Object> config = new HashMap<>(broker.clientConfig());
    config.put("key.serializer", StringSerializer.class);
    config.put("value.serializer", StringSerializer.class);
    config.put("interceptor.classes", TributaryProducerInterceptor.class.getName());
    config.putAll(ClientLineage.config(job, lineage));
    return config;
  }

  private static Map<String, Object> consumerConfig(String job, Map<String, Object> lineage) {
    Map<String, Object> config = new HashMap<>(broker.clientConfig());
    config.put("key.deserializer", StringDeserializer.class);
    config.put("value.deserializer", StringDeserializer.class);
    config.put("group.id", job + "-group");
    config.put("auto.offset.reset", "earliest");
    config.put("interceptor.classes", TributaryConsumerInterceptor.class.getName());
    config.putAll(ClientLineage.config(job, lineage));
    return config;
  }

  @Test
  void shouldEmitLineageOfAProducerAndOfAConsumeProduceApplication(@TempDir Path dir)
      throws Exception {
    Path generatorFile = dir.resolve("generator.jsonl");
    try (LineageEndpoint endpoint = LineageEndpoint.start()) {
      Map<String, Object> toFile =
          Map.of(
              "openlineage.transport.type",
              "file",
              "openlineage.transport.location",
              generatorFile.toString());
      Map<String, Object> toHttp = ClientLineage.http(endpoint, "acme");

      try (KafkaProducer<String, String> generator =
          new KafkaProducer<>(producerConfig("payments-generator", toFile))) {
        for (int i = 0; i < 50; i++) {
          generator.send(new ProducerRecord<>("payments", "k" + i, "payment-" + i));
        }
        generator.flush();
      }

      try (KafkaConsumer<String, String> in =
              new KafkaConsumer<>(consumerConfig("payments-enricher", toHttp));
          KafkaProducer<String, String> out =
              new KafkaProducer<>(producerConfig("payments-enricher", toHttp))) {
        in.subscribe(List.of("payments"));
        AtomicInteger copied = new AtomicInteger();
        await()
            .atMost(Duration.ofSeconds(30))
            .until(
                () -> {
                  for (ConsumerRecord<String, String> r : in.poll(Duration.ofMillis(200))) {
                    out.send(new ProducerRecord<>("payments-enriched", r.key(), r.value() + "!"));
                    copied.incrementAndGet();
                  }
                  return copied.get() == 50;
                });
        out.flush();
        await()
            .atMost(Duration.ofSeconds(10))
            .until(
                () ->
                    endpoint.events().stream()
                        .anyMatch(
                            e ->
                                e.getEventType() == EventType.RUNNING
                                    && RunEvents.rows(List.of(e), "payments", true) > 0));
      }
      RunAssertions.awaitComplete(endpoint);
      String namespace = KafkaNaming.namespace(broker.bootstrapServers());
      RunAssertions.assertWriterRun(generatorFile, namespace, "payments", 50);

      List<RunEvent> enriched = endpoint.events();
      assertThat(enriched).extracting(RunEvent::getEventType).startsWith(EventType.START);
      RunEvent last =
          RunAssertions.assertBridgeRun(
              enriched, namespace + " payments", namespace + " payments-enriched");
      assertThat(last.getJob().getName()).isEqualTo("payments-enricher");
      assertThat(RunEvents.rows(enriched, "payments", true)).isEqualTo(50);
      assertThat(RunEvents.rows(enriched, "payments-enriched", false)).isEqualTo(50);
      RunAssertions.assertTenantAndSchemas(endpoint, "acme", generatorFile);
    }
  }

  @Test
  void shouldKeepProducingWhileTheEndpointIsDownAndRecoverWhenItReturns() throws Exception {
    try (EndpointOutage outage = EndpointOutage.begin()) {
      AtomicInteger acked = new AtomicInteger();
      AtomicReference<Exception> sendError = new AtomicReference<>();
      try (KafkaProducer<String, String> producer =
          new KafkaProducer<>(producerConfig("clicks-collector", outage.lineageConfig()))) {
        outage.writeUntilDropped(
            () ->
                producer.send(
                    new ProducerRecord<>("clicks", "c", "click"),
                    (m, e) -> {
                      if (e == null) {
                        acked.incrementAndGet();
                      } else {
                        sendError.set(e);
                      }
                    }));
        producer.flush();
        assertThat(acked.get()).isPositive();
        assertThat(sendError.get()).isNull();

        outage.restoreAndAwaitSnapshot();
      }
      outage.assertRecovered("clicks", acked.get());
    }
  }

  @Test
  void shouldLetTheClientRunWithoutLineageWhenTheLineageConfigurationIsInvalid() throws Exception {
    Map<String, Object> invalid = Map.of("openlineage.snapshot.interval.ms", "not-a-number");
    try (KafkaProducer<String, String> producer =
        new KafkaProducer<>(producerConfig("misconfigured", invalid))) {
      var metadata = producer.send(new ProducerRecord<>("clicks", "k", "v")).get();

      assertThat(metadata.offset()).isNotNegative();
    }
  }

  /** The newest {@code tributary_streaming_metrics} run facet the endpoint received, or null. */
  private static JsonNode newestLag(LineageEndpoint endpoint) throws Exception {
    JsonNode newest = null;
    for (String body : endpoint.bodies()) {
      JsonNode event = JSON.readTree(body);
      JsonNode facet = event.path("run").path("facets").path("tributary_streaming_metrics");
      if ("RUNNING".equals(event.path("eventType").asText()) && facet.has("totalLag")) {
        newest = facet;
      }
    }
    return newest;
  }

  @Test
  void aConsumerFallingBehindReportsItsGrowingLagPerPartitionAndNoneOnceCaughtUp()
      throws Exception {
    broker.createTopics(2, "orders.lagging");
    try (LineageEndpoint endpoint = LineageEndpoint.start();
        KafkaProducer<String, String> producer =
            new KafkaProducer<>(
                producerConfig(
                    "orders-source",
                    Map.of(
                        "openlineage.transport.type",
                        "http",
                        "openlineage.transport.url",
                        endpoint.url(),
                        "openlineage.transport.endpoint",
                        LineageEndpoint.PATH)))) {
      for (int i = 0; i < 2000; i++) {
        producer.send(new ProducerRecord<>("orders.lagging", "k" + i, "order-" + i));
      }
      producer.flush();
      Map<String, Object> config =
          consumerConfig(
              "orders-auditor",
              Map.of(
                  "openlineage.transport.type",
                  "http",
                  "openlineage.transport.url",
                  endpoint.url(),
                  "openlineage.transport.endpoint",
                  LineageEndpoint.PATH));
      // A slow consumer: ten records a poll, a poll every 100 ms (Awaitility's poll interval).
      config.put("max.poll.records", "10");
      Duration every = Duration.ofMillis(100);
      try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config)) {
        consumer.subscribe(List.of("orders.lagging"));
        AtomicInteger read = new AtomicInteger();
        await()
            .atMost(Duration.ofSeconds(30))
            .pollInterval(every)
            .until(
                () -> {
                  read.addAndGet(consumer.poll(Duration.ofMillis(50)).count());
                  JsonNode lag = newestLag(endpoint);
                  return lag != null && lag.path("totalLag").asLong() > 0;
                });
        long first = newestLag(endpoint).path("totalLag").asLong();
        assertThat(first).isLessThanOrEqualTo(2000);

        // Producers speed up; the consumer does not.
        for (int i = 0; i < 5000; i++) {
          producer.send(new ProducerRecord<>("orders.lagging", "k" + i, "order-" + i));
        }
        producer.flush();
        await()
            .atMost(Duration.ofSeconds(30))
            .pollInterval(every)
            .until(
                () -> {
                  read.addAndGet(consumer.poll(Duration.ofMillis(50)).count());
                  return newestLag(endpoint).path("totalLag").asLong() > first + 1000;
                });
        JsonNode lag = newestLag(endpoint);
        // Each partition's lag, summed per topic and in all; topic names keep their dots.
        long sum = 0;
        for (String partition : List.of("orders.lagging-0", "orders.lagging-1")) {
          assertThat(lag.path("lagByPartition").path(partition).isIntegralNumber()).isTrue();
          sum += lag.path("lagByPartition").path(partition).asLong();
        }
        assertThat(sum).isEqualTo(lag.path("totalLag").asLong());
        assertThat(lag.path("lagByTopic").path("orders.lagging").asLong()).isEqualTo(sum);
        assertThat(read.get()).isLessThan(7000);

        // The consumer catches up: it polls without pausing until it has read everything, and
        // the next RUNNING event says it is behind by nothing, on every partition.
        await()
            .atMost(Duration.ofSeconds(60))
            .pollInterval(every)
            .until(
                () -> {
                  for (int i = 0; i < 100; i++) {
                    read.addAndGet(consumer.poll(Duration.ofMillis(5)).count());
                  }
                  return read.get() >= 7000 && newestLag(endpoint).path("totalLag").asLong() == 0;
                });
        JsonNode caughtUp = newestLag(endpoint);
        assertThat(caughtUp.path("lagByPartition").size()).isEqualTo(2);
        caughtUp
            .path("lagByPartition")
            .forEach(partition -> assertThat(partition.asLong()).isZero());
        assertThat(caughtUp.path("lagByTopic").path("orders.lagging").asLong()).isZero();
      }
      assertThat(endpoint.bodies())
          .allSatisfy(json -> assertThat(SCHEMAS.violations(json)).isEmpty());
    }
  }
}
