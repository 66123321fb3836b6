package io.tributary.server.security;

import io.tributary.config.Configuration;
import io.tributary.contract.TenantId;
import io.tributary.ingest.Admission;
import io.tributary.ingest.IngestRefusedException;
import io.tributary.ingest.IngestSettings;
import io.tributary.ranger.AccessDeniedException;
import io.tributary.ranger.Principal;
import io.tributary.ranger.TributaryAuthorizer;
import io.tributary.ranger.bootstrap.PolicyServices;
import io.tributary.ranger.quota.QuotaEnforcer;
import io.tributary.ranger.quota.QuotaExceededException;
import io.tributary.ranger.tenancy.TenantRole;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * What the Kafka ingest consumer may write: it acts as user {@code kafka:<topic>} with configured
 * roles (by default the writer role of the topic's tenant; the platform administrator's while
 * authentication is off), so a record naming another tenant, by header, key or body, is refused
 * unless those roles may write it. Quotas apply as to HTTP ingest.
 */
public final class KafkaIngestPolicy implements Admission {
  private final Principal principal;
  private final TributaryAuthorizer authorizer;
  private final QuotaEnforcer quotas;

  public KafkaIngestPolicy(
      Principal principal, TributaryAuthorizer authorizer, QuotaEnforcer quotas) {
    this.principal = Objects.requireNonNull(principal, "principal");
    this.authorizer = Objects.requireNonNull(authorizer, "authorizer");
    this.quotas = Objects.requireNonNull(quotas, "quotas");
  }

  public static KafkaIngestPolicy of(Configuration config, PolicyServices policies) {
    TenantId tenant =
        config
            .find(IngestSettings.KAFKA_TENANT)
            .map(TenantId::new)
            .orElse(PolicySetup.openTenant(config));
    List<String> configured = config.get(IngestSettings.KAFKA_ROLES);
    Set<String> roles;
    if (configured != null && !configured.isEmpty()) {
      roles = Set.copyOf(configured);
    } else if (policies.authenticator().isOpen()) {
      roles = Set.of(TenantRole.PLATFORM_ADMIN);
    } else {
      roles = Set.of(TenantRole.WRITER.roleName(tenant));
    }
    Principal principal =
        new Principal("kafka:" + config.get(IngestSettings.KAFKA_TOPIC), Set.of(), roles, tenant);
    return new KafkaIngestPolicy(principal, policies.authorizer(), policies.quotas());
  }

  /** The tenant of records that name none: the topic's. */
  @Override
  public TenantId homeTenant() {
    return principal.tenant();
  }

  @Override
  public void checkWrite(TenantId tenant) {
    try {
      authorizer.checkWrite(principal, tenant);
    } catch (AccessDeniedException e) {
      throw new IngestRefusedException(e.getMessage(), null);
    }
  }

  @Override
  public void acquire(TenantId tenant, int events) {
    try {
      quotas.acquire(tenant, events);
    } catch (QuotaExceededException e) {
      throw new IngestRefusedException(
          e.getMessage(),
          e.retryAfterSeconds().isPresent()
              ? Duration.ofSeconds(e.retryAfterSeconds().getAsLong())
              : null);
    }
  }
}
