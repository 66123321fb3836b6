package io.tributary.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.openlineage.client.OpenLineage;
import io.openlineage.client.OpenLineageClient;
import io.openlineage.client.OpenLineageClientUtils;
import io.openlineage.client.transports.KafkaConfig;
import io.openlineage.client.transports.KafkaTransport;
import io.tributary.catalog.Catalog;
import io.tributary.catalog.ChangeFeed;
import io.tributary.catalog.Direction;
import io.tributary.catalog.Entity;
import io.tributary.catalog.EntityKey;
import io.tributary.catalog.LineageLevel;
import io.tributary.catalog.LineageQuery;
import io.tributary.catalog.MutationResult;
import io.tributary.catalog.Types;
import io.tributary.catalog.Visibility;
import io.tributary.catalog.janus.JanusCatalog;
import io.tributary.catalog.janus.JanusConfig;
import io.tributary.catalog.types.TypeRegistry;
import io.tributary.contract.IngestHeaders;
import io.tributary.contract.TenantId;
import io.tributary.openlineage.EventTranslator;
import io.tributary.openlineage.NamespaceResolver;
import io.tributary.testkit.kafka.KafkaBroker;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A real KRaft broker, events written by openlineage-java's own Kafka transport, a real JanusGraph
 * catalog: at-least-once ingestion with offsets committed only after the catalog commit.
 */
class KafkaLineageConsumerIT {
  private static final Duration WAIT = Duration.ofSeconds(60);
  private static final String KAFKA = "kafka://broker:9092";
  private static final OpenLineage OL =
      new OpenLineage(URI.create("https://github.com/tributary/tests"));
  private static KafkaBroker cluster;

  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  private final EventTranslator translator = EventTranslator.create(NamespaceResolver.defaults());
  private final List<AutoCloseable> closeLast = new ArrayList<>();
  private JanusCatalog catalog;

  @BeforeAll
  static void startBroker() throws Exception {
    cluster = KafkaBroker.start();
  }

  @AfterAll
  static void stopBroker() throws Exception {
    cluster.close();
  }

  @BeforeEach
  void openCatalog() {
    catalog = JanusCatalog.open(JanusConfig.inMemory(), TypeRegistry.builtIn(), new ChangeFeed());
  }

  @AfterEach
  void close() throws Exception {
    for (int i = closeLast.size() - 1; i >= 0; i--) {
      closeLast.get(i).close();
    }
    catalog.close();
  }

  @Test
  void shouldIngestEventsOfTheOpenLineageKafkaTransportAndCommitOffsetsAfterTheCatalog()
      throws Exception {
    String topic = createTopic("ol-transport", 2);
    UUID run = UUID.nameUUIDFromBytes("kafka-run".getBytes(StandardCharsets.UTF_8));
    emitThroughKafkaTransport(
        topic,
        event(
            OpenLineage.RunEvent.EventType.START, run, "orders-enricher", "orders", "enriched", 0),
        event(
            OpenLineage.RunEvent.EventType.RUNNING,
            run,
            "orders-enricher",
            "orders",
            "enriched",
            60),
        event(
            OpenLineage.RunEvent.EventType.COMPLETE,
            run,
            "orders-enricher",
            "orders",
            "enriched",
            120));

    consume(catalog, topic, "group-transport", null);

    await().atMost(WAIT).until(() -> committedOffsets("group-transport", topic) == 3);
    Entity orders = topicEntity("orders").orElseThrow();
    var lineage =
        catalog.lineage(
            new LineageQuery(orders.guid(), Direction.DOWNSTREAM, 2, LineageLevel.DATASET),
            Visibility.all());
    assertThat(lineage.entities().values())
        .extracting(Entity::qualifiedName)
        .contains("enriched@broker:9092", "streaming/orders-enricher");
    assertThat(counter("ingested", topic)).isEqualTo(3);
  }

  @Test
  void shouldSkipCountAndDeadLetterInvalidRecordsWithoutBlockingThePartition() throws Exception {
    String topic = createTopic("ol-invalid", 1);
    String deadLetters = createTopic("ol-invalid-dlq", 1);
    String broken =
        json(event(OpenLineage.RunEvent.EventType.START, uuid("b"), "broken", "b-in", "b-out", 0))
            .replace(uuid("b").toString(), "not-a-uuid");
    produce(
        topic,
        json(
            event(
                OpenLineage.RunEvent.EventType.START,
                uuid("1"),
                "first",
                "first-in",
                "first-out",
                0)),
        "this is not JSON",
        broken,
        json(
            event(
                OpenLineage.RunEvent.EventType.START,
                uuid("2"),
                "after",
                "after-in",
                "after-out",
                0)));

    consume(catalog, topic, "group-invalid", deadLetters);

    await().atMost(WAIT).until(() -> committedOffsets("group-invalid", topic) == 4);
    assertThat(topicEntity("first-in")).isPresent();
    assertThat(topicEntity("after-out")).isPresent();
    assertThat(topicEntity("b-in")).isEmpty();
    assertThat(counter("invalid", topic)).isEqualTo(2);
    assertThat(counter("ingested", topic)).isEqualTo(2);
    List<ConsumerRecord<String, String>> dead = readAll(deadLetters, 2);
    assertThat(dead).extracting(ConsumerRecord::value).containsExactly("this is not JSON", broken);
    String reason =
        new String(
            dead.get(1).headers().lastHeader("tributary.error").value(), StandardCharsets.UTF_8);
    assertThat(reason).contains("/run/runId");
    assertThat(dead.get(1).headers().lastHeader("tributary.source.offset").value())
        .asString(StandardCharsets.UTF_8)
        .isEqualTo("2");
  }

  @Test
  void shouldDeadLetterRecordsOverALimitOrNamingTwoTenantsWithTheReason() throws Exception {
    String topic = createTopic("ol-limits", 1);
    String deadLetters = createTopic("ol-limits-dlq", 1);
    OpenLineage.RunEvent base =
        event(OpenLineage.RunEvent.EventType.START, uuid("w"), "wide", "w-in", "w-out", 0);
    OpenLineage.RunEvent wide =
        OL.newRunEventBuilder()
            .eventType(base.getEventType())
            .eventTime(base.getEventTime())
            .run(base.getRun())
            .job(base.getJob())
            .inputs(
                List.of(
                    OL.newInputDatasetBuilder().namespace(KAFKA).name("w-in-1").build(),
                    OL.newInputDatasetBuilder().namespace(KAFKA).name("w-in-2").build()))
            .outputs(base.getOutputs())
            .build();
    String narrow =
        json(event(OpenLineage.RunEvent.EventType.START, uuid("n"), "narrow", "n-in", "n-out", 0));
    try (KafkaProducer<String, String> producer =
        new KafkaProducer<>(clientProperties(), new StringSerializer(), new StringSerializer())) {
      producer.send(new ProducerRecord<>(topic, "run:streaming/wide", json(wide))).get();
      ProducerRecord<String, String> twoTenants =
          new ProducerRecord<>(topic, "tenant:globex/narrow", narrow);
      twoTenants
          .headers()
          .add(IngestHeaders.RECORD_TENANT, "acme".getBytes(StandardCharsets.UTF_8));
      producer.send(twoTenants).get();
      producer.send(new ProducerRecord<>(topic, "run:streaming/narrow", narrow)).get();
    }
    GroupCommitter committer =
        GroupCommitter.start(catalog, GroupCommitter.Settings.defaults(), registry);
    closeLast.add(committer);
    closeLast.add(
        start(
            settings(topic, "group-limits", deadLetters),
            committer,
            registry,
            new EventLimits(2, 100, 100, 1 << 20)));

    await().atMost(WAIT).until(() -> committedOffsets("group-limits", topic) == 3);
    assertThat(topicEntity("n-out")).isPresent();
    assertThat(topicEntity("w-in-1")).isEmpty();
    List<ConsumerRecord<String, String>> dead = readAll(deadLetters, 2);
    assertThat(dead).hasSize(2);
    assertThat(header(dead.get(0), IngestHeaders.DEAD_LETTER_ERROR))
        .contains("3 datasets")
        .contains(EventLimit.DATASETS.key());
    assertThat(header(dead.get(0), IngestHeaders.DEAD_LETTER_LIMIT))
        .isEqualTo(EventLimit.DATASETS.key());
    assertThat(header(dead.get(1), IngestHeaders.DEAD_LETTER_ERROR))
        .contains("globex")
        .contains("acme");
    assertThat(
            registry
                .get("tributary.ingest.events.over.limit")
                .tag("limit", "datasets")
                .counter()
                .count())
        .isEqualTo(1);
  }

  private static String header(ConsumerRecord<String, String> record, String name) {
    return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
  }

  @Test
  void shouldReadAgainRecordsStoppedBetweenTheCatalogCommitAndTheOffsetCommitWithoutDuplicates()
      throws Exception {
    String topic = createTopic("ol-redelivery", 1);
    produce(
        topic,
        json(
            event(
                OpenLineage.RunEvent.EventType.START, uuid("r1"), "redo-1", "redo-a", "redo-b", 0)),
        json(
            event(
                OpenLineage.RunEvent.EventType.START,
                uuid("r2"),
                "redo-2",
                "redo-b",
                "redo-c",
                0)));
    stopAfterTheCatalogCommit(topic, "group-redelivery");
    Map<String, Long> countsAfterFirst = catalog.countByType(Visibility.all());
    assertThat(topicEntity("redo-a")).isPresent();
    assertThat(committedOffsets("group-redelivery", topic)).isZero();

    SimpleMeterRegistry secondRegistry = new SimpleMeterRegistry();
    GroupCommitter committer =
        GroupCommitter.start(catalog, GroupCommitter.Settings.defaults(), secondRegistry);
    closeLast.add(committer);
    closeLast.add(start(settings(topic, "group-redelivery", null), committer, secondRegistry));

    await().atMost(WAIT).until(() -> committedOffsets("group-redelivery", topic) == 2);
    assertThat(
            secondRegistry
                .get("tributary.kafka.records.consumed")
                .tag("topic", topic)
                .counter()
                .count())
        .as("records delivered again")
        .isGreaterThanOrEqualTo(2);
    assertThat(catalog.countByType(Visibility.all())).isEqualTo(countsAfterFirst);
    assertThat(topicEntity("redo-c")).isPresent();
  }

  @Test
  void shouldHandTheRecordsANewOwnerReappliesToTheClusterAndFlushBeforeCommittingOffsets()
      throws Exception {
    String topic = createTopic("ol-handoff", 1);
    produce(
        topic,
        json(
            event(
                OpenLineage.RunEvent.EventType.START, uuid("h1"), "hand-1", "hand-a", "hand-b", 0)),
        json(
            event(
                OpenLineage.RunEvent.EventType.START, uuid("h2"), "hand-2", "hand-b", "hand-c", 0)),
        json(
            event(
                OpenLineage.RunEvent.EventType.START,
                uuid("h3"),
                "hand-3",
                "hand-c",
                "hand-d",
                0)));
    // As if killed after the catalog commit: its changes may never have reached the log.
    stopAfterTheCatalogCommit(topic, "group-handoff");

    List<MutationResult> replayed = new java.util.concurrent.CopyOnWriteArrayList<>();
    List<Long> committedAtFlush = new java.util.concurrent.CopyOnWriteArrayList<>();
    KafkaLineageConsumer.Handoff handoff =
        new KafkaLineageConsumer.Handoff(
            () -> {
              try {
                committedAtFlush.add(committedOffsets("group-handoff", topic));
              } catch (Exception e) {
                throw new IllegalStateException(e);
              }
            },
            replayed::add,
            2);
    SimpleMeterRegistry secondRegistry = new SimpleMeterRegistry();
    GroupCommitter committer =
        GroupCommitter.start(catalog, GroupCommitter.Settings.defaults(), secondRegistry);
    closeLast.add(committer);
    IngestPipeline pipeline =
        IngestPipeline.builder()
            .translator(translator)
            .committer(committer)
            .limits(EventLimits.DEFAULTS)
            .meterRegistry(secondRegistry)
            .build();
    closeLast.add(
        KafkaLineageConsumer.start(
            settings(topic, "group-handoff", null),
            pipeline,
            Admission.open(TenantId.DEFAULT),
            secondRegistry,
            handoff));

    await().atMost(WAIT).until(() -> committedOffsets("group-handoff", topic) == 3);
    assertThat(replayed).as("the first two records of the partition, announced again").hasSize(2);
    assertThat(replayed.stream().flatMap(r -> r.guids().keySet().stream()))
        .extracting(EntityKey::qualifiedName)
        .anyMatch(n -> n.contains("hand-a"))
        .noneMatch(n -> n.contains("hand-d"));
    assertThat(committedAtFlush).isNotEmpty().first().isEqualTo(0L);
  }

  /**
   * Runs a consumer of {@code group} until its first batch is committed to the catalog, and stops
   * it there, before it commits its offsets.
   */
  private void stopAfterTheCatalogCommit(String topic, String group) throws Exception {
    HoldingCatalog holding = new HoldingCatalog(catalog);
    GroupCommitter heldCommitter =
        GroupCommitter.start(holding, GroupCommitter.Settings.defaults(), registry);
    KafkaLineageConsumer first = start(settings(topic, group, null), heldCommitter, registry);
    assertThat(holding.committed.await(WAIT.toSeconds(), java.util.concurrent.TimeUnit.SECONDS))
        .isTrue();
    first.close();
    holding.release();
    heldCommitter.close();
  }

  private KafkaLineageConsumer.Settings settings(String topic, String group, String deadLetters) {
    return new KafkaLineageConsumer.Settings(
        cluster.bootstrapServers(), topic, group, deadLetters, Duration.ofMillis(200), Map.of());
  }

  private void consume(Catalog target, String topic, String group, String deadLetters) {
    GroupCommitter committer =
        GroupCommitter.start(target, GroupCommitter.Settings.defaults(), registry);
    closeLast.add(committer);
    closeLast.add(start(settings(topic, group, deadLetters), committer, registry));
  }

  private KafkaLineageConsumer start(
      KafkaLineageConsumer.Settings settings, GroupCommitter committer, MeterRegistry meters) {
    return start(settings, committer, meters, EventLimits.DEFAULTS);
  }

  private KafkaLineageConsumer start(
      KafkaLineageConsumer.Settings settings,
      GroupCommitter committer,
      MeterRegistry meters,
      EventLimits limits) {
    IngestPipeline pipeline =
        IngestPipeline.builder()
            .translator(translator)
            .committer(committer)
            .limits(limits)
            .meterRegistry(meters)
            .build();
    return KafkaLineageConsumer.start(settings, pipeline, Admission.open(TenantId.DEFAULT), meters);
  }

  private double counter(String name, String topic) {
    return registry.get("tributary.kafka.records." + name).tag("topic", topic).counter().count();
  }

  private Optional<Entity> topicEntity(String name) {
    return catalog.get(
        new EntityKey(TenantId.DEFAULT, Types.KAFKA_TOPIC, name + "@broker:9092"),
        Visibility.all());
  }

  private static UUID uuid(String seed) {
    return UUID.nameUUIDFromBytes(seed.getBytes(StandardCharsets.UTF_8));
  }

  private static OpenLineage.RunEvent event(
      OpenLineage.RunEvent.EventType type, UUID run, String job, String in, String out, int s) {
    return OL.newRunEventBuilder()
        .eventType(type)
        .eventTime(ZonedDateTime.parse("2026-03-01T10:00:00Z").plusSeconds(s))
        .run(OL.newRunBuilder().runId(run).build())
        .job(
            OL.newJobBuilder()
                .namespace("streaming")
                .name(job)
                .facets(
                    OL.newJobFacetsBuilder()
                        .jobType(
                            OL.newJobTypeJobFacetBuilder()
                                .processingType("STREAMING")
                                .integration("FLINK")
                                .jobType("JOB")
                                .build())
                        .build())
                .build())
        .inputs(List.of(OL.newInputDatasetBuilder().namespace(KAFKA).name(in).build()))
        .outputs(List.of(OL.newOutputDatasetBuilder().namespace(KAFKA).name(out).build()))
        .build();
  }

  private static String json(OpenLineage.RunEvent event) {
    return OpenLineageClientUtils.toJson(event);
  }

  private static Properties clientProperties() {
    Properties p = new Properties();
    p.put("bootstrap.servers", cluster.bootstrapServers());
    return p;
  }

  private static String createTopic(String name, int partitions) throws Exception {
    try (Admin admin = Admin.create(clientProperties())) {
      admin.createTopics(List.of(new NewTopic(name, partitions, (short) 1))).all().get();
    }
    return name;
  }

  /** Through openlineage-java's client and KafkaTransport, as a job configured for Kafka would. */
  private static void emitThroughKafkaTransport(String topic, OpenLineage.RunEvent... events)
      throws Exception {
    Properties producer = clientProperties();
    producer.put("key.serializer", StringSerializer.class.getName());
    producer.put("value.serializer", StringSerializer.class.getName());
    KafkaConfig config = new KafkaConfig(topic, null, producer);
    OpenLineageClient client =
        OpenLineageClient.builder().transport(new KafkaTransport(config)).build();
    try {
      for (OpenLineage.RunEvent e : events) {
        client.emit(e);
      }
    } finally {
      client.close(); // flushes the producer
    }
  }

  private static void produce(String topic, String... values) throws Exception {
    Properties p = clientProperties();
    try (KafkaProducer<String, String> producer =
        new KafkaProducer<>(p, new StringSerializer(), new StringSerializer())) {
      for (String v : values) {
        producer.send(new ProducerRecord<>(topic, "run:streaming/test", v)).get();
      }
    }
  }

  /** The group's committed offsets on the topic, summed over partitions (0 when none). */
  private static long committedOffsets(String group, String topic) throws Exception {
    try (Admin admin = Admin.create(clientProperties())) {
      Map<TopicPartition, OffsetAndMetadata> offsets =
          admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get();
      return offsets.entrySet().stream()
          .filter(e -> e.getKey().topic().equals(topic) && e.getValue() != null)
          .mapToLong(e -> e.getValue().offset())
          .sum();
    }
  }

  private static List<ConsumerRecord<String, String>> readAll(String topic, int expected) {
    Properties p = clientProperties();
    p.put("group.id", "reader-" + topic);
    p.put("auto.offset.reset", "earliest");
    List<ConsumerRecord<String, String>> out = new ArrayList<>();
    try (KafkaConsumer<String, String> consumer =
        new KafkaConsumer<>(p, new StringDeserializer(), new StringDeserializer())) {
      consumer.subscribe(List.of(topic));
      long deadline = System.nanoTime() + WAIT.toNanos();
      while (out.size() < expected && System.nanoTime() < deadline) {
        consumer.poll(Duration.ofMillis(200)).forEach(out::add);
      }
    }
    return out;
  }
}
