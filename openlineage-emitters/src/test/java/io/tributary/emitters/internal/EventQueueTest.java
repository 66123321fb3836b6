package io.tributary.emitters.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.openlineage.client.OpenLineage;
import io.openlineage.client.OpenLineage.RunEvent;
import io.openlineage.client.OpenLineage.RunEvent.EventType;
import java.net.URI;
import java.time.ZonedDateTime;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class EventQueueTest {
  private static final OpenLineage OL = new OpenLineage(URI.create("https://example.test/p"));
  private static final UUID RUN = UUID.fromString("01890000-0000-7000-8000-000000000001");

  private static RunEvent event(EventType type, int second) {
    return OL.newRunEventBuilder()
        .eventType(type)
        .eventTime(ZonedDateTime.parse("2026-01-01T00:00:00Z").plusSeconds(second))
        .run(OL.newRun(RUN, null))
        .job(OL.newJob("ns", "job", null))
        .build();
  }

  @Test
  void shouldDropOldestRunningSnapshotWhenFull() {
    EventQueue queue = new EventQueue(3);
    queue.offer(event(EventType.START, 0));
    queue.offer(event(EventType.RUNNING, 1));
    queue.offer(event(EventType.RUNNING, 2));

    assertThat(queue.offer(event(EventType.RUNNING, 3)))
        .isEqualTo(EventQueue.Offer.ACCEPTED_DROPPED_OLDEST);

    assertThat(queue.drain())
        .extracting(e -> e.getEventType() + "@" + e.getEventTime().getSecond())
        .containsExactly("START@0", "RUNNING@2", "RUNNING@3");
  }

  @Test
  void shouldKeepTerminalEventEvenWhenFullOfLifecycleEvents() {
    EventQueue queue = new EventQueue(2);
    queue.offer(event(EventType.START, 0));
    queue.offer(event(EventType.START, 1));

    assertThat(queue.offer(event(EventType.RUNNING, 2))).isEqualTo(EventQueue.Offer.REJECTED);
    assertThat(queue.offer(event(EventType.COMPLETE, 3))).isEqualTo(EventQueue.Offer.ACCEPTED);

    assertThat(queue.drain())
        .extracting(RunEvent::getEventType)
        .containsExactly(EventType.START, EventType.START, EventType.COMPLETE);
  }

  @Test
  void shouldTellWhetherANewerSnapshotOfTheRunIsWaiting() {
    EventQueue queue = new EventQueue(4);
    queue.offer(event(EventType.START, 0));
    assertThat(queue.hasRunningOf(RUN)).isFalse();

    queue.offer(event(EventType.RUNNING, 1));

    assertThat(queue.hasRunningOf(RUN)).isTrue();
    assertThat(queue.hasRunningOf(UUID.randomUUID())).isFalse();
  }
}
