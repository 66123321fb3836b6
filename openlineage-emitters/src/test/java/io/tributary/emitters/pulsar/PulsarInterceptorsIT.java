package io.tributary.emitters.pulsar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.openlineage.client.OpenLineage.RunEvent;
import io.tributary.emitters.kafka.KafkaNaming;
import io.tributary.emitters.kafka.TributaryProducerInterceptor;
import io.tributary.emitters.testing.ClientLineage;
import io.tributary.emitters.testing.EndpointOutage;
import io.tributary.emitters.testing.LineageEndpoint;
import io.tributary.emitters.testing.OpenLineageSchemas;
import io.tributary.emitters.testing.PulsarServer;
import io.tributary.emitters.testing.RunAssertions;
import io.tributary.emitters.testing.RunEvents;
import io.tributary.testkit.kafka.KafkaBroker;
import java.nio.file.Path;
import java.time.Duration;
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
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Pulsar client interceptors on a real Pulsar standalone, and a Pulsar-to-Kafka bridge. */
class PulsarInterceptorsIT {
  private static final OpenLineageSchemas SCHEMAS = new OpenLineageSchemas();
  private static PulsarServer pulsar;
  private static KafkaBroker kafka;
  private static PulsarClient client;

  @BeforeAll
  static void startBrokers() throws Exception {
    pulsar = PulsarServer.start();
    kafka = KafkaBroker.start();
    kafka.createTopics(1, "orders-copy");
    client = PulsarClient.builder().serviceUrl(pulsar.serviceUrl()).build();
  }

  @AfterAll
  static void stopBrokers() throws Exception {
    client.close();
    kafka.close();
    pulsar.close();
  }

  private static Map<String, Object> lineage(String job, Map<String, Object> extra) {
    Map<String, Object> config = ClientLineage.config(job, extra);
    config.put("serviceUrl", pulsar.serviceUrl());
    return config;
  }

  @Test
  @SuppressWarnings("unchecked") // Pulsar's intercept(...) takes generic varargs.
  void shouldEmitAProducerAndAPulsarToKafkaBridgeAsOneJobWithBothPlatforms(@TempDir Path dir)
      throws Exception {
    Path generatorFile = dir.resolve("generator.jsonl");
    String namespace = PulsarNaming.namespace(pulsar.serviceUrl());
    try (LineageEndpoint endpoint = LineageEndpoint.start()) {
      Map<String, Object> toFile =
          Map.of(
              "openlineage.transport.type",
              "file",
              "openlineage.transport.location",
              generatorFile.toString());
      Map<String, Object> toHttp = ClientLineage.http(endpoint, "acme");

      Map<String, Object> bridgeConfig = lineage("orders-bridge", toHttp);
      Map<String, Object> kafkaConfig = new HashMap<>(kafka.clientConfig());
      kafkaConfig.put("key.serializer", StringSerializer.class);
      kafkaConfig.put("value.serializer", StringSerializer.class);
      kafkaConfig.put("interceptor.classes", TributaryProducerInterceptor.class.getName());
      bridgeConfig.forEach(
          (k, v) -> {
            if (k.startsWith("openlineage.")) {
              kafkaConfig.put(k, v);
            }
          });

      // Pulsar never closes interceptors: the application closes them after its clients.
      try (TributaryConsumerInterceptor<String> bridgeLineage =
              new TributaryConsumerInterceptor<>(bridgeConfig);
          Consumer<String> in =
              client
                  .newConsumer(Schema.STRING)
                  .topic("orders")
                  .subscriptionName("bridge")
                  .subscriptionInitialPosition(SubscriptionInitialPosition.Earliest)
                  .intercept(bridgeLineage)
                  .subscribe();
          KafkaProducer<String, String> out = new KafkaProducer<>(kafkaConfig)) {
        try (var generatorLineage =
                new io.tributary.emitters.pulsar.TributaryProducerInterceptor(
                    lineage("orders-generator", toFile));
            Producer<String> generator =
                client
                    .newProducer(Schema.STRING)
                    .topic("orders")
                    .intercept(generatorLineage)
                    .create()) {
          for (int i = 0; i < 40; i++) {
            generator.send("order-" + i);
          }
        }
        AtomicInteger copied = new AtomicInteger();
        await()
            .atMost(Duration.ofSeconds(30))
            .until(
                () -> {
                  Message<String> m = in.receive(200, TimeUnit.MILLISECONDS);
                  if (m != null) {
                    out.send(new ProducerRecord<>("orders-copy", m.getValue()));
                    in.acknowledge(m);
                    copied.incrementAndGet();
                  }
                  return copied.get() == 40;
                });
        out.flush();
        await()
            .atMost(Duration.ofSeconds(10))
            .until(
                () ->
                    RunEvents.rows(endpoint.events(), "persistent://public/default/orders", true)
                            == 40
                        && RunEvents.rows(endpoint.events(), "orders-copy", false) == 40);
      }
      RunAssertions.awaitComplete(endpoint);
      RunAssertions.assertWriterRun(
          generatorFile, namespace, "persistent://public/default/orders", 40);

      List<RunEvent> bridged = endpoint.events();
      RunEvent last =
          RunAssertions.assertBridgeRun(
              bridged,
              namespace + " persistent://public/default/orders",
              KafkaNaming.namespace(kafka.bootstrapServers()) + " orders-copy");
      assertThat(last.getJob().getName()).isEqualTo("orders-bridge");
      RunAssertions.assertTenantAndSchemas(endpoint, "acme", generatorFile);
    }
  }

  @Test
  void shouldKeepProducingWhileTheEndpointIsDownAndRecoverWhenItReturns() throws Exception {
    try (EndpointOutage outage = EndpointOutage.begin()) {
      AtomicInteger acked = new AtomicInteger();
      var producerLineage =
          new io.tributary.emitters.pulsar.TributaryProducerInterceptor(
              lineage("clicks-collector", outage.lineageConfig()));
      Producer<String> producer =
          client.newProducer(Schema.STRING).topic("clicks").intercept(producerLineage).create();
      try {
        outage.writeUntilDropped(
            () -> {
              producer.send("click");
              return acked.incrementAndGet();
            });
        outage.restoreAndAwaitSnapshot();
      } finally {
        producer.close();
        producerLineage.close();
      }
      outage.assertRecovered("persistent://public/default/clicks", acked.get());
    }
  }

  @Test
  void shouldLetTheClientRunWithoutLineageWhenTheLineageConfigurationIsInvalid() throws Exception {
    Map<String, Object> invalid =
        lineage("misconfigured", Map.of("openlineage.snapshot.interval.ms", "not-a-number"));
    try (Producer<String> producer =
        client
            .newProducer(Schema.STRING)
            .topic("clicks")
            .intercept(new io.tributary.emitters.pulsar.TributaryProducerInterceptor(invalid))
            .create()) {
      assertThat(producer.send("v")).isNotNull();
    }
  }
}
