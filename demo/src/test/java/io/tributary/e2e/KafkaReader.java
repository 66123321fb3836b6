package io.tributary.e2e;

import static org.awaitility.Awaitility.await;

import io.tributary.emitters.kafka.TributaryConsumerInterceptor;
import io.tributary.testkit.kafka.KafkaBroker;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;

/** A Kafka reader with the lineage interceptor, as the last job of a bridged pipeline. */
final class KafkaReader {
  private KafkaReader() {}

  /**
   * Reads a topic from its start, as consumer group {@code group}, until {@code count} records have
   * come, then closes (which ends its run).
   *
   * @param lineage the reader's {@code openlineage.*} keys
   */
  static void read(
      KafkaBroker kafka, Map<String, Object> lineage, String topic, String group, int count) {
    Map<String, Object> config = new HashMap<>(kafka.clientConfig());
    config.putAll(lineage);
    config.put("key.deserializer", StringDeserializer.class);
    config.put("value.deserializer", StringDeserializer.class);
    config.put("group.id", group);
    config.put("auto.offset.reset", "earliest");
    config.put("interceptor.classes", TributaryConsumerInterceptor.class.getName());
    try (KafkaConsumer<String, String> in = new KafkaConsumer<>(config)) {
      in.subscribe(List.of(topic));
      AtomicInteger read = new AtomicInteger();
      await()
          .atMost(Duration.ofSeconds(30))
          .until(() -> read.addAndGet(in.poll(Duration.ofMillis(200)).count()) >= count);
    }
  }
}
