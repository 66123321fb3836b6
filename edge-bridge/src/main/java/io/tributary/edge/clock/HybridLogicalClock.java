package io.tributary.edge.clock;

import java.time.Duration;
import java.util.Objects;
import java.util.function.LongSupplier;

/**
 * A hybrid logical clock (Kulkarni et al., 2014) of one edge node. Every event the node journals
 * gets a stamp greater than every stamp before it, also across restarts (the journal keeps the last
 * one), and close to the node's wall clock.
 *
 * <p>Devices report their own times, and their clocks drift. A device time within {@code maxDrift}
 * of the node's wall clock moves the clock forward as a received message does in the HLC algorithm,
 * so that causally later events keep later stamps. A device time further ahead is not trusted: it
 * would drag every later stamp of the node with it. It is reported to the caller, who keeps it as
 * the event's {@code deviceTime}. Not thread-safe; the bridge stamps on one thread at a time.
 */
public final class HybridLogicalClock {
  private final LongSupplier wallClock;
  private final long maxDriftMillis;
  private long physical;
  private long logical;

  /**
   * @param wallClock the node's clock, epoch milliseconds
   * @param maxDrift how far ahead of the wall clock a device's time may be and still be observed
   * @param last the last stamp issued before a restart, or null
   */
  public HybridLogicalClock(LongSupplier wallClock, Duration maxDrift, HlcStamp last) {
    this.wallClock = Objects.requireNonNull(wallClock, "wallClock");
    this.maxDriftMillis = maxDrift.toMillis();
    if (last != null) {
      physical = last.physicalTime();
      logical = last.logical();
    }
  }

  /** A stamp for a local event (one with no time of its own). */
  public HlcStamp now() {
    long wall = wallClock.getAsLong();
    if (wall > physical) {
      physical = wall;
      logical = 0;
    } else {
      logical++;
    }
    return new HlcStamp(physical, logical);
  }

  /**
   * A stamp for an event a device reported at {@code deviceMillis}.
   *
   * @return the stamp, and whether the device time was observed or, too far ahead, ignored
   */
  public Observation observe(long deviceMillis) {
    long wall = wallClock.getAsLong();
    if (deviceMillis > wall + maxDriftMillis) {
      return new Observation(now(), false);
    }
    long next = Math.max(Math.max(physical, wall), deviceMillis);
    if (next == physical) {
      logical++;
    } else {
      physical = next;
      logical = 0;
    }
    return new Observation(new HlcStamp(physical, logical), true);
  }

  /** The last stamp issued. */
  public HlcStamp last() {
    return new HlcStamp(physical, logical);
  }

  /**
   * @param observed false when the device's time was too far ahead to be trusted
   */
  public record Observation(HlcStamp stamp, boolean observed) {}
}
