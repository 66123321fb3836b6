package io.tributary.edge.forward;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Moves MQTT messages to Kafka by the forwarding rules: the MQTT topic becomes the record key, so
 * one device's readings stay in order in one partition.
 */
public final class Forwarder implements AutoCloseable {
  private final List<ForwardRule> rules;
  private final KafkaProducer<String, byte[]> producer;
  private final LongAdder failures;

  public Forwarder(
      List<ForwardRule> rules, String bootstrapServers, String clientId, LongAdder failures) {
    this.rules = List.copyOf(rules);
    this.failures = failures;
    this.producer =
        new KafkaProducer<>(
            Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrapServers,
                ProducerConfig.CLIENT_ID_CONFIG,
                clientId,
                ProducerConfig.ACKS_CONFIG,
                "all",
                ProducerConfig.LINGER_MS_CONFIG,
                20,
                ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG,
                120_000),
            new StringSerializer(),
            new ByteArraySerializer());
  }

  public List<ForwardRule> rules() {
    return rules;
  }

  /** Sends a message under every rule it matches; returns the rules it matched. */
  public List<ForwardRule> forward(String topic, byte[] payload) {
    List<ForwardRule> matched = rules.stream().filter(r -> r.matches(topic)).toList();
    for (ForwardRule rule : matched) {
      producer.send(
          new ProducerRecord<>(rule.kafkaTopic(), topic, payload),
          (metadata, error) -> {
            if (error != null) {
              failures.increment();
            }
          });
    }
    return matched;
  }

  @Override
  public void close() {
    producer.close(Duration.ofSeconds(5));
  }
}
