package io.tributary.ranger.tenancy;

import io.tributary.contract.TenantId;
import java.util.Objects;

/**
 * One change to the tenant registry, as a store records it: the new value of one key (a tenant or a
 * share), or its removal. A shared store replays these in one order on every server.
 */
public sealed interface RegistryChange {
  /** The record key: {@code tenant/<id>} or {@code share/<id>}. */
  String key();

  /** A new tenant; refused when the id exists already, so the first create wins. */
  record TenantCreated(Tenant tenant) implements RegistryChange {
    public TenantCreated {
      Objects.requireNonNull(tenant, "tenant");
    }

    @Override
    public String key() {
      return tenantKey(tenant.id());
    }
  }

  /** A tenant's new configuration. */
  record TenantUpdated(Tenant tenant) implements RegistryChange {
    public TenantUpdated {
      Objects.requireNonNull(tenant, "tenant");
    }

    @Override
    public String key() {
      return tenantKey(tenant.id());
    }
  }

  /**
   * The tenant as it stands, written after a refused create so that the key's last record (what a
   * compacted topic keeps) is the winner's, not the loser's.
   */
  record TenantRestated(Tenant tenant) implements RegistryChange {
    public TenantRestated {
      Objects.requireNonNull(tenant, "tenant");
    }

    @Override
    public String key() {
      return tenantKey(tenant.id());
    }
  }

  /** The tenant is gone, and with it every share it gave or received. */
  record TenantDeleted(TenantId id) implements RegistryChange {
    public TenantDeleted {
      Objects.requireNonNull(id, "id");
    }

    @Override
    public String key() {
      return tenantKey(id);
    }
  }

  /** A share; refused while its owner or grantee is missing. */
  record ShareGranted(Share share) implements RegistryChange {
    public ShareGranted {
      Objects.requireNonNull(share, "share");
    }

    @Override
    public String key() {
      return shareKey(share.id());
    }
  }

  /** The share is gone. */
  record ShareRevoked(String id) implements RegistryChange {
    public ShareRevoked {
      Objects.requireNonNull(id, "id");
    }

    @Override
    public String key() {
      return shareKey(id);
    }
  }

  static String tenantKey(TenantId id) {
    return "tenant/" + id.value();
  }

  static String shareKey(String id) {
    return "share/" + id;
  }
}
