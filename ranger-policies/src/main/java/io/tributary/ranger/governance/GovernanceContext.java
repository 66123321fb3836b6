package io.tributary.ranger.governance;

import io.tributary.catalog.Catalog;
import io.tributary.catalog.types.TypeRegistry;
import io.tributary.contract.TenantId;
import io.tributary.ranger.EntityResources;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * What the governance services (retention, quality, stewardship) work on: the catalog, the store of
 * their records, the types, the resources Ranger authorizes entities as, the tenants there are, and
 * the clock.
 */
public record GovernanceContext(
    Catalog catalog,
    GovernanceStore store,
    TypeRegistry types,
    EntityResources resources,
    Supplier<List<TenantId>> tenants,
    Clock clock) {
  public GovernanceContext {
    Objects.requireNonNull(catalog, "catalog");
    Objects.requireNonNull(store, "store");
    Objects.requireNonNull(types, "types");
    Objects.requireNonNull(resources, "resources");
    Objects.requireNonNull(tenants, "tenants");
    Objects.requireNonNull(clock, "clock");
  }
}
