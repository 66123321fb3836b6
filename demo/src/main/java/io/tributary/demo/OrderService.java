package io.tributary.demo;

import io.tributary.emitters.kafka.TributaryProducerInterceptor;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The producer application: places orders on {@link Topics#ORDERS} at a steady rate, keyed by
 * customer, with the lineage producer interceptor. One order in seven is large (5 to 20 euros
 * hundredfold), which the Flink job flags.
 */
public final class OrderService implements AutoCloseable {
  /** The job name (its {@code client.id}). */
  public static final String JOB = "order-service";

  private static final Logger LOG = LoggerFactory.getLogger(OrderService.class);
  private static final int CUSTOMERS = 20;

  private final KafkaProducer<String, String> producer;
  private final ScheduledExecutorService timer;
  private final SplittableRandom random = new SplittableRandom(42);
  private final AtomicLong placed = new AtomicLong();
  private final AtomicLong acknowledged = new AtomicLong();

  private OrderService(KafkaProducer<String, String> producer, ScheduledExecutorService timer) {
    this.producer = producer;
    this.timer = timer;
  }

  /**
   * @param lineage {@code openlineage.*} keys and objects (a meter registry may be among them)
   */
  public static OrderService start(
      String bootstrapServers, Map<String, ?> lineage, int ordersPerSecond) {
    if (ordersPerSecond < 1 || ordersPerSecond > 1000) {
      throw new IllegalArgumentException(
          "Orders per second " + ordersPerSecond + " not in 1..1000");
    }
    Map<String, Object> config = new HashMap<>(lineage);
    config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    config.put(ProducerConfig.CLIENT_ID_CONFIG, JOB);
    config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
    config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
    config.put(ProducerConfig.LINGER_MS_CONFIG, 20);
    config.put(
        ProducerConfig.INTERCEPTOR_CLASSES_CONFIG, TributaryProducerInterceptor.class.getName());
    KafkaProducer<String, String> producer = new KafkaProducer<>(config);
    ScheduledExecutorService timer =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "demo-" + JOB);
              t.setDaemon(true);
              return t;
            });
    OrderService service = new OrderService(producer, timer);
    timer.scheduleAtFixedRate(
        service::placeOne, 0, 1_000_000L / ordersPerSecond, TimeUnit.MICROSECONDS);
    return service;
  }

  private void placeOne() {
    try {
      long id = placed.incrementAndGet();
      String customer = String.format(java.util.Locale.ROOT, "c-%02d", random.nextInt(CUSTOMERS));
      long cents = id % 7 == 0 ? 50_000 + random.nextLong(150_000) : 500 + random.nextLong(19_500);
      Order order = Order.placed(id, customer, cents);
      producer.send(
          new ProducerRecord<>(Topics.ORDERS, customer, order.toCsv()),
          (metadata, error) -> {
            if (error == null) {
              acknowledged.incrementAndGet();
            } else {
              LOG.debug("demo: order {} not written: {}", id, error.toString());
            }
          });
    } catch (RuntimeException e) {
      // A scheduled task that throws is never run again: log and keep placing orders.
      LOG.warn("demo: placing an order failed: {}", e.toString());
    }
  }

  /** Orders the broker acknowledged. */
  public long acknowledged() {
    return acknowledged.get();
  }

  @Override
  public void close() {
    timer.shutdownNow();
    producer.close(Duration.ofSeconds(10));
  }
}
