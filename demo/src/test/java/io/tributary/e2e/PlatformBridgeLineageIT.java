package io.tributary.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.tributary.emitters.kafka.TributaryProducerInterceptor;
import io.tributary.emitters.kinesis.TributaryKinesisInterceptor;
import io.tributary.emitters.kinesis.TributaryShardRecordProcessorFactory;
import io.tributary.emitters.testing.KclWorker;
import io.tributary.emitters.testing.KinesisStreams;
import io.tributary.testkit.RunningCatalog;
import io.tributary.testkit.kafka.KafkaBroker;
import io.tributary.testkit.kinesis.Dynalite;
import io.tributary.testkit.kinesis.KinesisLocal;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.kinesis.KinesisClient;

/**
 * A Kinesis writer, a Kinesis Client Library application, a Kinesis-to-Kafka bridge and a Kafka
 * reader, on a real Kinesis API server (kinesis-local), a real DynamoDB API server (dynalite, the
 * KCL's leases) and a real broker, emitting to a running catalog: the stream, its readers, the
 * bridge and the topic are one lineage graph there.
 */
class PlatformBridgeLineageIT {
  private static final String NAMESPACE = "bridges";
  private static final int RECORDS = 20;

  private static Map<String, Object> lineage(RunningCatalog catalog, String job) {
    Map<String, Object> config = new HashMap<>();
    config.put("openlineage.job.name", job);
    config.put("openlineage.namespace", NAMESPACE);
    config.put("openlineage.snapshot.interval.ms", "1000");
    config.put("openlineage.abort.on.jvm.exit", "false");
    config.put("openlineage.transport.type", "http");
    config.put("openlineage.transport.url", catalog.uri().toString().replaceAll("/+$", ""));
    config.put("openlineage.transport.endpoint", "/api/v1/lineage");
    return config;
  }

  private static Map<String, Object> kinesisLineage(RunningCatalog catalog, String job) {
    Map<String, Object> config = lineage(catalog, job);
    config.put("openlineage.aws.account", KinesisLocal.ACCOUNT);
    return config;
  }

  @Test
  @SuppressWarnings("try") // The KCL worker runs while the test waits; closing it shuts it down.
  void shouldJoinAKinesisStreamToItsKclReaderAndThroughABridgeToAKafkaTopicAndItsReader(
      @TempDir Path dir) throws Exception {
    try (KinesisLocal server = KinesisLocal.start("orders");
        Dynalite dynamo = Dynalite.start();
        KafkaBroker kafka = KafkaBroker.start();
        RunningCatalog catalog = RunningCatalog.start(dir.resolve("catalog"), Map.of())) {
      kafka.createTopics(1, "orders-mirror");
      CatalogApi api = new CatalogApi(catalog.uri());

      try (TributaryKinesisInterceptor writerLineage =
              new TributaryKinesisInterceptor(kinesisLineage(catalog, "orders-writer"));
          KinesisClient writer = KinesisStreams.client(server, writerLineage)) {
        KinesisStreams.awaitActive(writer, "orders");
        KinesisStreams.putEach(writer, "orders", "order", 0, RECORDS);
      }

      // A Kinesis Client Library application reading the stream, its leases in DynamoDB.
      AtomicInteger received = new AtomicInteger();
      try (TributaryShardRecordProcessorFactory ledger =
          new TributaryShardRecordProcessorFactory(
              KclWorker.counting(received),
              "orders",
              KinesisLocal.REGION,
              kinesisLineage(catalog, "orders-ledger"))) {
        try (KclWorker worker =
            KclWorker.start(server, dynamo, "orders", "orders-ledger", ledger)) {
          await().atMost(Duration.ofSeconds(90)).until(() -> received.get() == RECORDS);
        }
      }

      Map<String, Object> bridge = kinesisLineage(catalog, "orders-mirror");
      Map<String, Object> kafkaOut = new HashMap<>(kafka.clientConfig());
      kafkaOut.putAll(lineage(catalog, "orders-mirror"));
      kafkaOut.put("key.serializer", StringSerializer.class);
      kafkaOut.put("value.serializer", StringSerializer.class);
      kafkaOut.put("interceptor.classes", TributaryProducerInterceptor.class.getName());
      try (TributaryKinesisInterceptor bridgeLineage = new TributaryKinesisInterceptor(bridge);
          KinesisClient reader = KinesisStreams.client(server, bridgeLineage);
          KafkaProducer<String, String> out = new KafkaProducer<>(kafkaOut)) {
        KinesisStreams.readFromStart(
            reader,
            "orders",
            RECORDS,
            r -> out.send(new ProducerRecord<>("orders-mirror", r.data().asUtf8String())));
        out.flush();
      }

      KafkaReader.read(
          kafka, lineage(catalog, "mirror-reader"), "orders-mirror", "mirror-reader", RECORDS);

      // Every client is closed: its terminal event was accepted (201) before close returned.
      String stream = "orders@" + KinesisLocal.REGION + ":" + KinesisLocal.ACCOUNT;
      JsonNode kinesisStream = api.entity("kinesis_stream", stream).orElseThrow();
      JsonNode lineage = api.lineage(kinesisStream.path("guid").asText(), "DOWNSTREAM", 10);
      List<String> nodes = new ArrayList<>();
      lineage
          .path("nodes")
          .forEach(n -> nodes.add(n.path("typeName").asText() + " " + n.path("name").asText()));
      assertThat(nodes)
          .as("downstream of the Kinesis stream")
          .contains(
              "kinesis_stream stream/orders",
              "openlineage_job orders-mirror",
              "kafka_topic orders-mirror",
              "openlineage_job mirror-reader",
              "openlineage_job orders-ledger");
      assertThat(api.entity("openlineage_job", NAMESPACE + "/orders-mirror")).isPresent();
      assertThat(api.entities("kinesis_stream")).hasSize(1);
      assertThat(api.entities("openlineage_dataset")).isEmpty();
      // The server validates every event against the OpenLineage schemas: none was refused.
      assertThat(api.lineagePostsByStatus()).containsOnlyKeys("201");
    }
  }
}
