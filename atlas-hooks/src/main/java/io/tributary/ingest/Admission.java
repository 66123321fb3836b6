package io.tributary.ingest;

import io.tributary.contract.TenantId;
import java.util.Objects;

/**
 * Who sends writes, as ingestion sees it: the tenant it writes when nothing names one, whether it
 * may write a tenant, and the tenant's ingest quota. The catalog server implements it with its
 * authorization and quotas (an HTTP request's caller, the Kafka consumer's identity); ingestion
 * knows neither.
 *
 * <p>Refusals are the implementation's own unchecked exceptions, passed on unchanged so that the
 * adapter that knows them answers them (an HTTP 403 or 429). A caller that can only tell ingest
 * failures apart, as the Kafka consumer, needs {@link IngestRefusedException}: with {@link
 * IngestRefusedException#retryAfter} when waiting helps (a quota), without when it never will.
 */
public interface Admission {
  /** The tenant of writes that name none: a caller's home tenant, a topic's tenant. */
  TenantId homeTenant();

  /**
   * Checks that the writer may write {@code tenant}.
   *
   * @throws RuntimeException when it may not
   */
  void checkWrite(TenantId tenant);

  /**
   * Takes {@code events} events from {@code tenant}'s ingest quota.
   *
   * @throws RuntimeException when the tenant is over its quota
   */
  void acquire(TenantId tenant, int events);

  /**
   * Admits every write, with {@code home} as the home tenant: for a catalog without access control.
   */
  static Admission open(TenantId home) {
    Objects.requireNonNull(home, "home");
    return new Admission() {
      @Override
      public TenantId homeTenant() {
        return home;
      }

      @Override
      public void checkWrite(TenantId tenant) {
        // everything is writable
      }

      @Override
      public void acquire(TenantId tenant, int events) {
        // no quotas
      }

      @Override
      public String toString() {
        return "Admission.open(" + home + ")";
      }
    };
  }
}
