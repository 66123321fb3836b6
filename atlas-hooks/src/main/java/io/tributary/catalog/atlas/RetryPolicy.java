package io.tributary.catalog.atlas;

import java.time.Duration;
import java.util.Objects;

/**
 * How often and how patiently to retry a call to Atlas: exponential backoff from {@code
 * initialBackoff}, doubling up to {@code maxBackoff}, at most {@code maxAttempts} attempts in all.
 */
public record RetryPolicy(int maxAttempts, Duration initialBackoff, Duration maxBackoff) {
  public static final RetryPolicy DEFAULT =
      new RetryPolicy(5, Duration.ofMillis(200), Duration.ofSeconds(10));

  public RetryPolicy {
    Objects.requireNonNull(initialBackoff, "initialBackoff");
    Objects.requireNonNull(maxBackoff, "maxBackoff");
    if (maxAttempts < 1) {
      throw new IllegalArgumentException("maxAttempts " + maxAttempts + " must be at least 1");
    }
    if (initialBackoff.isNegative() || maxBackoff.compareTo(initialBackoff) < 0) {
      throw new IllegalArgumentException(
          "backoff " + initialBackoff + ".." + maxBackoff + " is not an increasing range");
    }
  }

  /** The pause before attempt {@code attempt} (2 for the first retry). */
  public Duration backoffBefore(int attempt) {
    long factor = 1L << Math.min(30, Math.max(0, attempt - 2));
    Duration pause = initialBackoff.multipliedBy(factor);
    return pause.compareTo(maxBackoff) > 0 ? maxBackoff : pause;
  }
}
