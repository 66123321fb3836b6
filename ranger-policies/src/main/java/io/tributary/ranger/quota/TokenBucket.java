package io.tributary.ranger.quota;

import java.util.concurrent.atomic.AtomicReference;

/**
 * A lock-free token bucket: {@code rate} tokens a second up to {@code capacity}. Time is passed in
 * (nanoseconds), so callers choose the clock and tests control it.
 */
final class TokenBucket {
  private record State(double tokens, long at) {}

  private final double ratePerNano;
  private final long capacity;
  private final AtomicReference<State> state;

  TokenBucket(double ratePerSecond, long capacity, long nowNanos) {
    if (ratePerSecond <= 0 || capacity < 1) {
      throw new IllegalArgumentException(
          "rate " + ratePerSecond + " and capacity " + capacity + " must be positive");
    }
    this.ratePerNano = ratePerSecond / 1e9;
    this.capacity = capacity;
    this.state = new AtomicReference<>(new State(capacity, nowNanos));
  }

  long capacity() {
    return capacity;
  }

  /**
   * Takes {@code permits} tokens if there are enough. Returns 0 when taken, otherwise the
   * nanoseconds until enough will have accumulated (nothing is taken).
   */
  long tryAcquire(int permits, long nowNanos) {
    while (true) {
      State current = state.get();
      long elapsed = Math.max(0, nowNanos - current.at());
      double tokens = Math.min(capacity, current.tokens() + elapsed * ratePerNano);
      if (tokens < permits) {
        return (long) Math.ceil((permits - tokens) / ratePerNano);
      }
      State next = new State(tokens - permits, Math.max(nowNanos, current.at()));
      if (state.compareAndSet(current, next)) {
        return 0;
      }
    }
  }
}
