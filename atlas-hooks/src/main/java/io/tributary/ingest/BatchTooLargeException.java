package io.tributary.ingest;

import io.tributary.catalog.CatalogException;

/** A batch holds more events than the ingest queue can ever take at once; nothing was queued. */
public class BatchTooLargeException extends CatalogException {
  public BatchTooLargeException(int events, int capacity) {
    super(
        "A batch of "
            + events
            + " events exceeds the ingest queue capacity "
            + capacity
            + "; send smaller batches");
  }
}
