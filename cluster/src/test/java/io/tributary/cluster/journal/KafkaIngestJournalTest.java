package io.tributary.cluster.journal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.tributary.catalog.ChangeFeed;
import io.tributary.catalog.janus.JanusCatalog;
import io.tributary.catalog.janus.JanusConfig;
import io.tributary.catalog.types.TypeRegistry;
import io.tributary.contract.IngestHeaders;
import io.tributary.contract.TenantId;
import io.tributary.ingest.Admission;
import io.tributary.ingest.GroupCommitter;
import io.tributary.ingest.IngestPipeline;
import io.tributary.ingest.IngestUnavailableException;
import io.tributary.ingest.KafkaLineageConsumer;
import io.tributary.openlineage.EventTranslator;
import io.tributary.openlineage.NamespaceResolver;
import io.tributary.testkit.events.LineageEvents;
import io.tributary.testkit.events.TestDataset;
import io.tributary.testkit.kafka.KafkaBroker;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CompletionException;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class KafkaIngestJournalTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  private KafkaBroker broker;
  private JanusCatalog catalog;
  private GroupCommitter committer;
  private IngestPipeline local;

  @BeforeEach
  void start() throws Exception {
    broker = KafkaBroker.start();
    broker.createTopic("ingest", 4);
    catalog = JanusCatalog.open(JanusConfig.inMemory(), TypeRegistry.builtIn(), new ChangeFeed());
    committer = GroupCommitter.start(catalog, GroupCommitter.Settings.defaults(), registry);
    local =
        IngestPipeline.builder()
            .translator(EventTranslator.create(NamespaceResolver.defaults()))
            .committer(committer)
            .meterRegistry(registry)
            .catalog(catalog)
            .build();
  }

  @AfterEach
  void stop() {
    committer.close();
    catalog.close();
    broker.close();
  }

  private KafkaIngestJournal journal(String bootstrap, Duration ackTimeout) {
    return new KafkaIngestJournal(
        new KafkaIngestJournal.Settings(bootstrap, "ingest", 1_000, ackTimeout));
  }

  private static JsonNode json(String text) {
    try {
      return JSON.readTree(text);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private IngestPipeline.Ingested accept(IngestPipeline pipeline, String tenant, String event) {
    return pipeline.ingest(Admission.open(new TenantId(tenant)), null, () -> json(event)).join();
  }

  private List<ConsumerRecord<String, String>> readAll(int expected) {
    Properties p = new Properties();
    p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
    p.put(ConsumerConfig.GROUP_ID_CONFIG, "reader");
    p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
    p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
    List<ConsumerRecord<String, String>> out = new ArrayList<>();
    try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(p)) {
      consumer.subscribe(List.of("ingest"));
      await()
          .atMost(Duration.ofSeconds(30))
          .until(
              () -> {
                consumer.poll(Duration.ofMillis(200)).forEach(out::add);
                return out.size() >= expected;
              });
    }
    return out;
  }

  @Test
  void anAcceptedEventIsJournaledKeyedByTenantAndJobWithItsTenantStamped() {
    LineageEvents job = LineageEvents.job("enrich").tenant("acme").output(TestDataset.topic("out"));
    try (KafkaIngestJournal journal = journal(broker.bootstrapServers(), Duration.ofSeconds(10))) {
      IngestPipeline accepting = local.withJournal(journal);

      IngestPipeline.Ingested start = accept(accepting, "acme", job.start().json());
      IngestPipeline.Ingested complete =
          accept(accepting, "acme", job.at("2026-03-01T10:05:00Z").complete().json());

      assertThat(start.position()).isNotNull();
      assertThat(complete.position().partition()).isEqualTo(start.position().partition());
      assertThat(complete.position().offset()).isGreaterThan(start.position().offset());
      assertThat(start.result().guids()).isEmpty();
      List<ConsumerRecord<String, String>> records = readAll(2);
      assertThat(records)
          .allSatisfy(
              r -> {
                assertThat(r.key()).isEqualTo("tenant:acme/job:streaming/enrich");
                assertThat(
                        new String(
                            r.headers().lastHeader(IngestHeaders.RECORD_TENANT).value(),
                            StandardCharsets.UTF_8))
                    .isEqualTo("acme");
              });
    }
  }

  @Test
  void journaledEventsAreAppliedByTheConsumerGroupWithoutChargingAgain() {
    LineageEvents job = LineageEvents.job("apply-me").output(TestDataset.topic("applied-topic"));
    Admission counting =
        new Admission() {
          int charged;

          @Override
          public TenantId homeTenant() {
            return TenantId.DEFAULT;
          }

          @Override
          public void checkWrite(TenantId tenant) {}

          @Override
          public void acquire(TenantId tenant, int events) {
            charged += events;
            if (charged > 1) {
              throw new IllegalStateException("charged twice");
            }
          }
        };
    KafkaLineageConsumer applier =
        KafkaLineageConsumer.start(
            KafkaLineageConsumer.Settings.of(broker.bootstrapServers(), "ingest", "servers"),
            local,
            new JournaledAdmission(TenantId.DEFAULT),
            registry);
    try (KafkaIngestJournal journal = journal(broker.bootstrapServers(), Duration.ofSeconds(10))) {
      IngestPipeline.Ingested accepted =
          local.withJournal(journal).ingest(counting, null, () -> json(job.start().json())).join();

      assertThat(accepted.position()).isNotNull();
      await().atMost(Duration.ofSeconds(30)).until(() -> catalog.count(TenantId.DEFAULT) > 0);
      assertThat(catalog.countByType(e -> true)).containsKey("kafka_topic");
    } finally {
      applier.close();
    }
  }

  @Test
  void anEventKafkaDoesNotAcknowledgeInTimeIsNotAccepted() {
    String nobody = "127.0.0.1:1";
    try (KafkaIngestJournal journal = journal(nobody, Duration.ofMillis(500))) {
      IngestPipeline accepting = local.withJournal(journal);
      String event = LineageEvents.job("lost").start().json();

      assertThatThrownBy(() -> accept(accepting, "default", event))
          .isInstanceOf(CompletionException.class)
          .hasCauseInstanceOf(IngestUnavailableException.class);
      assertThat(catalog.count(TenantId.DEFAULT)).isZero();
    }
  }

  @Test
  void theLocalJournalStillCommitsBeforeAnswering() {
    IngestPipeline.Ingested ingested =
        accept(local, "default", LineageEvents.job("local").start().json());

    assertThat(ingested.position()).isNull();
    assertThat(ingested.result().guids()).isNotEmpty();
    assertThat(Map.copyOf(catalog.countByType(e -> true))).isNotEmpty();
  }
}
