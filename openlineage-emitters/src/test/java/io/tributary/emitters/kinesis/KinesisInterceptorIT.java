package io.tributary.emitters.kinesis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.openlineage.client.OpenLineage.RunEvent;
import io.openlineage.client.OpenLineage.RunEvent.EventType;
import io.tributary.emitters.kafka.KafkaNaming;
import io.tributary.emitters.kafka.TributaryProducerInterceptor;
import io.tributary.emitters.testing.ClientLineage;
import io.tributary.emitters.testing.EndpointOutage;
import io.tributary.emitters.testing.EventFiles;
import io.tributary.emitters.testing.KinesisStreams;
import io.tributary.emitters.testing.LineageEndpoint;
import io.tributary.emitters.testing.OpenLineageSchemas;
import io.tributary.emitters.testing.RunAssertions;
import io.tributary.emitters.testing.RunEvents;
import io.tributary.testkit.kafka.KafkaBroker;
import io.tributary.testkit.kinesis.KinesisLocal;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.http.Protocol;
import software.amazon.awssdk.http.SdkHttpConfigurationOption;
import software.amazon.awssdk.http.async.SdkAsyncHttpClient;
import software.amazon.awssdk.http.nio.netty.NettyNioAsyncHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.kinesis.KinesisAsyncClient;
import software.amazon.awssdk.services.kinesis.KinesisClient;
import software.amazon.awssdk.services.kinesis.model.ConsumerStatus;
import software.amazon.awssdk.services.kinesis.model.PutRecordsRequestEntry;
import software.amazon.awssdk.services.kinesis.model.Record;
import software.amazon.awssdk.services.kinesis.model.ShardIteratorType;
import software.amazon.awssdk.services.kinesis.model.SubscribeToShardEvent;
import software.amazon.awssdk.services.kinesis.model.SubscribeToShardResponseHandler;
import software.amazon.awssdk.utils.AttributeMap;

/**
 * The Kinesis interceptor on a real Kinesis API server (PutRecord(s), GetRecords, and an enhanced
 * fan-out subscription over HTTP/2), and a Kinesis-to-Kafka bridge.
 */
class KinesisInterceptorIT {
  private static final OpenLineageSchemas SCHEMAS = new OpenLineageSchemas();
  private static KinesisLocal kinesis;
  private static KafkaBroker kafka;

  @BeforeAll
  static void startServers() throws Exception {
    kinesis = KinesisLocal.start("orders", "clicks");
    kafka = KafkaBroker.start();
    kafka.createTopics(1, "orders-mirror");
    try (KinesisClient admin = client(null)) {
      KinesisStreams.awaitActive(admin, "orders", "clicks");
    }
  }

  @AfterAll
  static void stopServers() {
    kafka.close();
    kinesis.close();
  }

  private static KinesisClient client(TributaryKinesisInterceptor interceptor) {
    return KinesisStreams.client(kinesis, interceptor);
  }

  private static Map<String, Object> lineage(String job, Map<String, Object> extra) {
    Map<String, Object> config = ClientLineage.config(job, Map.of());
    config.put("openlineage.aws.account", KinesisLocal.ACCOUNT);
    config.putAll(extra);
    return config;
  }

  @Test
  void shouldEmitAWriterAndAKinesisToKafkaBridgeAsOneJobWithBothPlatforms(@TempDir Path dir)
      throws Exception {
    Path writerFile = dir.resolve("writer.jsonl");
    String namespace = "arn:aws:kinesis:" + KinesisLocal.REGION + ":" + KinesisLocal.ACCOUNT;
    try (LineageEndpoint endpoint = LineageEndpoint.start()) {
      Map<String, Object> toHttp = ClientLineage.http(endpoint, "acme");

      try (TributaryKinesisInterceptor writerLineage =
              new TributaryKinesisInterceptor(
                  lineage(
                      "orders-writer",
                      Map.of(
                          "openlineage.transport.type",
                          "file",
                          "openlineage.transport.location",
                          writerFile.toString())));
          KinesisClient writer = client(writerLineage)) {
        KinesisStreams.putEach(writer, "orders", "order", 0, 10);
        List<PutRecordsRequestEntry> batch = new ArrayList<>();
        for (int i = 10; i < 30; i++) {
          batch.add(
              PutRecordsRequestEntry.builder()
                  .partitionKey("k" + i)
                  .data(SdkBytes.fromUtf8String("order-" + i))
                  .build());
        }
        writer.putRecords(r -> r.streamARN(KinesisLocal.arn("orders")).records(batch));
      }

      Map<String, Object> bridgeConfig = lineage("orders-mirror", toHttp);
      Map<String, Object> kafkaConfig = new HashMap<>(kafka.clientConfig());
      kafkaConfig.put("key.serializer", StringSerializer.class);
      kafkaConfig.put("value.serializer", StringSerializer.class);
      kafkaConfig.put("interceptor.classes", TributaryProducerInterceptor.class.getName());
      bridgeConfig.forEach(
          (k, v) -> {
            if (k.startsWith("openlineage.") && !k.equals("openlineage.aws.account")) {
              kafkaConfig.put(k, v);
            }
          });
      try (TributaryKinesisInterceptor bridgeLineage =
              new TributaryKinesisInterceptor(bridgeConfig);
          KinesisClient reader = client(bridgeLineage);
          KafkaProducer<String, String> out = new KafkaProducer<>(kafkaConfig)) {
        KinesisStreams.readFromStart(
            reader,
            "orders",
            30,
            record ->
                out.send(new ProducerRecord<>("orders-mirror", record.data().asUtf8String())));
        out.flush();
        await()
            .atMost(Duration.ofSeconds(10))
            .until(
                () ->
                    RunEvents.rows(endpoint.events(), "stream/orders", true) == 30
                        && RunEvents.rows(endpoint.events(), "orders-mirror", false) == 30);
      }
      RunAssertions.awaitComplete(endpoint);
      RunAssertions.assertWriterRun(writerFile, namespace, "stream/orders", 30);

      List<RunEvent> bridged = endpoint.events();
      RunAssertions.assertBridgeRun(
          bridged,
          namespace + " stream/orders",
          KafkaNaming.namespace(kafka.bootstrapServers()) + " orders-mirror");
      RunAssertions.assertTenantAndSchemas(endpoint, "acme", writerFile);
    }
  }

  @Test
  void shouldKeepWritingWhileTheEndpointIsDownAndRecoverWhenItReturns() throws Exception {
    try (EndpointOutage outage = EndpointOutage.begin()) {
      AtomicInteger written = new AtomicInteger();
      try (TributaryKinesisInterceptor interceptor =
              new TributaryKinesisInterceptor(lineage("clicks-writer", outage.lineageConfig()));
          KinesisClient writer = client(interceptor)) {
        outage.writeUntilDropped(
            () -> {
              writer.putRecord(
                  r ->
                      r.streamName("clicks")
                          .partitionKey("c")
                          .data(SdkBytes.fromUtf8String("click")));
              return written.incrementAndGet();
            });
        outage.restoreAndAwaitSnapshot();
      }
      outage.assertRecovered("stream/clicks", written.get());
    }
  }

  @Test
  void shouldTakeTheStreamOfAnEnhancedFanOutSubscriptionAsAnInput(@TempDir Path dir)
      throws Exception {
    Path file = dir.resolve("fan-out.jsonl");
    String consumerArn;
    String shard;
    try (KinesisClient admin = client(null)) {
      admin.putRecord(
          r -> r.streamName("clicks").partitionKey("f").data(SdkBytes.fromUtf8String("fan-out")));
      consumerArn =
          admin
              .registerStreamConsumer(
                  r -> r.streamARN(KinesisLocal.arn("clicks")).consumerName("audit"))
              .consumer()
              .consumerARN();
      await()
          .atMost(Duration.ofSeconds(30))
          .until(
              () ->
                  admin
                          .describeStreamConsumer(r -> r.consumerARN(consumerArn))
                          .consumerDescription()
                          .consumerStatus()
                      == ConsumerStatus.ACTIVE);
      shard = admin.listShards(r -> r.streamName("clicks")).shards().get(0).shardId();
    }
    List<Record> received = new CopyOnWriteArrayList<>();
    Map<String, Object> config =
        lineage(
            "fan-out",
            Map.of(
                "openlineage.transport.type",
                "file",
                "openlineage.transport.location",
                file.toString()));
    // SubscribeToShard is an HTTP/2 event stream: the real async client on the server's TLS port.
    try (TributaryKinesisInterceptor interceptor = new TributaryKinesisInterceptor(config);
        SdkAsyncHttpClient http =
            NettyNioAsyncHttpClient.builder()
                .protocol(Protocol.HTTP2)
                .buildWithDefaults(
                    AttributeMap.builder()
                        .put(SdkHttpConfigurationOption.TRUST_ALL_CERTIFICATES, Boolean.TRUE)
                        .build());
        KinesisAsyncClient reader =
            KinesisAsyncClient.builder()
                .endpointOverride(kinesis.tlsEndpoint())
                .region(Region.of(KinesisLocal.REGION))
                .credentialsProvider(
                    StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
                .httpClient(http)
                .overrideConfiguration(c -> c.addExecutionInterceptor(interceptor))
                .build()) {
      CompletableFuture<Void> subscription =
          reader.subscribeToShard(
              r ->
                  r.consumerARN(consumerArn)
                      .shardId(shard)
                      .startingPosition(p -> p.type(ShardIteratorType.TRIM_HORIZON)),
              SubscribeToShardResponseHandler.builder()
                  .subscriber(
                      event -> {
                        if (event instanceof SubscribeToShardEvent records) {
                          received.addAll(records.records());
                        }
                      })
                  .build());
      // kinesis-local (0.6.2) registers consumers but closes SubscribeToShard's HTTP/2 connection
      // before the protocol is negotiated (with ALPN or with prior knowledge), so no event arrives
      // here. The interceptor takes the stream from the request, before any event, as it does
      // with the service; a server that streams the events is counted the same.
      await()
          .atMost(Duration.ofSeconds(30))
          .until(() -> !received.isEmpty() || subscription.isDone());
      subscription.cancel(true);
    }

    List<RunEvent> events = EventFiles.events(file);
    RunEvent complete = events.get(events.size() - 1);
    assertThat(complete.getEventType()).isEqualTo(EventType.COMPLETE);
    assertThat(RunEvents.datasetsOfRun(events, true))
        .containsExactly(
            "arn:aws:kinesis:"
                + KinesisLocal.REGION
                + ":"
                + KinesisLocal.ACCOUNT
                + " stream/clicks");
    assertThat(EventFiles.lines(file))
        .allSatisfy(json -> assertThat(SCHEMAS.violations(json)).isEmpty());
  }

  @Test
  void shouldLetTheClientRunWithoutLineageWhenTheLineageConfigurationIsInvalid() {
    Map<String, Object> invalid = lineage("misconfigured", Map.of("openlineage.aws.account", "x"));
    try (TributaryKinesisInterceptor interceptor = new TributaryKinesisInterceptor(invalid);
        KinesisClient writer = client(interceptor)) {
      var result =
          writer.putRecord(
              r -> r.streamName("clicks").partitionKey("k").data(SdkBytes.fromUtf8String("v")));

      assertThat(result.sequenceNumber()).isNotBlank();
    }
  }
}
