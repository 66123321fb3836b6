package io.tributary.server.atlas;

import io.tributary.catalog.Types;
import io.tributary.catalog.Visibility;
import io.tributary.contract.TenantId;
import java.util.Objects;
import java.util.Set;

/**
 * What one Atlas call acts on: one tenant, and within it what the caller may see.
 *
 * @param visibility the caller's visibility; entities of other tenants are never visible
 */
public record AtlasScope(TenantId tenant, Visibility visibility) {
  public AtlasScope {
    Objects.requireNonNull(tenant, "tenant");
    Objects.requireNonNull(visibility, "visibility");
  }

  /** A call of a catalog without access control: everything of the tenant. */
  public static AtlasScope unrestricted(TenantId tenant) {
    return new AtlasScope(tenant, entity -> true);
  }

  /**
   * The tenant's entities that the caller may see; never private ones (dashboards, governance
   * records).
   */
  public Visibility visible() {
    return Visibility.tenants(Set.of(tenant))
        .and(visibility)
        .and(entity -> !Types.isPrivate(entity.typeName()));
  }
}
