package io.tributary.emitters.kinesis;

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
import io.tributary.testkit.kafka.KafkaBroker;
import io.tributary.testkit.kinesis.KinesisLocal;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
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
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.kinesis.KinesisClient;
import software.amazon.awssdk.services.kinesis.model.GetRecordsResponse;
import software.amazon.awssdk.services.kinesis.model.PutRecordsRequestEntry;
import software.amazon.awssdk.services.kinesis.model.Record;
import software.amazon.awssdk.services.kinesis.model.ShardIteratorType;
import software.amazon.awssdk.services.kinesis.model.StreamStatus;

/** The Kinesis interceptor on a real Kinesis API server, and a Kinesis-to-Kafka bridge. */
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
      await()
          .atMost(Duration.ofSeconds(30))
          .until(
              () ->
                  List.of("orders", "clicks").stream()
                      .allMatch(
                          s ->
                              admin
                                      .describeStreamSummary(r -> r.streamName(s))
                                      .streamDescriptionSummary()
                                      .streamStatus()
                                  == StreamStatus.ACTIVE));
    }
  }

  @AfterAll
  static void stopServers() {
    kafka.close();
    kinesis.close();
  }

  private static KinesisClient client(TributaryKinesisInterceptor interceptor) {
    return KinesisClient.builder()
        .endpointOverride(kinesis.endpoint())
        .region(Region.of(KinesisLocal.REGION))
        .credentialsProvider(
            StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
        .overrideConfiguration(
            c -> {
              if (interceptor != null) {
                c.addExecutionInterceptor(interceptor);
              }
            })
        .build();
  }

  private static Map<String, Object> lineage(String job, Map<String, Object> extra) {
    Map<String, Object> config = new HashMap<>();
    config.put("openlineage.job.name", job);
    config.put("openlineage.namespace", "apps");
    config.put("openlineage.snapshot.interval.ms", "1000");
    config.put("openlineage.abort.on.jvm.exit", "false");
    config.put("openlineage.aws.account", KinesisLocal.ACCOUNT);
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
  void shouldEmitAWriterAndAKinesisToKafkaBridgeAsOneJobWithBothPlatforms(@TempDir Path dir)
      throws Exception {
    Path writerFile = dir.resolve("writer.jsonl");
    String namespace = "arn:aws:kinesis:" + KinesisLocal.REGION + ":" + KinesisLocal.ACCOUNT;
    try (LineageEndpoint endpoint = LineageEndpoint.start()) {
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
        for (int i = 0; i < 10; i++) {
          int n = i;
          writer.putRecord(
              r ->
                  r.streamName("orders")
                      .partitionKey("k" + n)
                      .data(SdkBytes.fromUtf8String("order-" + n)));
        }
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
                  GetRecordsResponse page =
                      reader.getRecords(r -> r.shardIterator(iterator.get()).limit(7));
                  for (Record record : page.records()) {
                    out.send(new ProducerRecord<>("orders-mirror", record.data().asUtf8String()));
                    copied.incrementAndGet();
                  }
                  iterator.set(page.nextShardIterator());
                  return copied.get() == 30;
                });
        out.flush();
        await()
            .atMost(Duration.ofSeconds(10))
            .until(
                () ->
                    rows(endpoint.events(), "stream/orders", true) == 30
                        && rows(endpoint.events(), "orders-mirror", false) == 30);
      }
      await()
          .atMost(Duration.ofSeconds(10))
          .until(
              () ->
                  endpoint.events().stream().anyMatch(e -> e.getEventType() == EventType.COMPLETE));

      List<RunEvent> written = EventFiles.events(writerFile);
      assertThat(written)
          .extracting(RunEvent::getEventType)
          .startsWith(EventType.START)
          .endsWith(EventType.COMPLETE);
      assertThat(written.get(written.size() - 1).getOutputs())
          .extracting(d -> d.getNamespace() + " " + d.getName())
          .containsExactly(namespace + " stream/orders");
      assertThat(rows(written, "stream/orders", false)).isEqualTo(30);

      List<RunEvent> bridged = endpoint.events();
      assertThat(bridged)
          .extracting(e -> e.getRun().getRunId())
          .containsOnly(bridged.get(0).getRun().getRunId());
      RunEvent last = bridged.get(bridged.size() - 1);
      assertThat(last.getEventType()).isEqualTo(EventType.COMPLETE);
      assertThat(datasetsOfRun(bridged, true)).containsExactly(namespace + " stream/orders");
      assertThat(datasetsOfRun(bridged, false))
          .containsExactly(KafkaNaming.namespace(kafka.bootstrapServers()) + " orders-mirror");
      assertThat(endpoint.tenantHeaders()).containsOnly("acme");

      List<String> all = new ArrayList<>(endpoint.bodies());
      all.addAll(EventFiles.lines(writerFile));
      assertThat(all).allSatisfy(json -> assertThat(SCHEMAS.violations(json)).isEmpty());
    }
  }

  @Test
  void shouldKeepWritingWhileTheEndpointIsDownAndRecoverWhenItReturns() throws Exception {
    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    try (LineageEndpoint endpoint = LineageEndpoint.start()) {
      endpoint.stop();
      Map<String, Object> config =
          lineage(
              "clicks-writer",
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
      AtomicInteger written = new AtomicInteger();
      try (TributaryKinesisInterceptor interceptor = new TributaryKinesisInterceptor(config);
          KinesisClient writer = client(interceptor)) {
        await()
            .atMost(Duration.ofSeconds(30))
            .until(
                () -> {
                  writer.putRecord(
                      r ->
                          r.streamName("clicks")
                              .partitionKey("c")
                              .data(SdkBytes.fromUtf8String("click")));
                  written.incrementAndGet();
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
      }
      await()
          .atMost(Duration.ofSeconds(10))
          .until(
              () ->
                  endpoint.events().stream().anyMatch(e -> e.getEventType() == EventType.COMPLETE));
      assertThat(rows(endpoint.events(), "stream/clicks", false))
          .isPositive()
          .isLessThanOrEqualTo(written.get());
      assertThat(endpoint.bodies())
          .allSatisfy(json -> assertThat(SCHEMAS.violations(json)).isEmpty());
      assertThat(registry.get("tributary.lineage.events.retries").functionCounter().count())
          .isPositive();
    }
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
