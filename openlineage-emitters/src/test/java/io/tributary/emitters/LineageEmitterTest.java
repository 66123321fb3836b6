package io.tributary.emitters;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.openlineage.client.OpenLineage;
import io.openlineage.client.OpenLineage.RunEvent;
import io.openlineage.client.OpenLineage.RunEvent.EventType;
import io.openlineage.client.transports.Transport;
import io.tributary.testkit.transport.CapturingTransport;
import java.net.URI;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class LineageEmitterTest {
  private static final OpenLineage OL = new OpenLineage(URI.create("https://example.test/p"));
  private static final UUID RUN = UUID.fromString("01890000-0000-7000-8000-000000000002");

  private static RunEvent event(EventType type) {
    return OL.newRunEventBuilder()
        .eventType(type)
        .eventTime(ZonedDateTime.parse("2026-01-01T00:00:00Z"))
        .run(OL.newRun(RUN, null))
        .job(OL.newJob("ns", "job", null))
        .build();
  }

  private static EmitterConfig config(int capacity, int attempts) {
    return EmitterConfig.builder()
        .queueCapacity(capacity)
        .maxAttempts(attempts)
        .initialBackoff(Duration.ofMillis(5))
        .maxBackoff(Duration.ofMillis(20))
        .closeTimeout(Duration.ofSeconds(2))
        .build();
  }

  @Test
  void shouldSendQueuedEventsInOrder() {
    CapturingTransport transport = new CapturingTransport();
    try (LineageEmitter emitter = LineageEmitter.start("job", transport, config(8, 3), null)) {
      emitter.emit(event(EventType.START));
      emitter.emit(event(EventType.RUNNING));
      emitter.emit(event(EventType.COMPLETE));

      await().atMost(Duration.ofSeconds(5)).until(() -> emitter.stats().sent() == 3);
      assertThat(transport.events())
          .extracting(RunEvent::getEventType)
          .containsExactly(EventType.START, EventType.RUNNING, EventType.COMPLETE);
    }
  }

  @Test
  void shouldRetryAFailingTransportAndCountWithoutThrowing() {
    CapturingTransport transport = new CapturingTransport();
    transport.failing(true);
    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    LineageEmitter emitter = LineageEmitter.start("job", transport, config(8, 3), registry);

    assertThat(emitter.emit(event(EventType.START))).isTrue();

    await().atMost(Duration.ofSeconds(5)).until(() -> emitter.stats().failed() == 1);
    assertThat(transport.attempts()).isEqualTo(3);
    assertThat(emitter.stats().retries()).isEqualTo(2);
    assertThat(
            registry
                .get("tributary.lineage.events.failed")
                .tag("job", "job")
                .functionCounter()
                .count())
        .isEqualTo(1.0);

    transport.failing(false);
    emitter.emit(event(EventType.COMPLETE));
    await().atMost(Duration.ofSeconds(5)).until(() -> emitter.stats().sent() == 1);
    emitter.close();
    assertThat(registry.get("tributary.lineage.events.sent").functionCounter().count())
        .isEqualTo(1.0);
  }

  @Test
  void shouldDropOldestSnapshotsWhileTheTransportIsDownAndRecover() {
    CapturingTransport transport = new CapturingTransport();
    transport.failing(true);
    EmitterConfig config =
        EmitterConfig.builder()
            .queueCapacity(3)
            .maxAttempts(1000)
            .initialBackoff(Duration.ofMillis(5))
            .maxBackoff(Duration.ofMillis(10))
            .build();
    LineageEmitter emitter = LineageEmitter.start("job", transport, config, null);
    emitter.emit(event(EventType.START));
    await().atMost(Duration.ofSeconds(5)).until(() -> emitter.stats().retries() > 0);

    for (int i = 0; i < 10; i++) {
      emitter.emit(event(EventType.RUNNING));
    }
    assertThat(emitter.stats().dropped()).isGreaterThanOrEqualTo(7);

    transport.failing(false);
    emitter.emit(event(EventType.COMPLETE));
    await().atMost(Duration.ofSeconds(5)).until(() -> emitter.stats().queueSize() == 0);
    emitter.close();

    assertThat(transport.events())
        .first()
        .extracting(RunEvent::getEventType)
        .isEqualTo(EventType.START);
    assertThat(transport.events())
        .last()
        .extracting(RunEvent::getEventType)
        .isEqualTo(EventType.COMPLETE);
    EmitterStats stats = emitter.stats();
    // Every accepted event ends exactly once: sent, failed, or dropped (evicted or superseded).
    assertThat(stats.sent() + stats.failed() + stats.dropped()).isEqualTo(stats.queued());
  }

  @Test
  void shouldCountEventsOfferedAfterClose() {
    LineageEmitter emitter =
        LineageEmitter.start("job", new CapturingTransport(), config(4, 1), null);
    emitter.close();

    assertThat(emitter.emit(event(EventType.RUNNING))).isFalse();
    assertThat(emitter.stats().dropped()).isEqualTo(1);
  }

  @Test
  void shouldReturnFromASecondCloseOnlyOnceTheFirstHasFlushed() throws Exception {
    CountDownLatch sending = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    CapturingTransport delivered = new CapturingTransport();
    Transport slow =
        new Transport() {
          @Override
          public void emit(RunEvent event) {
            sending.countDown();
            try {
              release.await();
            } catch (InterruptedException e) {
              Thread.currentThread().interrupt();
            }
            delivered.emit(event);
          }

          @Override
          public void emit(OpenLineage.DatasetEvent event) {}

          @Override
          public void emit(OpenLineage.JobEvent event) {}

          @Override
          public void close() {}
        };
    LineageEmitter emitter = LineageEmitter.start("job", slow, config(4, 1), null);
    emitter.emit(event(EventType.ABORT));
    assertThat(sending.await(5, TimeUnit.SECONDS)).isTrue();

    Thread first = new Thread(emitter::close, "first-close");
    first.start();
    await()
        .atMost(Duration.ofSeconds(5))
        .until(() -> first.getState() == Thread.State.TIMED_WAITING);
    Thread second = new Thread(emitter::close, "second-close");
    second.start();
    second.join(300);
    assertThat(second.isAlive()).as("second close waits for the flush").isTrue();

    release.countDown();
    second.join(5000);
    first.join(5000);
    assertThat(second.isAlive()).isFalse();
    assertThat(delivered.events())
        .extracting(RunEvent::getEventType)
        .containsExactly(EventType.ABORT);
  }
}
