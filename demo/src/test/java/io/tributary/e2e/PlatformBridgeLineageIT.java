package io.tributary.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.tributary.emitters.kafka.TributaryConsumerInterceptor;
import io.tributary.emitters.kafka.TributaryProducerInterceptor;
import io.tributary.emitters.kinesis.TributaryKinesisInterceptor;
import io.tributary.testkit.RunningCatalog;
import io.tributary.testkit.kafka.KafkaBroker;
import io.tributary.testkit.kinesis.KinesisLocal;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.kinesis.KinesisClient;
import software.amazon.awssdk.services.kinesis.model.GetRecordsResponse;
import software.amazon.awssdk.services.kinesis.model.ShardIteratorType;
import software.amazon.awssdk.services.kinesis.model.StreamStatus;

/**
 * A Kinesis writer, a Kinesis-to-Kafka bridge and a Kafka reader, on a real Kinesis API server
 * (kinesis-local) and a real broker, emitting to a running catalog: the stream, the bridge and the
 * topic are one lineage graph there.
 */
class PlatformBridgeLineageIT {
  private static final String NAMESPACE = "bridges";

  private static KinesisClient kinesis(KinesisLocal server, TributaryKinesisInterceptor lineage) {
    return KinesisClient.builder()
        .endpointOverride(server.endpoint())
        .region(Region.of(KinesisLocal.REGION))
        .credentialsProvider(
            StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
        .overrideConfiguration(c -> c.addExecutionInterceptor(lineage))
        .build();
  }

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
  void shouldJoinAKinesisStreamThroughABridgeToAKafkaTopicAndItsReader(@TempDir Path dir)
      throws Exception {
    try (KinesisLocal server = KinesisLocal.start("orders");
        KafkaBroker kafka = KafkaBroker.start();
        RunningCatalog catalog = RunningCatalog.start(dir.resolve("catalog"), Map.of())) {
      kafka.createTopics(1, "orders-mirror");
      CatalogApi api = new CatalogApi(catalog.uri());

      try (TributaryKinesisInterceptor writerLineage =
              new TributaryKinesisInterceptor(kinesisLineage(catalog, "orders-writer"));
          KinesisClient writer = kinesis(server, writerLineage)) {
        await()
            .atMost(Duration.ofSeconds(30))
            .until(
                () ->
                    writer
                            .describeStreamSummary(r -> r.streamName("orders"))
                            .streamDescriptionSummary()
                            .streamStatus()
                        == StreamStatus.ACTIVE);
        for (int i = 0; i < 20; i++) {
          int n = i;
          writer.putRecord(
              r ->
                  r.streamName("orders")
                      .partitionKey("k" + n)
                      .data(SdkBytes.fromUtf8String("order-" + n)));
        }
      }

      Map<String, Object> bridge = kinesisLineage(catalog, "orders-mirror");
      Map<String, Object> kafkaOut = new HashMap<>(kafka.clientConfig());
      kafkaOut.putAll(lineage(catalog, "orders-mirror"));
      kafkaOut.put("key.serializer", StringSerializer.class);
      kafkaOut.put("value.serializer", StringSerializer.class);
      kafkaOut.put("interceptor.classes", TributaryProducerInterceptor.class.getName());
      try (TributaryKinesisInterceptor bridgeLineage = new TributaryKinesisInterceptor(bridge);
          KinesisClient reader = kinesis(server, bridgeLineage);
          KafkaProducer<String, String> out = new KafkaProducer<>(kafkaOut)) {
        String shard = reader.listShards(r -> r.streamName("orders")).shards().get(0).shardId();
        AtomicReference<String> iterator =
            new AtomicReference<>(
                reader
                    .getShardIterator(
                        r ->
                            r.streamName("orders")
                                .shardId(shard)
                                .shardIteratorType(ShardIteratorType.TRIM_HORIZON))
                    .shardIterator());
        AtomicInteger copied = new AtomicInteger();
        await()
            .atMost(Duration.ofSeconds(30))
            .until(
                () -> {
                  GetRecordsResponse page = reader.getRecords(r -> r.shardIterator(iterator.get()));
                  page.records()
                      .forEach(
                          r -> {
                            out.send(
                                new ProducerRecord<>("orders-mirror", r.data().asUtf8String()));
                            copied.incrementAndGet();
                          });
                  iterator.set(page.nextShardIterator());
                  return copied.get() == 20;
                });
        out.flush();
      }

      Map<String, Object> kafkaIn = new HashMap<>(kafka.clientConfig());
      kafkaIn.putAll(lineage(catalog, "mirror-reader"));
      kafkaIn.put("key.deserializer", StringDeserializer.class);
      kafkaIn.put("value.deserializer", StringDeserializer.class);
      kafkaIn.put("group.id", "mirror-reader");
      kafkaIn.put("auto.offset.reset", "earliest");
      kafkaIn.put("interceptor.classes", TributaryConsumerInterceptor.class.getName());
      try (KafkaConsumer<String, String> in = new KafkaConsumer<>(kafkaIn)) {
        in.subscribe(List.of("orders-mirror"));
        AtomicInteger read = new AtomicInteger();
        await()
            .atMost(Duration.ofSeconds(30))
            .until(() -> read.addAndGet(in.poll(Duration.ofMillis(200)).count()) >= 20);
      }

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
              "openlineage_job mirror-reader");
      assertThat(api.entity("openlineage_job", NAMESPACE + "/orders-mirror")).isPresent();
      assertThat(api.entities("kinesis_stream")).hasSize(1);
      assertThat(api.entities("openlineage_dataset")).isEmpty();
      // The server validates every event against the OpenLineage schemas: none was refused.
      assertThat(api.lineagePostsByStatus()).containsOnlyKeys("201");
    }
  }
}
