package io.tributary.ingest;

import io.tributary.catalog.CatalogException;
import java.time.Duration;

/**
 * The ingest queue has no room for a request: the caller should retry after {@link #retryAfter}.
 */
public class IngestQueueFullException extends CatalogException {
  private final transient Duration retryAfter;

  public IngestQueueFullException(int requested, int capacity, Duration retryAfter) {
    super(
        "The ingest queue is full (capacity "
            + capacity
            + ", "
            + requested
            + " mutation(s) refused); retry after "
            + retryAfter.toSeconds()
            + " s");
    this.retryAfter = retryAfter;
  }

  public Duration retryAfter() {
    return retryAfter;
  }
}
