package io.tributary.cluster.changes;

import io.tributary.catalog.ChangeEvent;
import java.util.Objects;

/**
 * One change as the log carries it.
 *
 * @param origin the id of the server that committed it
 * @param event the change with the origin feed's sequence, which increases per origin (also across
 *     its restarts), so it identifies the change in the log
 */
public record ChangeRecord(String origin, ChangeEvent event) {
  public ChangeRecord {
    Objects.requireNonNull(origin, "origin");
    Objects.requireNonNull(event, "event");
  }

  public long originSequence() {
    return event.sequence();
  }
}
