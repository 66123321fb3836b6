package io.tributary.ingest;

import io.tributary.catalog.CatalogException;
import java.util.Objects;

/** An event over one of the {@link EventLimits}; nothing of it was validated or written. */
public class EventLimitException extends CatalogException {
  private final EventLimit limit;
  private final long max;
  private final String pointer;

  /**
   * @param pointer a JSON pointer to the part of the event over the limit; empty for the whole
   *     event
   * @param found how much was found, or -1 when counting stopped at the limit
   */
  public EventLimitException(EventLimit limit, long max, long found, String pointer) {
    super(message(limit, max, found, pointer));
    this.limit = Objects.requireNonNull(limit, "limit");
    this.max = max;
    this.pointer = Objects.requireNonNull(pointer, "pointer");
  }

  public EventLimit limit() {
    return limit;
  }

  /** The limit in force. */
  public long max() {
    return max;
  }

  public String pointer() {
    return pointer;
  }

  private static String message(EventLimit limit, long max, long found, String pointer) {
    String where = pointer.isEmpty() ? "The event" : "The event at " + pointer;
    String amount = found < 0 ? "more than " + max : String.valueOf(found);
    return where
        + " has "
        + amount
        + " "
        + limit.what()
        + "; the limit is "
        + max
        + " ("
        + limit.key()
        + ")";
  }
}
