package io.tributary.demo.edge;

import io.tributary.demo.Topics;
import io.tributary.emitters.kafka.TributaryConsumerInterceptor;
import io.tributary.emitters.kafka.TributaryProducerInterceptor;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.consumer.CloseOptions;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the sensor readings the edge bridge forwarded to Kafka and writes hot ones to the alerts
 * topic the alert notifier reads, both through Tributary's interceptors: so lineage runs from the
 * device to the alert.
 */
final class SensorAlerts implements AutoCloseable {
  static final String JOB = "sensor-alerts";
  private static final Logger LOG = LoggerFactory.getLogger(SensorAlerts.class);
  private static final Pattern CELSIUS = Pattern.compile("\"celsius\":(-?[0-9.]+)");
  private static final double HOT = 75.0;

  private final KafkaConsumer<String, String> consumer;
  private final KafkaProducer<String, String> producer;
  private final Thread poller;
  private volatile boolean running = true;

  private SensorAlerts(
      KafkaConsumer<String, String> consumer, KafkaProducer<String, String> producer) {
    this.consumer = consumer;
    this.producer = producer;
    this.poller = new Thread(this::pollUntilClosed, "demo-" + JOB);
    poller.setDaemon(true);
  }

  static SensorAlerts start(String bootstrapServers, String topic, Map<String, ?> lineage) {
    Map<String, Object> c = new HashMap<>(lineage);
    c.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    c.put(ConsumerConfig.GROUP_ID_CONFIG, JOB);
    c.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    c.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
    c.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
    c.put(ConsumerConfig.INTERCEPTOR_CLASSES_CONFIG, TributaryConsumerInterceptor.class.getName());
    Map<String, Object> p = new HashMap<>(lineage);
    p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    p.put(ProducerConfig.CLIENT_ID_CONFIG, JOB);
    p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
    p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
    p.put(ProducerConfig.INTERCEPTOR_CLASSES_CONFIG, TributaryProducerInterceptor.class.getName());
    SensorAlerts app = new SensorAlerts(new KafkaConsumer<>(c), new KafkaProducer<>(p));
    app.consumer.subscribe(List.of(topic));
    app.poller.start();
    return app;
  }

  private void pollUntilClosed() {
    try {
      while (running) {
        for (ConsumerRecord<String, String> reading : consumer.poll(Duration.ofMillis(500))) {
          Matcher m = CELSIUS.matcher(reading.value());
          if (m.find() && Double.parseDouble(m.group(1)) > HOT) {
            producer.send(new ProducerRecord<>(Topics.ALERTS, reading.key(), reading.value()));
          }
        }
      }
    } catch (WakeupException e) {
      // close() woke the poll up.
    } catch (RuntimeException e) {
      LOG.warn("demo: {} stopped: {}", JOB, e.toString());
    } finally {
      consumer.close(CloseOptions.timeout(Duration.ofSeconds(10)));
    }
  }

  @Override
  public void close() {
    running = false;
    consumer.wakeup();
    try {
      poller.join(TimeUnit.SECONDS.toMillis(20));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    producer.close(Duration.ofSeconds(10));
  }
}
