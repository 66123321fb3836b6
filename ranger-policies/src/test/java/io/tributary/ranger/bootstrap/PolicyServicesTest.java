package io.tributary.ranger.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tributary.contract.TenantId;
import io.tributary.ranger.AccessType;
import io.tributary.ranger.AuthorizerConfig;
import io.tributary.ranger.EntityResources;
import io.tributary.ranger.Principal;
import io.tributary.ranger.ResourcePath;
import io.tributary.ranger.audit.Slf4jAuditSink;
import io.tributary.ranger.auth.Authenticator;
import io.tributary.ranger.quota.QuotaExceededException;
import io.tributary.ranger.tenancy.Quotas;
import io.tributary.ranger.tenancy.TenantConfig;
import io.tributary.ranger.tenancy.TenantRole;
import io.tributary.ranger.tenancy.TenantStore;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PolicyServicesTest {
  @TempDir Path dataDir;

  @Test
  void shouldWireAnEmbeddedSetupWithTheDefaultTenantAndRegistryQuotas() {
    AuthorizerConfig config =
        AuthorizerConfig.localFiles(dataDir)
            .withPollInterval(Duration.ofHours(1), Duration.ofHours(1));
    try (PolicyServices services =
        PolicyServices.embedded(
            TenantStore.file(dataDir.resolve(PolicyServices.REGISTRY_FILE)),
            config,
            Authenticator.open(),
            new Slf4jAuditSink(),
            EntityResources.builtIn(),
            InstantSource.fixed(Instant.parse("2026-03-01T12:00:00Z")))) {
      assertThat(services.tenants().get(TenantId.DEFAULT)).isPresent();
      assertThat(dataDir.resolve("tenants.json")).exists();

      Principal local = services.authenticator().authenticate(null, null);
      services.authorizer().checkPlatformAdmin(local);
      Principal writer =
          new Principal(
              "w",
              Set.of(),
              Set.of(TenantRole.WRITER.roleName(TenantId.DEFAULT)),
              TenantId.DEFAULT);
      assertThat(
              services
                  .authorizer()
                  .isAllowed(writer, AccessType.WRITE, ResourcePath.tenant(TenantId.DEFAULT)))
          .isTrue();

      TenantId acme = new TenantId("acme");
      services
          .tenants()
          .create(acme, new TenantConfig(null, null, new Quotas(1, 2, 0), null, null));
      services.quotas().acquire(acme, 2);
      assertThatThrownBy(() -> services.quotas().acquire(acme, 1))
          .isInstanceOf(QuotaExceededException.class);
      services.quotas().acquire(TenantId.DEFAULT, 1_000);
    }
  }
}
