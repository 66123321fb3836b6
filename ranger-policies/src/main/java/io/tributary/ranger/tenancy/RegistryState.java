package io.tributary.ranger.tenancy;

import io.tributary.contract.TenantId;
import io.tributary.ranger.tenancy.RegistryChange.ShareGranted;
import io.tributary.ranger.tenancy.RegistryChange.ShareRevoked;
import io.tributary.ranger.tenancy.RegistryChange.TenantCreated;
import io.tributary.ranger.tenancy.RegistryChange.TenantDeleted;
import io.tributary.ranger.tenancy.RegistryChange.TenantRestated;
import io.tributary.ranger.tenancy.RegistryChange.TenantUpdated;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The registry's contents, and the one rule by which a change applies to them; every store and
 * every server applies changes through it, so the same changes in the same order give the same
 * contents.
 */
record RegistryState(Map<TenantId, Tenant> tenants, Map<String, Share> shares) {
  static final RegistryState EMPTY = new RegistryState(Map.of(), Map.of());

  RegistryState {
    tenants = Map.copyOf(tenants);
    shares = Map.copyOf(shares);
  }

  /**
   * The contents after {@code change}, or empty when it is refused: a create of an existing tenant,
   * a share between tenants that do not both exist. Updates, restatements and removals always apply
   * (a removal of something missing changes nothing), so that the last record of a key alone, which
   * is what compaction keeps, gives the same contents as the whole history.
   */
  Optional<RegistryState> apply(RegistryChange change) {
    if (change instanceof TenantCreated c) {
      return tenants.containsKey(c.tenant().id())
          ? Optional.empty()
          : Optional.of(withTenant(c.tenant()));
    }
    if (change instanceof TenantUpdated u) {
      return Optional.of(withTenant(u.tenant()));
    }
    if (change instanceof TenantRestated r) {
      return Optional.of(withTenant(r.tenant()));
    }
    if (change instanceof TenantDeleted d) {
      return Optional.of(withoutTenant(d.id()));
    }
    if (change instanceof ShareGranted g) {
      Share share = g.share();
      return tenants.containsKey(share.owner()) && tenants.containsKey(share.grantee())
          ? Optional.of(withShare(share))
          : Optional.empty();
    }
    return Optional.of(withoutShare(((ShareRevoked) change).id()));
  }

  private RegistryState withTenant(Tenant tenant) {
    Map<TenantId, Tenant> next = new LinkedHashMap<>(tenants);
    next.put(tenant.id(), tenant);
    return new RegistryState(next, shares);
  }

  private RegistryState withoutTenant(TenantId id) {
    Map<TenantId, Tenant> next = new LinkedHashMap<>(tenants);
    next.remove(id);
    Map<String, Share> kept = new LinkedHashMap<>(shares);
    kept.values().removeIf(s -> s.owner().equals(id) || s.grantee().equals(id));
    return new RegistryState(next, kept);
  }

  private RegistryState withShare(Share share) {
    Map<String, Share> next = new LinkedHashMap<>(shares);
    next.put(share.id(), share);
    return new RegistryState(tenants, next);
  }

  private RegistryState withoutShare(String id) {
    Map<String, Share> next = new LinkedHashMap<>(shares);
    next.remove(id);
    return new RegistryState(tenants, next);
  }
}
