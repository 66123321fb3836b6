package io.tributary.emitters;

import java.util.HashMap;
import java.util.Map;

/**
 * Turns cumulative counters read from an engine (metrics totals) into per-window statistics. When a
 * total goes backwards (a thread or task was replaced and its counter restarted) the new total is
 * taken as the window. Not thread-safe: used from one snapshot thread.
 */
public final class RunningTotals {
  private final Map<String, long[]> last = new HashMap<>();

  /** The window since the previous call for this key. */
  public Statistics window(String key, long records, long bytes) {
    long[] previous = last.put(key, new long[] {records, bytes});
    if (previous == null) {
      return new Statistics(Math.max(0, records), Math.max(0, bytes));
    }
    return new Statistics(delta(records, previous[0]), delta(bytes, previous[1]));
  }

  private static long delta(long now, long before) {
    if (now < 0) {
      return 0;
    }
    return now >= before ? now - before : now;
  }
}
