package io.tributary.benchmarks.emitters;

import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/** Topics of the benchmark on one broker: creating, filling and timing them. */
final class BenchTopics {
  static final int RECORD_BYTES = 100;

  private final String bootstrapServers;

  BenchTopics(String bootstrapServers) {
    this.bootstrapServers = bootstrapServers;
  }

  String bootstrapServers() {
    return bootstrapServers;
  }

  /** A one-partition topic; with {@code appendTime} the broker stamps every record it appends. */
  void create(String name, boolean appendTime) throws Exception {
    Properties props = new Properties();
    props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    NewTopic topic = new NewTopic(name, 1, (short) 1);
    if (appendTime) {
      topic.configs(Map.of("message.timestamp.type", "LogAppendTime"));
    }
    try (Admin admin = Admin.create(props)) {
      admin.createTopics(List.of(topic)).all().get(60, TimeUnit.SECONDS);
    }
  }

  /** Deletes a topic a run is done with, so that long runs do not fill the disk. */
  void delete(String name) throws Exception {
    Properties props = new Properties();
    props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    try (Admin admin = Admin.create(props)) {
      admin.deleteTopics(List.of(name)).all().get(60, TimeUnit.SECONDS);
    }
  }

  static byte[] value(int i) {
    byte[] v = new byte[RECORD_BYTES];
    Arrays.fill(v, (byte) ('a' + i % 26));
    return v;
  }

  /** Writes {@code records} values of 100 bytes, without lineage. */
  void fill(String topic, int records) {
    Map<String, Object> config = new HashMap<>();
    config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
    config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
    config.put(ProducerConfig.LINGER_MS_CONFIG, 5);
    try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(config)) {
      for (int i = 0; i < records; i++) {
        producer.send(new ProducerRecord<>(topic, value(i)));
      }
      producer.flush();
    }
  }

  /**
   * Reads the first {@code records} records of an append-time topic and returns the rate at which
   * the broker appended them: the writer's throughput, whatever wrote them.
   */
  double appendRate(String topic, int records, Duration patience) {
    Map<String, Object> config = new HashMap<>();
    config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    config.put(ConsumerConfig.GROUP_ID_CONFIG, "bench-check-" + UUID.randomUUID());
    config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
    config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
    long first = Long.MAX_VALUE;
    long last = Long.MIN_VALUE;
    int seen = 0;
    long deadline = System.nanoTime() + patience.toNanos();
    try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(config)) {
      consumer.subscribe(List.of(topic));
      while (seen < records) {
        if (System.nanoTime() > deadline) {
          throw new IllegalStateException(
              "Only " + seen + " of " + records + " records arrived on " + topic);
        }
        for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(500))) {
          first = Math.min(first, r.timestamp());
          last = Math.max(last, r.timestamp());
          seen++;
        }
      }
    }
    return (records - 1) * 1000.0 / Math.max(1, last - first);
  }
}
