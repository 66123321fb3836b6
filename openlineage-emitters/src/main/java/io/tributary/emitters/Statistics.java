package io.tributary.emitters;

/**
 * Records and bytes moved through one dataset during one snapshot window.
 *
 * @param records records (rows) in the window, or -1 when unknown
 * @param bytes serialized bytes in the window, or -1 when unknown
 */
public record Statistics(long records, long bytes) {
  public static final Statistics UNKNOWN = new Statistics(-1, -1);
  public static final Statistics ZERO = new Statistics(0, 0);

  public Statistics {
    if (records < -1 || bytes < -1) {
      throw new EmitterException("Statistics " + records + "/" + bytes + " are negative");
    }
  }

  public boolean known() {
    return records >= 0;
  }

  /** Sums two windows of the same dataset; unknown parts stay unknown only if both are. */
  public Statistics plus(Statistics other) {
    return new Statistics(sum(records, other.records), sum(bytes, other.bytes));
  }

  private static long sum(long a, long b) {
    if (a < 0) {
      return b;
    }
    return b < 0 ? a : a + b;
  }
}
