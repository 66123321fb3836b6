package io.tributary.demo;

import io.micrometer.core.instrument.MeterRegistry;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The live pipeline: {@link OrderService} → {@code orders} → {@link OrderEnricher} → {@code
 * orders-enriched} → {@link LargeOrderAlerts} → {@code order-alerts} → {@link AlertNotifier}, every
 * application with its emitter. Started in data-flow order, stopped in reverse.
 */
public final class Pipeline implements AutoCloseable {
  private static final Duration STOP_LIMIT = Duration.ofSeconds(30);

  /**
   * @param stateDir where Kafka Streams keeps its local state
   * @param ordersPerSecond the order service's rate
   * @param registry where the Kafka and Kafka Streams emitters publish their meters, or null
   */
  public record Settings(
      String bootstrapServers,
      LineageProperties lineage,
      Path stateDir,
      int ordersPerSecond,
      MeterRegistry registry) {
    public Settings {
      Objects.requireNonNull(bootstrapServers, "bootstrapServers");
      Objects.requireNonNull(lineage, "lineage");
      Objects.requireNonNull(stateDir, "stateDir");
    }
  }

  private final Shutdown shutdown;
  private final OrderService orders;
  private final AlertNotifier notifier;

  private Pipeline(Shutdown shutdown, OrderService orders, AlertNotifier notifier) {
    this.shutdown = shutdown;
    this.orders = orders;
    this.notifier = notifier;
  }

  public static Pipeline start(Settings settings) throws Exception {
    Topics.createIfAbsent(settings.bootstrapServers(), Topics.ALL);
    Map<String, String> lineage = settings.lineage().toMap();
    Map<String, Object> clientLineage = new HashMap<>(lineage);
    if (settings.registry() != null) {
      clientLineage.put("openlineage.meter.registry", settings.registry());
    }
    Shutdown shutdown = new Shutdown();
    try {
      OrderService orders =
          OrderService.start(
              settings.bootstrapServers(), clientLineage, settings.ordersPerSecond());
      shutdown.add(OrderService.JOB, STOP_LIMIT, orders);
      shutdown.add(
          OrderEnricher.JOB,
          STOP_LIMIT,
          OrderEnricher.start(
              settings.bootstrapServers(), lineage, settings.stateDir(), settings.registry()));
      shutdown.add(
          LargeOrderAlerts.JOB,
          STOP_LIMIT,
          LargeOrderAlerts.start(
              settings.bootstrapServers(),
              lineage,
              EmbeddedKafka.freePort(),
              settings.lineage().interval()));
      AlertNotifier notifier = AlertNotifier.start(settings.bootstrapServers(), clientLineage);
      shutdown.add(AlertNotifier.JOB, STOP_LIMIT, notifier);
      return new Pipeline(shutdown, orders, notifier);
    } catch (Exception | Error e) {
      shutdown.run();
      throw e;
    }
  }

  /** Orders the broker acknowledged. */
  public long ordersAcknowledged() {
    return orders.acknowledged();
  }

  /** Alerts the consumer application read: records went through every stage. */
  public long alertsReceived() {
    return notifier.received();
  }

  /**
   * Stops the applications in reverse order, each within 30 s; each returns once its run's terminal
   * event is sent, so the catalog can be stopped next.
   */
  @Override
  public void close() {
    shutdown.run();
  }
}
