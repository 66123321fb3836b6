package io.tributary.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.tributary.emitters.kafka.TributaryProducerInterceptor;
import io.tributary.emitters.testing.LineageEndpoint;
import io.tributary.emitters.testing.OpenLineageSchemas;
import io.tributary.emitters.testing.PulsarApps;
import io.tributary.emitters.testing.PulsarProcess;
import io.tributary.emitters.testing.PulsarProcess.Deployment;
import io.tributary.emitters.testing.RunEvents;
import io.tributary.testkit.RunningCatalog;
import io.tributary.testkit.kafka.KafkaBroker;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.pulsar.client.api.Consumer;
import org.apache.pulsar.client.api.Message;
import org.apache.pulsar.client.api.Producer;
import org.apache.pulsar.client.api.PulsarClient;
import org.apache.pulsar.client.api.Schema;
import org.apache.pulsar.client.api.SubscriptionInitialPosition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A Pulsar writer, a Pulsar reader and a Pulsar-to-Kafka bridge with a Kafka reader behind it, then
 * a Pulsar IO source, a Pulsar Function and a Pulsar IO sink in Pulsar's Functions runtime, on a
 * real Pulsar standalone (in a child JVM: its broker needs Jersey 2, the catalog in this JVM Jersey
 * 4) and a real Kafka broker, emitting to a running catalog: the topics, their readers, writers and
 * the bridge are one lineage graph there, and every event the catalog received conforms to the
 * schemas.
 */
class PulsarLineageIT {
  private static final String NAMESPACE = "bridges";
  private static final String TOPIC = "persistent://public/default/orders";
  private static final String UPPER = "persistent://public/default/orders-upper";
  private static final int RECORDS = 20;
  private static final OpenLineageSchemas SCHEMAS = new OpenLineageSchemas();

  private static Map<String, Object> lineage(LineageEndpoint endpoint, String job) {
    Map<String, Object> config = new HashMap<>();
    config.put("openlineage.job.name", job);
    config.put("openlineage.namespace", NAMESPACE);
    config.put("openlineage.snapshot.interval.ms", "1000");
    config.put("openlineage.abort.on.jvm.exit", "false");
    config.put("openlineage.transport.type", "http");
    config.put("openlineage.transport.url", endpoint.url());
    config.put("openlineage.transport.endpoint", LineageEndpoint.PATH);
    return config;
  }

  private static Map<String, Object> pulsarLineage(
      LineageEndpoint endpoint, PulsarProcess pulsar, String job) {
    Map<String, Object> config = lineage(endpoint, job);
    config.put("serviceUrl", pulsar.serviceUrl());
    return config;
  }

  /** Reads RECORDS messages, handing each to {@code then}. */
  private static void drain(Consumer<String> in, java.util.function.Consumer<String> then) {
    AtomicInteger read = new AtomicInteger();
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () -> {
              Message<String> m = in.receive(200, TimeUnit.MILLISECONDS);
              if (m != null) {
                then.accept(m.getValue());
                in.acknowledge(m);
                read.incrementAndGet();
              }
              return read.get() == RECORDS;
            });
  }

  @Test
  // Pulsar's intercept(...) takes generic varargs; the functions run while the test waits.
  @SuppressWarnings({"unchecked", "try"})
  void shouldJoinAPulsarTopicToItsReadersFunctionsAndConnectorsAndThroughABridgeToKafka(
      @TempDir Path dir) throws Exception {
    try (PulsarProcess pulsar = PulsarProcess.start();
        KafkaBroker kafka = KafkaBroker.start();
        RunningCatalog catalog = RunningCatalog.start(dir.resolve("catalog"), Map.of());
        LineageEndpoint endpoint = LineageEndpoint.forwardingTo(catalog.uri());
        PulsarClient client = PulsarClient.builder().serviceUrl(pulsar.serviceUrl()).build()) {
      kafka.createTopics(1, "orders-mirror");
      CatalogApi api = new CatalogApi(catalog.uri());

      // Pulsar never closes interceptors: the application closes them after its clients.
      try (var auditLineage =
              new io.tributary.emitters.pulsar.TributaryConsumerInterceptor<String>(
                  pulsarLineage(endpoint, pulsar, "orders-audit"));
          Consumer<String> audit =
              client
                  .newConsumer(Schema.STRING)
                  .topic(TOPIC)
                  .subscriptionName("audit")
                  .subscriptionInitialPosition(SubscriptionInitialPosition.Earliest)
                  .intercept(auditLineage)
                  .subscribe()) {
        try (var writerLineage =
                new io.tributary.emitters.pulsar.TributaryProducerInterceptor(
                    pulsarLineage(endpoint, pulsar, "orders-writer"));
            Producer<String> writer =
                client.newProducer(Schema.STRING).topic(TOPIC).intercept(writerLineage).create()) {
          for (int i = 0; i < RECORDS; i++) {
            writer.send("order-" + i);
          }
        }
        drain(audit, value -> {});
      }

      Map<String, Object> kafkaOut = new HashMap<>(kafka.clientConfig());
      kafkaOut.putAll(lineage(endpoint, "orders-mirror"));
      kafkaOut.put("key.serializer", StringSerializer.class);
      kafkaOut.put("value.serializer", StringSerializer.class);
      kafkaOut.put("interceptor.classes", TributaryProducerInterceptor.class.getName());
      try (var bridgeLineage =
              new io.tributary.emitters.pulsar.TributaryConsumerInterceptor<String>(
                  pulsarLineage(endpoint, pulsar, "orders-mirror"));
          Consumer<String> in =
              client
                  .newConsumer(Schema.STRING)
                  .topic(TOPIC)
                  .subscriptionName("mirror")
                  .subscriptionInitialPosition(SubscriptionInitialPosition.Earliest)
                  .intercept(bridgeLineage)
                  .subscribe();
          KafkaProducer<String, String> out = new KafkaProducer<>(kafkaOut)) {
        drain(in, value -> out.send(new ProducerRecord<>("orders-mirror", value)));
        out.flush();
      }

      KafkaReader.read(
          kafka, lineage(endpoint, "mirror-reader"), "orders-mirror", "mirror-reader", RECORDS);

      // Pulsar Functions and IO in Pulsar's own runtime (a JVM beside the broker's): a source
      // feeding the topic, a function from it to another, a sink draining that one.
      Map<String, Object> runtimeLineage = lineage(endpoint, "unused");
      runtimeLineage.remove("openlineage.job.name");
      runtimeLineage.put("openlineage.pulsar.service.url", pulsar.serviceUrl());
      Map<String, Object> sourceConfigs = new HashMap<>(runtimeLineage);
      sourceConfigs.put("records", String.valueOf(RECORDS));
      try (AutoCloseable functions =
          pulsar.runFunctions(
              Deployment.sink("orders-archive", PulsarApps.COUNTING_SINK, UPPER, runtimeLineage),
              Deployment.function(
                  "orders-upper", PulsarApps.UPPER_CASE, TOPIC, UPPER, runtimeLineage),
              Deployment.source("orders-feed", PulsarApps.SEQUENCE, TOPIC, sourceConfigs))) {
        // The writer's records and the source's, through the function, into the sink.
        await()
            .atMost(Duration.ofSeconds(90))
            .until(() -> RunEvents.rows(endpoint.events(), UPPER, true) == 2 * RECORDS);
      }

      // Every client is closed: its terminal event was accepted before close returned.
      String cluster = pulsar.serviceUrl().substring("pulsar://".length());
      JsonNode topic = api.entity("pulsar_topic", TOPIC + "@" + cluster).orElseThrow();
      List<String> nodes = new ArrayList<>();
      api.lineage(topic.path("guid").asText(), "DOWNSTREAM", 10)
          .path("nodes")
          .forEach(n -> nodes.add(n.path("typeName").asText() + " " + n.path("name").asText()));
      assertThat(nodes)
          .as("downstream of the Pulsar topic")
          .contains(
              "pulsar_topic " + TOPIC,
              "openlineage_job orders-audit",
              "openlineage_job orders-mirror",
              "kafka_topic orders-mirror",
              "openlineage_job mirror-reader");
      List<String> upstream = new ArrayList<>();
      api.lineage(topic.path("guid").asText(), "UPSTREAM", 10)
          .path("nodes")
          .forEach(n -> upstream.add(n.path("typeName").asText() + " " + n.path("name").asText()));
      assertThat(upstream)
          .as("upstream of the Pulsar topic")
          .contains("openlineage_job orders-writer", "openlineage_job public/default/orders-feed");
      assertThat(nodes)
          .as("downstream of the Pulsar topic, through Pulsar Functions")
          .contains(
              "openlineage_job public/default/orders-upper",
              "pulsar_topic " + UPPER,
              "openlineage_job public/default/orders-archive");
      assertThat(api.entities("pulsar_topic")).hasSize(2);
      assertThat(api.entities("openlineage_dataset")).isEmpty();

      List<String> events = endpoint.bodies();
      assertThat(events).hasSizeGreaterThanOrEqualTo(8);
      assertThat(events).allSatisfy(e -> assertThat(SCHEMAS.violations(e)).as(e).isEmpty());
      assertThat(api.lineagePostsByStatus()).containsOnlyKeys("201");
    }
  }
}
