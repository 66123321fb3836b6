package io.tributary.benchmarks.emitters;

import io.tributary.emitters.kafka.TributaryConsumerInterceptor;
import io.tributary.emitters.kafka.TributaryProducerInterceptor;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * A producer writes {@code records} values of 100 bytes to a fresh topic (send all, flush: wall
 * time), then a consumer reads them back from the beginning of its assigned partition (first poll
 * to last record), with or without the lineage interceptors.
 */
final class KafkaClientsWorkload implements Workload {
  // A consumer reads a topic several times faster than a producer writes it: reading it more than
  // once gives both timings a similar length, long enough to rise above scheduling noise.
  private static final int CONSUMER_PASSES = 3;

  private final BenchTopics topics;
  private final int records;

  KafkaClientsWorkload(BenchTopics topics, int records) {
    this.topics = topics;
    this.records = records;
  }

  @Override
  public String name() {
    return "kafka-clients";
  }

  @Override
  public Map<String, Double> run(Map<String, String> lineage, int run) throws Exception {
    String topic = "clients-" + run;
    topics.create(topic, false);
    try {
      Map<String, Double> rates = new LinkedHashMap<>();
      rates.put("producer", produce(topic, lineage, run));
      rates.put("consumer", consume(topic, lineage, run));
      return rates;
    } finally {
      topics.delete(topic);
    }
  }

  private double produce(String topic, Map<String, String> lineage, int run) {
    Map<String, Object> config = new HashMap<>();
    if (lineage != null) {
      config.putAll(lineage);
      config.put(
          ProducerConfig.INTERCEPTOR_CLASSES_CONFIG, TributaryProducerInterceptor.class.getName());
    }
    config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, topics.bootstrapServers());
    config.put(ProducerConfig.CLIENT_ID_CONFIG, "bench-producer-" + run);
    config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
    config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
    config.put(ProducerConfig.LINGER_MS_CONFIG, 5);
    byte[] value = BenchTopics.value(run);
    try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(config)) {
      // Metadata first, so that the timing holds only the record path.
      producer.partitionsFor(topic);
      long start = System.nanoTime();
      for (int i = 0; i < records; i++) {
        producer.send(new ProducerRecord<>(topic, value));
      }
      producer.flush();
      return records * 1e9 / (System.nanoTime() - start);
    }
  }

  private double consume(String topic, Map<String, String> lineage, int run) {
    Map<String, Object> config = new HashMap<>();
    if (lineage != null) {
      config.putAll(lineage);
      config.put(
          ConsumerConfig.INTERCEPTOR_CLASSES_CONFIG, TributaryConsumerInterceptor.class.getName());
    }
    config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, topics.bootstrapServers());
    config.put(ConsumerConfig.GROUP_ID_CONFIG, "bench-consumer-" + run);
    config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
    config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
    config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    int seen = 0;
    long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
    long start;
    long end;
    try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(config)) {
      // Assigned, not subscribed: no group rebalance in the timing, only fetching and polling.
      TopicPartition partition = new TopicPartition(topic, 0);
      consumer.assign(List.of(partition));
      consumer.seekToBeginning(List.of(partition));
      consumer.position(partition);
      start = System.nanoTime();
      for (int pass = 0; pass < CONSUMER_PASSES; pass++) {
        int read = 0;
        while (read < records) {
          if (System.nanoTime() > deadline) {
            throw new IllegalStateException("Only " + read + " of " + records + " records read");
          }
          read += consumer.poll(Duration.ofMillis(200)).count();
        }
        seen += read;
        consumer.seek(partition, 0);
      }
      end = System.nanoTime();
    }
    return seen * 1e9 / (end - start);
  }
}
