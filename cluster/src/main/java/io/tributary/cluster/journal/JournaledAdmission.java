package io.tributary.cluster.journal;

import io.tributary.contract.TenantId;
import io.tributary.ingest.Admission;
import java.util.Objects;

/**
 * The admission of records read back from the ingest journal: the server that accepted them already
 * checked the writer's permission and charged the tenant's quota, and stamped the tenant on every
 * record, so applying them neither checks nor charges again. Only servers may write the journal
 * topic (a Kafka ACL): it is trusted like the store.
 */
public final class JournaledAdmission implements Admission {
  private final TenantId home;

  public JournaledAdmission(TenantId home) {
    this.home = Objects.requireNonNull(home, "home");
  }

  @Override
  public TenantId homeTenant() {
    return home;
  }

  @Override
  public void checkWrite(TenantId tenant) {
    // checked when the event was accepted
  }

  @Override
  public void acquire(TenantId tenant, int events) {
    // charged when the event was accepted
  }
}
