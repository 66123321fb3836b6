package io.tributary.testkit.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

class KafkaBrokerIT {

  @Test
  void shouldCarryARecordFromProducerToConsumerOnACreatedTopic() throws Exception {
    try (KafkaBroker broker = KafkaBroker.start()) {
      broker.createTopics(2, "orders");
      assertThat(broker.topics()).contains("orders");

      try (KafkaProducer<String, String> producer =
          new KafkaProducer<>(
              broker.clientConfig(), new StringSerializer(), new StringSerializer())) {
        producer.send(new ProducerRecord<>("orders", "k", "v")).get();
      }
      Map<String, Object> config = new HashMap<>(broker.clientConfig());
      config.put("group.id", "test");
      config.put("auto.offset.reset", "earliest");
      try (KafkaConsumer<String, String> consumer =
          new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer())) {
        consumer.subscribe(List.of("orders"));
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        int seen = 0;
        while (seen == 0 && System.nanoTime() < deadline) {
          ConsumerRecords<String, String> records = consumer.poll(Duration.ofMillis(200));
          seen += records.count();
        }
        assertThat(seen).isEqualTo(1);
      }
    }
  }
}
