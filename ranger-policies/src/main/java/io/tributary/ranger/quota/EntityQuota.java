package io.tributary.ranger.quota;

import io.tributary.catalog.Catalog;
import io.tributary.catalog.EntityWrite;
import io.tributary.catalog.Mutation;
import io.tributary.catalog.Visibility;
import io.tributary.contract.TenantId;
import io.tributary.ingest.MutationEnricher;
import java.util.Objects;
import java.util.function.ToLongFunction;

/**
 * Enforces a tenant's {@code maxEntities} on every write before it is committed: a write that would
 * create entities beyond the quota is refused ({@link QuotaExceededException} of kind {@link
 * QuotaExceededException.Kind#ENTITY_COUNT}); updates of existing entities always pass. The count
 * is the catalog's maintained count, so concurrent writes may pass the quota by what one group
 * commit holds.
 */
public final class EntityQuota implements MutationEnricher {
  private final QuotaEnforcer quotas;
  private final ToLongFunction<TenantId> maxEntities;
  private final Catalog catalog;

  /**
   * @param maxEntities a tenant's quota, 0 for none
   */
  public EntityQuota(QuotaEnforcer quotas, ToLongFunction<TenantId> maxEntities, Catalog catalog) {
    this.quotas = Objects.requireNonNull(quotas, "quotas");
    this.maxEntities = Objects.requireNonNull(maxEntities, "maxEntities");
    this.catalog = Objects.requireNonNull(catalog, "catalog");
  }

  @Override
  public Mutation enrich(TenantId tenant, Mutation mutation) {
    long max = maxEntities.applyAsLong(tenant);
    if (max <= 0 || mutation.entities().isEmpty()) {
      return mutation;
    }
    long existing = catalog.count(tenant);
    if (existing + mutation.entities().size() <= max) {
      return mutation;
    }
    // Near the quota only: which of the writes would create an entity.
    long adding = 0;
    for (EntityWrite write : mutation.entities()) {
      if (catalog.get(write.key(), Visibility.all()).isEmpty()) {
        adding++;
      }
    }
    quotas.checkEntities(tenant, existing, adding);
    return mutation;
  }
}
