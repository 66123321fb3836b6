package io.tributary.ingest;

import io.tributary.catalog.CatalogException;

/** A write arrived after the committer began to shut down; nothing of it was applied. */
public class IngestClosedException extends CatalogException {
  public IngestClosedException() {
    super("The catalog is shutting down and accepts no more writes");
  }
}
