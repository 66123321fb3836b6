package io.tributary.ingest;

import io.tributary.catalog.CatalogException;

/**
 * The {@link IngestJournal} could not make an event durable in time (the cluster's Kafka is away):
 * the event was not accepted, and the writer should send it again later.
 */
public class IngestUnavailableException extends CatalogException {
  public IngestUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }
}
