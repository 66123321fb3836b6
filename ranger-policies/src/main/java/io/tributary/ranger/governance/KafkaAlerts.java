package io.tributary.ranger.governance;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Objects;
import java.util.Properties;
import java.util.function.Consumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes each quality alert as JSON to a Kafka topic, keyed by tenant and dataset so that one
 * dataset's alerts stay in order; failures are logged, not retried.
 */
public final class KafkaAlerts implements Consumer<JsonNode>, AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(KafkaAlerts.class);

  private final String topic;
  private final KafkaProducer<String, String> producer;

  public KafkaAlerts(String bootstrapServers, String topic) {
    this.topic = Objects.requireNonNull(topic, "topic");
    Properties p = new Properties();
    p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, Objects.requireNonNull(bootstrapServers));
    p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
    p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
    p.put(ProducerConfig.ACKS_CONFIG, "all");
    p.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, "10000");
    p.put(ProducerConfig.CLIENT_ID_CONFIG, "tributary-quality-alerts");
    this.producer = new KafkaProducer<>(p);
  }

  @Override
  public void accept(JsonNode alert) {
    String key = alert.path("tenant").asText() + "/" + alert.path("datasetGuid").asText();
    producer.send(
        new ProducerRecord<>(topic, key, alert.toString()),
        (metadata, error) -> {
          if (error != null) {
            LOG.warn("quality alert to topic {} failed: {}", topic, error.toString());
          }
        });
  }

  @Override
  public void close() {
    producer.close(java.time.Duration.ofSeconds(5));
  }
}
