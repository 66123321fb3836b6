package io.tributary.atlascompat;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.tributary.atlas.AtlasJson;
import io.tributary.atlas.AtlasNotificationEncoder;
import io.tributary.atlas.AtlasObjectId;
import io.tributary.atlas.AtlasTypedefStore;
import io.tributary.catalog.ChangeFeed;
import io.tributary.catalog.EntityKey;
import io.tributary.catalog.EntityWrite;
import io.tributary.catalog.Mutation;
import io.tributary.catalog.atlas.AtlasCatalog;
import io.tributary.catalog.atlas.AtlasNotificationSink;
import io.tributary.catalog.atlas.AtlasRestClient;
import io.tributary.catalog.atlas.AtlasRestConfig;
import io.tributary.catalog.atlas.TenantQualifiedNames;
import io.tributary.catalog.types.TypeRegistry;
import io.tributary.contract.TenantId;
import io.tributary.testkit.kafka.KafkaBroker;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.apache.atlas.model.instance.AtlasEntity;
import org.apache.atlas.model.notification.HookNotification;
import org.apache.atlas.model.notification.HookNotification.EntityCreateRequestV2;
import org.apache.atlas.model.notification.HookNotification.EntityDeleteRequestV2;
import org.apache.atlas.model.notification.HookNotification.EntityPartialUpdateRequestV2;
import org.apache.atlas.notification.hook.HookMessageDeserializer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The notification sink against a real KRaft broker: messages read back from {@code ATLAS_HOOK} and
 * parsed by Atlas's own {@code HookMessageDeserializer}, as Atlas's hook consumer does.
 */
class AtlasNotificationSinkIT {
  private static final int MAX_LENGTH_BYTES = 4096;
  private static final Instant NOW = Instant.parse("2026-11-28T12:00:00Z");
  private static KafkaBroker broker;

  private final AtlasJson json = new AtlasJson();
  private String topic;
  private AtlasNotificationSink sink;
  private AtlasCatalog catalog;

  @BeforeAll
  static void startBroker() throws Exception {
    broker = KafkaBroker.start();
  }

  @AfterAll
  static void stopBroker() {
    broker.close();
  }

  @BeforeEach
  void open() throws Exception {
    topic = "ATLAS_HOOK_" + UUID.randomUUID().toString().substring(0, 8);
    broker.createTopic(topic, 3);
    Properties props = new Properties();
    props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
    props.put(ProducerConfig.ACKS_CONFIG, "all");
    props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
    KafkaProducer<String, String> producer =
        new KafkaProducer<>(props, new StringSerializer(), new StringSerializer());
    AtlasNotificationEncoder encoder =
        new AtlasNotificationEncoder(
            json,
            MAX_LENGTH_BYTES,
            true,
            "tributary",
            "127.0.0.1",
            Clock.fixed(NOW, ZoneOffset.UTC));
    sink = new AtlasNotificationSink(producer, topic, encoder, "tributary");
    // Reads go to Atlas's REST API, which these tests do not use.
    AtlasRestClient unused =
        AtlasRestClient.create(
            AtlasRestConfig.of(URI.create("http://127.0.0.1:9"), null, null), json);
    catalog =
        new AtlasCatalog(
            unused,
            sink,
            AtlasTypedefStore.builtIn(TypeRegistry.builtIn(), json),
            new TenantQualifiedNames(),
            new ChangeFeed());
  }

  @AfterEach
  void close() {
    catalog.close();
  }

  @Test
  void shouldPublishOneCreateMessagePerEntityKeyedByEntityThatAtlasReads() {
    catalog.apply(Fixtures.job(TenantId.DEFAULT, "enrich", 2));

    List<ConsumerRecord<String, String>> records = read(4);
    HookMessageDeserializer atlas = new HookMessageDeserializer();
    Map<String, AtlasEntity> byKey = new java.util.HashMap<>();
    for (ConsumerRecord<String, String> record : records) {
      HookNotification message = atlas.deserialize(record.value());
      assertThat(message).isInstanceOf(EntityCreateRequestV2.class);
      assertThat(message.getType())
          .isEqualTo(HookNotification.HookNotificationType.ENTITY_CREATE_V2);
      assertThat(message.getUser()).isEqualTo("tributary");
      List<AtlasEntity> entities = ((EntityCreateRequestV2) message).getEntities().getEntities();
      assertThat(entities).hasSize(1);
      byKey.put(record.key(), entities.get(0));
    }
    EntityKey job = Fixtures.job(TenantId.DEFAULT, "enrich");
    assertThat(byKey)
        .containsKeys(job.toString(), Fixtures.topic(TenantId.DEFAULT, "enrich-out").toString());
    AtlasEntity process = byKey.get(job.toString());
    assertThat(process.getAttribute("qualifiedName")).isEqualTo("flink://enrich");
    assertThat(process.getRelationshipAttribute("inputs").toString())
        .contains("enrich-in-0@prod", "enrich-in-1@prod")
        .as("references by unique attribute only: the entities travel in other messages")
        .doesNotContain("guid=-");

    JsonNode envelope = tree(records.get(0).value());
    assertThat(envelope.path("version").path("version").asText()).isEqualTo("1.0.0");
    assertThat(envelope.path("msgCompressionKind").asText()).isEqualTo("NONE");
    assertThat(envelope.path("msgSplitIdx").asInt()).isEqualTo(1);
    assertThat(envelope.path("msgSplitCount").asInt()).isEqualTo(1);
    assertThat(envelope.path("msgCreatedBy").asText()).isEqualTo("tributary");
    assertThat(envelope.path("msgCreationTime").asLong()).isEqualTo(NOW.toEpochMilli());
    assertThat(envelope.path("message").path("type").asText()).isEqualTo("ENTITY_CREATE_V2");
  }

  @Test
  void shouldKeepUpdatesOfOneEntityInOrderOnOnePartition() {
    EntityKey hot = Fixtures.topic(TenantId.DEFAULT, "hot");
    List<Mutation> mutations = new ArrayList<>();
    for (int i = 0; i < 30; i++) {
      EntityKey other = Fixtures.topic(TenantId.DEFAULT, "other-" + i);
      mutations.add(
          new Mutation(
              "test",
              List.of(
                  new EntityWrite(other, "other-" + i, Map.of(), Set.of(), NOW),
                  new EntityWrite(hot, "hot", Map.of("description", "v" + i), Set.of(), NOW)),
              List.of()));
    }
    catalog.applyAll(mutations.subList(0, 15));
    catalog.applyAll(mutations.subList(15, 30));

    List<ConsumerRecord<String, String>> hotRecords =
        read(60).stream().filter(r -> r.key().equals(hot.toString())).toList();
    assertThat(hotRecords).hasSize(30);
    assertThat(hotRecords.stream().map(ConsumerRecord::partition).collect(Collectors.toSet()))
        .hasSize(1);
    HookMessageDeserializer atlas = new HookMessageDeserializer();
    List<Object> descriptions =
        hotRecords.stream()
            .sorted(java.util.Comparator.comparingLong(ConsumerRecord::offset))
            .map(
                r ->
                    ((EntityCreateRequestV2) atlas.deserialize(r.value()))
                        .getEntities()
                        .getEntities()
                        .get(0))
            .map(e -> e.getAttribute("description"))
            .toList();
    List<Object> expected = new ArrayList<>();
    for (int i = 0; i < 30; i++) {
      expected.add("v" + i);
    }
    assertThat(descriptions).isEqualTo(expected);
  }

  @Test
  void shouldGzipMessagesAboveAtlasLimitAndSplitWhatStaysTooLarge() {
    EntityKey compressible = Fixtures.topic(TenantId.DEFAULT, "compressible");
    EntityKey incompressible = Fixtures.topic(TenantId.DEFAULT, "incompressible");
    String repeated = "orders ".repeat(3000);
    String noise = noise(12_000);
    catalog.apply(
        new Mutation(
            "test",
            List.of(
                new EntityWrite(compressible, "c", Map.of("description", repeated), Set.of(), NOW),
                new EntityWrite(incompressible, "i", Map.of("description", noise), Set.of(), NOW)),
            List.of()));

    List<ConsumerRecord<String, String>> records = read(-1);
    List<ConsumerRecord<String, String>> gzipped =
        records.stream().filter(r -> r.key().equals(compressible.toString())).toList();
    assertThat(gzipped)
        .singleElement()
        .satisfies(
            r -> {
              JsonNode envelope = tree(r.value());
              assertThat(envelope.path("msgCompressionKind").asText()).isEqualTo("GZIP");
              assertThat(envelope.path("msgSplitCount").asInt()).isEqualTo(1);
              assertThat(r.value().getBytes(java.nio.charset.StandardCharsets.UTF_8).length)
                  .isLessThanOrEqualTo(MAX_LENGTH_BYTES);
            });
    HookMessageDeserializer atlas = new HookMessageDeserializer();
    assertThat(description(atlas.deserialize(gzipped.get(0).value()))).isEqualTo(repeated);

    List<ConsumerRecord<String, String>> split =
        records.stream().filter(r -> r.key().equals(incompressible.toString())).toList();
    assertThat(split).hasSizeGreaterThan(1);
    assertThat(split.stream().map(ConsumerRecord::partition).collect(Collectors.toSet()))
        .hasSize(1);
    HookNotification assembled = null;
    for (int i = 0; i < split.size(); i++) {
      JsonNode part = tree(split.get(i).value());
      assertThat(part.path("msgSplitIdx").asInt()).isEqualTo(i);
      assertThat(part.path("msgSplitCount").asInt()).isEqualTo(split.size());
      assertThat(part.path("msgId").asText()).isNotBlank();
      HookNotification result = atlas.deserialize(split.get(i).value());
      if (i < split.size() - 1) {
        assertThat(result).as("Atlas waits for the remaining parts").isNull();
      } else {
        assembled = result;
      }
    }
    assertThat(description(assembled)).isEqualTo(noise);
  }

  @Test
  void shouldPublishPartialUpdatesAndDeletesAsAtlasV2Messages() {
    EntityKey topicKey = Fixtures.topic(TenantId.DEFAULT, "orders");
    catalog.apply(
        new Mutation(
            "test",
            List.of(
                new EntityWrite(topicKey, null, Map.of("description", "changed"), Set.of(), NOW)),
            List.of()));
    sink.delete(topicKey, AtlasObjectId.ofQualifiedName("kafka_topic", "orders@prod"));

    List<ConsumerRecord<String, String>> records = read(2);
    assertThat(records).allSatisfy(r -> assertThat(r.key()).isEqualTo(topicKey.toString()));
    HookMessageDeserializer atlas = new HookMessageDeserializer();
    HookNotification update = atlas.deserialize(records.get(0).value());
    assertThat(update)
        .isInstanceOfSatisfying(
            EntityPartialUpdateRequestV2.class,
            u -> {
              assertThat(u.getEntityId().getTypeName()).isEqualTo("kafka_topic");
              assertThat(u.getEntityId().getUniqueAttributes())
                  .containsEntry("qualifiedName", "orders@prod");
              assertThat(u.getEntity().getEntity().getAttribute("description"))
                  .isEqualTo("changed");
            });
    HookNotification delete = atlas.deserialize(records.get(1).value());
    assertThat(delete)
        .isInstanceOfSatisfying(
            EntityDeleteRequestV2.class,
            d ->
                assertThat(d.getEntities())
                    .singleElement()
                    .satisfies(
                        id ->
                            assertThat(id.getUniqueAttributes())
                                .containsEntry("qualifiedName", "orders@prod")));
  }

  private static Object description(HookNotification message) {
    return ((EntityCreateRequestV2) message)
        .getEntities()
        .getEntities()
        .get(0)
        .getAttribute("description");
  }

  private static String noise(int length) {
    Random random = new Random(42);
    StringBuilder sb = new StringBuilder(length);
    String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    for (int i = 0; i < length; i++) {
      sb.append(alphabet.charAt(random.nextInt(alphabet.length())));
    }
    return sb.toString();
  }

  private JsonNode tree(String text) {
    try {
      return json.mapper().readTree(text);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /**
   * Reads records until {@code count} arrived (or, with a negative count, until the topic is
   * quiet).
   */
  private List<ConsumerRecord<String, String>> read(int count) {
    Properties props = new Properties();
    props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
    props.put(ConsumerConfig.GROUP_ID_CONFIG, "reader-" + UUID.randomUUID());
    props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    List<ConsumerRecord<String, String>> out = new ArrayList<>();
    try (KafkaConsumer<String, String> consumer =
        new KafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer())) {
      consumer.subscribe(List.of(topic));
      long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
      int emptyPolls = 0;
      while (System.nanoTime() < deadline) {
        var batch = consumer.poll(Duration.ofMillis(500));
        batch.forEach(out::add);
        if (count >= 0 && out.size() >= count) {
          break;
        }
        emptyPolls = batch.isEmpty() && !out.isEmpty() ? emptyPolls + 1 : 0;
        if (count < 0 && emptyPolls >= 4) {
          break;
        }
      }
    }
    out.sort(
        java.util.Comparator.comparingInt((ConsumerRecord<String, String> r) -> r.partition())
            .thenComparingLong(ConsumerRecord::offset));
    if (count >= 0) {
      assertThat(out).hasSize(count);
    }
    return out;
  }
}
