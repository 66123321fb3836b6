package io.tributary.edge.journal;

import io.tributary.edge.clock.HlcStamp;
import java.util.Objects;

/**
 * One journaled OpenLineage event, not yet acknowledged by the catalog.
 *
 * @param sequence the node's journal sequence: never reused, also after the entry is gone
 * @param device the device the event is about
 * @param eventType START, RUNNING, COMPLETE, ... as in the event
 * @param hlc the node's clock stamp, which is also the event's {@code eventTime}
 * @param body the event without its {@code tributary_edge_event} facet, which is added when it is
 *     sent
 * @param journaledAt the node's wall clock when it was journaled, epoch milliseconds
 */
public record JournalEntry(
    long sequence, String device, String eventType, HlcStamp hlc, String body, long journaledAt) {
  public JournalEntry {
    Objects.requireNonNull(device, "device");
    Objects.requireNonNull(eventType, "eventType");
    Objects.requireNonNull(hlc, "hlc");
    Objects.requireNonNull(body, "body");
  }

  /** Whether the journal may drop it under pressure: only RUNNING snapshots. */
  public boolean droppable() {
    return "RUNNING".equals(eventType);
  }
}
