package io.tributary.catalog;

import io.tributary.contract.TenantId;
import java.util.Objects;

/**
 * The unique key of an entity: its type and qualifiedName within one tenant. Atlas makes
 * qualifiedName unique per type; Tributary makes it unique per type within each tenant, so that two
 * tenants may both own a topic called {@code orders@prod}.
 */
public record EntityKey(TenantId tenant, String typeName, String qualifiedName) {
  public EntityKey {
    Objects.requireNonNull(tenant, "tenant");
    Objects.requireNonNull(typeName, "typeName");
    Objects.requireNonNull(qualifiedName, "qualifiedName");
    if (typeName.isBlank()) {
      throw new InvalidEntityException("typeName must not be blank");
    }
    if (qualifiedName.isBlank()) {
      throw new InvalidEntityException("qualifiedName of a " + typeName + " must not be blank");
    }
  }

  @Override
  public String toString() {
    return tenant + "/" + typeName + "/" + qualifiedName;
  }
}
