package io.tributary.tenancy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.tributary.ranger.tenancy.TenantRole;
import io.tributary.testkit.kafka.KafkaBroker;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Kafka ingest consumer of topic {@code acme-lineage} (tenant {@code acme}, default roles):
 * records naming another tenant by header, key or body are refused and dead-lettered; records over
 * acme's quota are held back, not lost.
 */
class KafkaTenancyIT {
  private static final String TOPIC = "acme-lineage";
  private static final String DEAD = "acme-lineage-dead";

  @TempDir static Path dataDir;
  private static KafkaBroker kafka;
  private static TenancyServer server;
  private static KafkaProducer<String, String> producer;

  @BeforeAll
  static void start() throws Exception {
    // Topics not created here are created on first use, as before the test kit.
    kafka = KafkaBroker.builder().autoCreateTopics(true).start();
    kafka.createTopics(1, TOPIC, DEAD);
    Users users = Users.write(dataDir.resolve("users.json"), List.of("acme", "globex"), Map.of());
    server =
        TenancyServer.start(
            dataDir,
            users,
            Map.of(
                "kafka.ingest.enabled",
                "true",
                "kafka.ingest.bootstrap-servers",
                kafka.bootstrapServers(),
                "kafka.ingest.topic",
                TOPIC,
                "kafka.ingest.dead-letter-topic",
                DEAD,
                "kafka.ingest.tenant",
                "acme"));
    TenancyServer.Client platform = server.as(Users.PLATFORM);
    assertThat(platform.post("api/v1/tenants", "{\"id\":\"acme\"}").statusCode()).isEqualTo(201);
    assertThat(platform.post("api/v1/tenants", "{\"id\":\"globex\"}").statusCode()).isEqualTo(201);
    Properties p = new Properties();
    p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
    p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
    p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
    producer = new KafkaProducer<>(p);
  }

  @AfterAll
  static void stop() throws Exception {
    producer.close();
    server.close();
    kafka.close();
  }

  private static void send(String key, String tenantHeader, String value) throws Exception {
    ProducerRecord<String, String> record = new ProducerRecord<>(TOPIC, key, value);
    if (tenantHeader != null) {
      record.headers().add("tributary.tenant", tenantHeader.getBytes(StandardCharsets.UTF_8));
    }
    producer.send(record).get();
  }

  private static long found(String user, String query) {
    return server
        .as(user)
        .ok("api/v1/search?mode=prefix&limit=1000&q=" + query)
        .path("total")
        .asLong();
  }

  @Test
  void shouldRefuseRecordsNamingAnotherTenantAndIngestTheTopicsOwn() throws Exception {
    send(null, "globex", Lineage.job("by-header", List.of("k-in"), List.of("k-out")).json());
    send(
        "tenant:globex/job", null, Lineage.job("by-key", List.of("k-in"), List.of("k-out")).json());
    send(
        null,
        null,
        Lineage.job("by-facet", List.of("k-in"), List.of("k-out")).tenant("globex").json());
    send(
        null,
        null,
        Lineage.job("kafka-own", List.of("kafka-own-in"), List.of("kafka-own-out")).json());
    send(
        "tenant:acme/job",
        "acme",
        Lineage.job("kafka-named", List.of("kafka-own-in"), List.of("kafka-named-out"))
            .tenant("acme")
            .json());

    String acme = Users.user("acme", TenantRole.READER);
    await().atMost(Duration.ofSeconds(60)).until(() -> found(acme, "kafka-") >= 5);
    List<ConsumerRecord<String, String>> dead = deadLetters(3);
    assertThat(dead).hasSize(3);
    for (ConsumerRecord<String, String> record : dead) {
      String error =
          new String(
              record.headers().lastHeader("tributary.error").value(), StandardCharsets.UTF_8);
      assertThat(error).contains("kafka:" + TOPIC).contains("globex");
    }
    assertThat(found(Users.PLATFORM, "by-")).isZero();
    assertThat(found(Users.user("globex", TenantRole.READER), "")).isZero();
  }

  @Test
  void shouldHoldRecordsOverTheTenantsQuotaBackInsteadOfDroppingThem() throws Exception {
    TenancyServer.Client platform = server.as(Users.PLATFORM);
    assertThat(
            platform
                .put("api/v1/tenants/acme", "{\"quotas\":{\"eventsPerSecond\":2,\"burst\":2}}")
                .statusCode())
        .isEqualTo(200);
    try {
      for (int i = 0; i < 8; i++) {
        send(
            null,
            null,
            Lineage.job("paced-" + i, List.of("paced-in"), List.of("paced-out-" + i)).at(i).json());
      }
      String acme = Users.user("acme", TenantRole.READER);
      await().atMost(Duration.ofSeconds(60)).until(() -> found(acme, "paced-out-") == 8);
      String text = server.as(Users.PLATFORM).get("metrics").body();
      assertThat(text).containsPattern("tributary_kafka_records_throttled_total\\{[^}]*\\} [1-9]");
    } finally {
      platform.put("api/v1/tenants/acme", "{\"quotas\":{\"eventsPerSecond\":0}}");
    }
  }

  private static List<ConsumerRecord<String, String>> deadLetters(int expected) {
    Properties p = new Properties();
    p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
    p.put(ConsumerConfig.GROUP_ID_CONFIG, "dead-" + UUID.randomUUID());
    p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
    p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
    List<ConsumerRecord<String, String>> out = new ArrayList<>();
    try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(p)) {
      consumer.subscribe(List.of(DEAD));
      await()
          .atMost(Duration.ofSeconds(60))
          .until(
              () -> {
                consumer.poll(Duration.ofMillis(200)).forEach(out::add);
                return out.size() >= expected;
              });
    }
    return out;
  }
}
