package io.tributary.emitters.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.openlineage.client.OpenLineage.RunEvent.EventType;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Callable;

/**
 * The endpoint-down scenario every platform's interceptors are tested with: the lineage endpoint is
 * down while the client keeps writing (events are dropped and retried, nothing is thrown), then it
 * comes back and the emitter recovers by itself.
 */
public final class EndpointOutage implements AutoCloseable {
  private static final OpenLineageSchemas SCHEMAS = new OpenLineageSchemas();

  private final LineageEndpoint endpoint;
  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

  private EndpointOutage(LineageEndpoint endpoint) {
    this.endpoint = endpoint;
  }

  /** Starts an endpoint and takes it down at once. */
  public static EndpointOutage begin() throws Exception {
    LineageEndpoint endpoint = LineageEndpoint.start();
    endpoint.stop();
    return new EndpointOutage(endpoint);
  }

  /**
   * The lineage keys of a client that sends to the endpoint: short timeouts and backoff, a queue of
   * two (so that snapshots are dropped soon), the registry that counts it.
   */
  public Map<String, Object> lineageConfig() {
    Map<String, Object> config = new HashMap<>();
    config.put("openlineage.transport.type", "http");
    config.put("openlineage.transport.url", endpoint.url());
    config.put("openlineage.transport.endpoint", LineageEndpoint.PATH);
    config.put("openlineage.transport.timeoutInMillis", "1000");
    config.put("openlineage.queue.capacity", "2");
    config.put("openlineage.retry.max.attempts", "1000");
    config.put("openlineage.retry.backoff.initial.ms", "50");
    config.put("openlineage.retry.backoff.max.ms", "200");
    config.put("openlineage.meter.registry", registry);
    return config;
  }

  /**
   * The registry counting the emitter, for runtimes that take the emitter's settings as text and
   * publish its meters in Micrometer's global registry instead.
   */
  public MeterRegistry registry() {
    return registry;
  }

  /** Writes with {@code writeOne} until the emitter has dropped snapshots; nothing reached it. */
  public void writeUntilDropped(Callable<?> writeOne) {
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () -> {
              writeOne.call();
              return dropped() >= 2;
            });
    assertThat(endpoint.bodies()).isEmpty();
  }

  /** Brings the endpoint back and waits for a snapshot to arrive. */
  public void restoreAndAwaitSnapshot() throws Exception {
    endpoint.restart();
    await()
        .atMost(Duration.ofSeconds(20))
        .until(
            () -> endpoint.events().stream().anyMatch(e -> e.getEventType() == EventType.RUNNING));
  }

  /**
   * After the client closed: the run completed, counted some (not more than the written) records of
   * {@code dataset} as output, retried, and every event conforms to the schemas.
   */
  public void assertRecovered(String dataset, long written) {
    await()
        .atMost(Duration.ofSeconds(10))
        .until(
            () -> endpoint.events().stream().anyMatch(e -> e.getEventType() == EventType.COMPLETE));
    assertThat(RunEvents.rows(endpoint.events(), dataset, false))
        .isPositive()
        .isLessThanOrEqualTo(written);
    assertThat(endpoint.bodies())
        .allSatisfy(json -> assertThat(SCHEMAS.violations(json)).isEmpty());
    assertThat(registry.get("tributary.lineage.events.retries").functionCounter().count())
        .isPositive();
  }

  @Override
  public void close() {
    endpoint.close();
  }

  private double dropped() {
    var counter = registry.find("tributary.lineage.events.dropped").functionCounter();
    return Objects.isNull(counter) ? 0 : counter.count();
  }
}
