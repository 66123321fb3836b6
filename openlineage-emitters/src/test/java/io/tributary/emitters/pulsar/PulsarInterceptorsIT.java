package io.tributary.emitters.pulsar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.openlineage.client.OpenLineage;
import io.openlineage.client.OpenLineage.RunEvent;
import io.openlineage.client.OpenLineage.RunEvent.EventType;
import io.tributary.emitters.kafka.KafkaNaming;
import io.tributary.emitters.kafka.TributaryProducerInterceptor;
import io.tributary.emitters.testing.EventFiles;
import io.tributary.emitters.testing.LineageEndpoint;
import io.tributary.emitters.testing.OpenLineageSchemas;
import io.tributary.emitters.testing.PulsarServer;
import io.tributary.testkit.kafka.KafkaBroker;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
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
    Map<String, Object> config = new HashMap<>();
    config.put("serviceUrl", pulsar.serviceUrl());
    config.put("openlineage.job.name", job);
    config.put("openlineage.namespace", "apps");
    config.put("openlineage.snapshot.interval.ms", "1000");
    config.put("openlineage.abort.on.jvm.exit", "false");
    config.putAll(extra);
    return config;
  }

  private static long rows(List<RunEvent> events, String name, boolean inputs) {
    long total = 0;
    for (RunEvent e : events) {
      if (inputs) {
        for (OpenLineage.InputDataset d : e.getInputs()) {
          if (d.getName().equals(name) && d.getInputFacets().getInputStatistics() != null) {
            total += d.getInputFacets().getInputStatistics().getRowCount();
          }
        }
      } else {
        for (OpenLineage.OutputDataset d : e.getOutputs()) {
          if (d.getName().equals(name) && d.getOutputFacets().getOutputStatistics() != null) {
            total += d.getOutputFacets().getOutputStatistics().getRowCount();
          }
        }
      }
    }
    return total;
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
      Map<String, Object> toHttp =
          Map.of(
              "openlineage.transport.type",
              "http",
              "openlineage.transport.url",
              endpoint.url(),
              "openlineage.transport.endpoint",
              LineageEndpoint.PATH,
              "openlineage.tenant",
              "acme");

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
                    rows(endpoint.events(), "persistent://public/default/orders", true) == 40
                        && rows(endpoint.events(), "orders-copy", false) == 40);
      }
      await()
          .atMost(Duration.ofSeconds(10))
          .until(
              () ->
                  endpoint.events().stream().anyMatch(e -> e.getEventType() == EventType.COMPLETE));

      List<RunEvent> generated = EventFiles.events(generatorFile);
      assertThat(generated)
          .extracting(RunEvent::getEventType)
          .startsWith(EventType.START)
          .endsWith(EventType.COMPLETE);
      assertThat(generated.get(generated.size() - 1).getOutputs())
          .extracting(d -> d.getNamespace() + " " + d.getName())
          .containsExactly(namespace + " persistent://public/default/orders");
      assertThat(rows(generated, "persistent://public/default/orders", false)).isEqualTo(40);

      List<RunEvent> bridged = endpoint.events();
      assertThat(bridged)
          .extracting(e -> e.getRun().getRunId())
          .containsOnly(bridged.get(0).getRun().getRunId());
      RunEvent last = bridged.get(bridged.size() - 1);
      assertThat(last.getEventType()).isEqualTo(EventType.COMPLETE);
      assertThat(last.getJob().getName()).isEqualTo("orders-bridge");
      assertThat(datasetsOfRun(bridged, true))
          .containsExactly(namespace + " persistent://public/default/orders");
      assertThat(datasetsOfRun(bridged, false))
          .containsExactly(KafkaNaming.namespace(kafka.bootstrapServers()) + " orders-copy");
      assertThat(endpoint.tenantHeaders()).containsOnly("acme");

      List<String> all = new ArrayList<>(endpoint.bodies());
      all.addAll(EventFiles.lines(generatorFile));
      assertThat(all).allSatisfy(json -> assertThat(SCHEMAS.violations(json)).isEmpty());
    }
  }

  @Test
  void shouldKeepProducingWhileTheEndpointIsDownAndRecoverWhenItReturns() throws Exception {
    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    try (LineageEndpoint endpoint = LineageEndpoint.start()) {
      endpoint.stop();
      Map<String, Object> config =
          lineage(
              "clicks-collector",
              Map.of(
                  "openlineage.transport.type", "http",
                  "openlineage.transport.url", endpoint.url(),
                  "openlineage.transport.endpoint", LineageEndpoint.PATH,
                  "openlineage.transport.timeoutInMillis", "1000",
                  "openlineage.queue.capacity", "2",
                  "openlineage.retry.max.attempts", "1000",
                  "openlineage.retry.backoff.initial.ms", "50",
                  "openlineage.retry.backoff.max.ms", "200",
                  "openlineage.meter.registry", registry));
      AtomicInteger acked = new AtomicInteger();
      var producerLineage = new io.tributary.emitters.pulsar.TributaryProducerInterceptor(config);
      Producer<String> producer =
          client.newProducer(Schema.STRING).topic("clicks").intercept(producerLineage).create();
      try {
        await()
            .atMost(Duration.ofSeconds(30))
            .until(
                () -> {
                  producer.send("click");
                  acked.incrementAndGet();
                  return dropped(registry) >= 2;
                });
        assertThat(endpoint.bodies()).isEmpty();

        endpoint.restart();
        await()
            .atMost(Duration.ofSeconds(20))
            .until(
                () ->
                    endpoint.events().stream()
                        .anyMatch(e -> e.getEventType() == EventType.RUNNING));
      } finally {
        producer.close();
        producerLineage.close();
      }
      await()
          .atMost(Duration.ofSeconds(10))
          .until(
              () ->
                  endpoint.events().stream().anyMatch(e -> e.getEventType() == EventType.COMPLETE));
      assertThat(rows(endpoint.events(), "persistent://public/default/clicks", false))
          .isPositive()
          .isLessThanOrEqualTo(acked.get());
      assertThat(endpoint.bodies())
          .allSatisfy(json -> assertThat(SCHEMAS.violations(json)).isEmpty());
      assertThat(registry.get("tributary.lineage.events.retries").functionCounter().count())
          .isPositive();
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

  private static double dropped(SimpleMeterRegistry registry) {
    var counter = registry.find("tributary.lineage.events.dropped").functionCounter();
    return Objects.isNull(counter) ? 0 : counter.count();
  }

  /**
   * The datasets of a run over all its events: a client that closes before the run's last one
   * leaves its last window to the next event, which a RUNNING snapshot may take before the terminal
   * one.
   */
  private static List<String> datasetsOfRun(List<RunEvent> events, boolean inputs) {
    List<String> out = new ArrayList<>();
    for (RunEvent e : events) {
      List<? extends OpenLineage.Dataset> datasets = inputs ? e.getInputs() : e.getOutputs();
      for (OpenLineage.Dataset d : datasets) {
        String key = d.getNamespace() + " " + d.getName();
        if (!out.contains(key)) {
          out.add(key);
        }
      }
    }
    return out;
  }
}
