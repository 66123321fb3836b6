package io.tributary.catalog;

import java.util.Objects;
import java.util.Set;

/**
 * Which entities a caller may see. Built per request by the authorizer and passed into every read;
 * an entity a caller may not see is treated as absent, and a lineage path through it shows only a
 * redacted placeholder.
 */
@FunctionalInterface
public interface Visibility {
  boolean canSee(Entity entity);

  static Visibility all() {
    return entity -> true;
  }

  static Visibility tenants(Set<TenantId> tenants) {
    Set<TenantId> copy = Set.copyOf(Objects.requireNonNull(tenants, "tenants"));
    return entity -> copy.contains(entity.tenant());
  }

  default Visibility and(Visibility other) {
    return entity -> canSee(entity) && other.canSee(entity);
  }
}
