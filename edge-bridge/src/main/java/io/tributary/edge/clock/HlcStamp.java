package io.tributary.edge.clock;

import java.time.Instant;

/**
 * A hybrid logical clock reading: the largest physical time (epoch milliseconds) the node had seen,
 * and a counter that orders readings within that millisecond.
 */
public record HlcStamp(long physicalTime, long logical) implements Comparable<HlcStamp> {
  /** Readings within one millisecond map to distinct nanoseconds, so instants keep their order. */
  private static final long MAX_LOGICAL = 999_999;

  public HlcStamp {
    if (physicalTime < 0 || logical < 0) {
      throw new IllegalArgumentException(
          "HLC stamp needs non-negative parts: " + physicalTime + "/" + logical);
    }
  }

  /**
   * The stamp as an instant: the physical time plus the counter in nanoseconds. It is the {@code
   * eventTime} of a journaled event, so the catalog's newest-wins rule follows the clock's order.
   */
  public Instant instant() {
    return Instant.ofEpochMilli(physicalTime).plusNanos(Math.min(logical, MAX_LOGICAL));
  }

  @Override
  public int compareTo(HlcStamp other) {
    int byTime = Long.compare(physicalTime, other.physicalTime);
    return byTime != 0 ? byTime : Long.compare(logical, other.logical);
  }
}
