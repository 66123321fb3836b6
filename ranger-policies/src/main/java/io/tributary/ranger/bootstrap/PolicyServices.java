package io.tributary.ranger.bootstrap;

import io.tributary.contract.TenantId;
import io.tributary.ranger.AuthorizerConfig;
import io.tributary.ranger.EntityResources;
import io.tributary.ranger.TributaryAuthorizer;
import io.tributary.ranger.admin.RangerAdminApi;
import io.tributary.ranger.admin.RangerAdminConfig;
import io.tributary.ranger.admin.RangerAdminPolicyStore;
import io.tributary.ranger.audit.AuditSink;
import io.tributary.ranger.auth.Authenticator;
import io.tributary.ranger.quota.QuotaEnforcer;
import io.tributary.ranger.tenancy.LocalPolicyStore;
import io.tributary.ranger.tenancy.PolicyStore;
import io.tributary.ranger.tenancy.Quotas;
import io.tributary.ranger.tenancy.Tenant;
import io.tributary.ranger.tenancy.TenantConfig;
import io.tributary.ranger.tenancy.TenantExistsException;
import io.tributary.ranger.tenancy.TenantPolicies;
import io.tributary.ranger.tenancy.TenantRegistry;
import io.tributary.ranger.tenancy.TenantStore;
import java.time.InstantSource;
import java.util.Objects;
import java.util.function.IntSupplier;

/**
 * Everything the catalog server needs from this module, wired together: authentication,
 * authorization, the tenant registry and quotas. The registry is recorded in a {@link TenantStore}
 * ({@code tenants.json} in the data directory, {@link #REGISTRY_FILE}, for one server); the {@link
 * TenantId#DEFAULT default} tenant always exists.
 */
public record PolicyServices(
    Authenticator authenticator,
    TributaryAuthorizer authorizer,
    TenantRegistry tenants,
    QuotaEnforcer quotas,
    AuditSink audit)
    implements AutoCloseable {
  public static final String REGISTRY_FILE = "tenants.json";

  public PolicyServices {
    Objects.requireNonNull(authenticator, "authenticator");
    Objects.requireNonNull(authorizer, "authorizer");
    Objects.requireNonNull(tenants, "tenants");
    Objects.requireNonNull(quotas, "quotas");
    Objects.requireNonNull(audit, "audit");
  }

  /** Policies in local files under {@code dataDir/ranger}: the embedded default. */
  public static PolicyServices embedded(
      TenantStore tenantStore,
      AuthorizerConfig config,
      Authenticator authenticator,
      AuditSink audit,
      EntityResources resources,
      InstantSource clock) {
    if (config.source() != AuthorizerConfig.Source.LOCAL_FILES) {
      throw new IllegalArgumentException("embedded policy services need local policy files");
    }
    return wire(
        tenantStore,
        config,
        new LocalPolicyStore(config.policyDir(), config.serviceName()),
        authenticator,
        audit,
        resources,
        clock);
  }

  /** Policies in Ranger Admin, which the authorizer also downloads its policies from. */
  public static PolicyServices rangerAdmin(
      TenantStore tenantStore,
      AuthorizerConfig config,
      RangerAdminConfig admin,
      Authenticator authenticator,
      AuditSink audit,
      EntityResources resources,
      InstantSource clock) {
    if (config.source() != AuthorizerConfig.Source.RANGER_ADMIN) {
      throw new IllegalArgumentException(
          "Ranger Admin policy services need Ranger Admin as source");
    }
    return wire(
        tenantStore,
        config,
        new RangerAdminPolicyStore(new RangerAdminApi(admin)),
        authenticator,
        audit,
        resources,
        clock);
  }

  private static PolicyServices wire(
      TenantStore tenantStore,
      AuthorizerConfig config,
      PolicyStore store,
      Authenticator authenticator,
      AuditSink audit,
      EntityResources resources,
      InstantSource clock) {
    TenantRegistry tenants =
        TenantRegistry.open(tenantStore, store, new TenantPolicies(config.serviceName()), clock);
    if (tenants.get(TenantId.DEFAULT).isEmpty()) {
      try {
        tenants.create(TenantId.DEFAULT, TenantConfig.DEFAULT);
      } catch (TenantExistsException e) {
        // Another server of the cluster created it first.
      }
    }
    QuotaEnforcer quotas =
        new QuotaEnforcer(
            tenant ->
                tenants
                    .get(tenant)
                    .map(Tenant::config)
                    .map(TenantConfig::quotas)
                    .orElse(Quotas.UNLIMITED),
            clock);
    TributaryAuthorizer authorizer = TributaryAuthorizer.start(config, audit, resources);
    // Changes other servers make reach this one through the registry, not through its API.
    tenants.onChange(authorizer::refresh);
    return new PolicyServices(authenticator, authorizer, tenants, quotas, audit);
  }

  /**
   * A copy whose ingest quotas are this server's share when {@code servers} servers (each with its
   * own buckets) serve the same tenants; the same parts, so close only one of the two.
   */
  public PolicyServices withQuotasSharedAmong(IntSupplier servers) {
    return new PolicyServices(
        authenticator, authorizer, tenants, quotas.sharedAmong(servers), audit);
  }

  @Override
  public void close() {
    tenants.close();
    authorizer.close();
    audit.close();
  }
}
