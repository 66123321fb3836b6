package io.tributary.ingest;

import io.tributary.catalog.CatalogException;
import java.time.Duration;
import java.util.Optional;

/**
 * Events were refused entry into a tenant: forever (the writer may not write it) or for a while
 * (the tenant is over its ingest quota, see {@link #retryAfter}).
 */
public class IngestRefusedException extends CatalogException {
  private final transient Duration retryAfter;

  /**
   * @param retryAfter when the same events may be admitted, or null when they never will
   */
  public IngestRefusedException(String message, Duration retryAfter) {
    super(message);
    this.retryAfter = retryAfter;
  }

  /** Empty when waiting will not help. */
  public Optional<Duration> retryAfter() {
    return Optional.ofNullable(retryAfter);
  }
}
