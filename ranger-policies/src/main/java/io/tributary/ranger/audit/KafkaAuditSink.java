package io.tributary.ranger.audit;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends each decision as a JSON value to a Kafka topic, keyed by tenant so that one tenant's audit
 * trail stays in order. Sending is asynchronous; a record Kafka refuses is dropped and counted.
 */
public final class KafkaAuditSink implements AuditSink {
  public static final String DEFAULT_TOPIC = AuditSettings.KAFKA_TOPIC.defaultValue();

  private static final Logger LOG = LoggerFactory.getLogger(KafkaAuditSink.class);

  private final Producer<String, String> producer;
  private final String topic;
  private final AtomicLong dropped = new AtomicLong();

  public KafkaAuditSink(Producer<String, String> producer, String topic) {
    this.producer = Objects.requireNonNull(producer, "producer");
    this.topic = Objects.requireNonNull(topic, "topic");
  }

  /**
   * A sink with its own producer. {@code producerConfig} holds Kafka producer settings ({@code
   * bootstrap.servers} at least); serializers are set here, and {@code max.block.ms} defaults to
   * 500 so that a missing broker never holds up a request for long.
   */
  public static KafkaAuditSink create(Map<String, Object> producerConfig, String topic) {
    Map<String, Object> config = new java.util.HashMap<>(producerConfig);
    config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
    config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
    config.putIfAbsent(ProducerConfig.MAX_BLOCK_MS_CONFIG, 500);
    config.putIfAbsent(ProducerConfig.ACKS_CONFIG, "1");
    config.putIfAbsent(ProducerConfig.CLIENT_ID_CONFIG, "tributary-audit");
    return new KafkaAuditSink(new KafkaProducer<>(config), topic);
  }

  @Override
  public void send(AuditRecord record) {
    try {
      producer.send(
          new ProducerRecord<>(topic, record.tenant(), AuditJson.toJson(record)),
          (metadata, error) -> {
            if (error != null) {
              drop(error);
            }
          });
    } catch (RuntimeException e) {
      drop(e);
    }
  }

  private void drop(Exception error) {
    if (dropped.incrementAndGet() % 1000 == 1) {
      LOG.warn("Audit records to topic '{}' are being dropped: {}", topic, error.toString());
    }
  }

  @Override
  public long dropped() {
    return dropped.get();
  }

  @Override
  public void close() {
    producer.close(Duration.ofSeconds(5));
  }
}
