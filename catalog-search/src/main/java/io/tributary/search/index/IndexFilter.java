package io.tributary.search.index;

import io.tributary.contract.TenantId;
import java.util.Set;

/**
 * Criteria a hit must meet, all optional.
 *
 * @param types type names (a type and its subtypes), empty for any
 */
public record IndexFilter(
    TenantId tenant, Set<String> types, String classification, EntityKind kind) {
  public IndexFilter {
    types = types == null ? Set.of() : Set.copyOf(types);
  }

  public static IndexFilter none() {
    return new IndexFilter(null, Set.of(), null, null);
  }

  public static IndexFilter kind(EntityKind kind) {
    return new IndexFilter(null, Set.of(), null, kind);
  }

  public IndexFilter withKind(EntityKind k) {
    return new IndexFilter(tenant, types, classification, k);
  }

  boolean isEmpty() {
    return tenant == null && types.isEmpty() && classification == null && kind == null;
  }
}
