package io.tributary.ingest;

import io.tributary.catalog.TenantId;

/**
 * Decides whether events may enter a tenant: the catalog server's authorization and quotas, seen
 * from ingestion, which knows neither.
 */
@FunctionalInterface
public interface RecordAdmission {
  /** Admits everything: for a catalog without access control. */
  RecordAdmission ANY = (tenant, events) -> {};

  /**
   * Admits {@code events} events into {@code tenant}, or refuses them.
   *
   * @throws IngestRefusedException when they may not enter, now or ever
   */
  void admit(TenantId tenant, int events);
}
