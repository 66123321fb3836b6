package io.tributary.demo;

import io.tributary.emitters.kafka.TributaryConsumerInterceptor;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.consumer.CloseOptions;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The consumer application: reads {@link Topics#ALERTS} with the lineage consumer interceptor, as a
 * notification service would, and counts what it read.
 */
public final class AlertNotifier implements AutoCloseable {
  /** The job name (its {@code group.id}). */
  public static final String JOB = "alert-notifier";

  private static final Logger LOG = LoggerFactory.getLogger(AlertNotifier.class);

  private final KafkaConsumer<String, String> consumer;
  private final Thread poller;
  private final AtomicLong received = new AtomicLong();
  private volatile boolean running = true;

  private AlertNotifier(KafkaConsumer<String, String> consumer) {
    this.consumer = consumer;
    this.poller = new Thread(this::pollUntilClosed, "demo-" + JOB);
    this.poller.setDaemon(true);
  }

  /**
   * @param lineage {@code openlineage.*} keys and objects (a meter registry may be among them)
   */
  public static AlertNotifier start(String bootstrapServers, Map<String, ?> lineage) {
    Map<String, Object> config = new HashMap<>(lineage);
    config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    config.put(ConsumerConfig.GROUP_ID_CONFIG, JOB);
    config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
    config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
    config.put(
        ConsumerConfig.INTERCEPTOR_CLASSES_CONFIG, TributaryConsumerInterceptor.class.getName());
    AlertNotifier notifier = new AlertNotifier(new KafkaConsumer<>(config));
    notifier.poller.start();
    return notifier;
  }

  private void pollUntilClosed() {
    try {
      consumer.subscribe(List.of(Topics.ALERTS));
      while (running) {
        for (ConsumerRecord<String, String> alert : consumer.poll(Duration.ofMillis(500))) {
          received.incrementAndGet();
          LOG.debug("demo: alert {}", alert.value());
        }
      }
    } catch (WakeupException e) {
      // close() woke the poll up.
    } catch (RuntimeException e) {
      LOG.warn("demo: {} stopped: {}", JOB, e.toString());
    } finally {
      // The consumer is not thread-safe: only the polling thread closes it.
      consumer.close(CloseOptions.timeout(Duration.ofSeconds(10)));
    }
  }

  /** Alerts read so far. */
  public long received() {
    return received.get();
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
  }
}
