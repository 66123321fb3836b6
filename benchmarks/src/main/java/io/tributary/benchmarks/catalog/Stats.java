package io.tributary.benchmarks.catalog;

import java.util.Arrays;

/** Latency samples in nanoseconds, summarised as percentiles in microseconds or milliseconds. */
final class Stats {
  private final long[] samples;
  private int size;

  Stats(int capacity) {
    samples = new long[capacity];
  }

  synchronized void add(long nanos) {
    if (size < samples.length) {
      samples[size++] = nanos;
    }
  }

  synchronized double percentileMillis(double p) {
    if (size == 0) {
      return Double.NaN;
    }
    long[] sorted = Arrays.copyOf(samples, size);
    Arrays.sort(sorted);
    int index = (int) Math.min(size - 1, Math.ceil(p / 100.0 * size) - 1);
    return sorted[Math.max(0, index)] / 1_000_000.0;
  }

  synchronized int size() {
    return size;
  }
}
