package io.tributary.ranger.tenancy;

import io.tributary.contract.TenantId;
import java.time.Instant;
import java.util.Objects;

/** A registered tenant. */
public record Tenant(TenantId id, TenantConfig config, Instant created, Instant updated) {
  public Tenant {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(created, "created");
    Objects.requireNonNull(updated, "updated");
    config = config == null ? TenantConfig.DEFAULT : config;
  }
}
