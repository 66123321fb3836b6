package io.tributary.ranger.tenancy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tributary.contract.TenantId;
import io.tributary.ranger.AccessType;
import io.tributary.ranger.AuthorizerConfig;
import io.tributary.ranger.EntityResources;
import io.tributary.ranger.Principal;
import io.tributary.ranger.ResourcePath;
import io.tributary.ranger.TributaryAuthorizer;
import io.tributary.ranger.audit.AuditRecord;
import io.tributary.ranger.audit.AuditSink;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TenantRegistryTest {
  private static final TenantId ACME = new TenantId("acme");
  private static final TenantId GLOBEX = new TenantId("globex");
  private static final TenantId INITECH = new TenantId("initech");
  private static final InstantSource CLOCK =
      InstantSource.fixed(Instant.parse("2026-03-01T12:00:00Z"));

  @TempDir Path dataDir;
  private AuthorizerConfig config;
  private TenantRegistry registry;
  private TributaryAuthorizer authorizer;

  @BeforeEach
  void start() {
    config =
        AuthorizerConfig.localFiles(dataDir)
            .withPollInterval(Duration.ofHours(1), Duration.ofHours(1));
    registry = open();
    authorizer =
        TributaryAuthorizer.start(
            config,
            new AuditSink() {
              @Override
              public void send(AuditRecord record) {}

              @Override
              public long dropped() {
                return 0;
              }
            },
            EntityResources.builtIn());
  }

  private TenantRegistry open() {
    return TenantRegistry.open(
        dataDir.resolve("tenants.json"),
        new LocalPolicyStore(config.policyDir(), "tributary"),
        new TenantPolicies("tributary"),
        CLOCK);
  }

  @AfterEach
  void stop() {
    authorizer.close();
  }

  @Test
  void shouldCreateTenantPolicyFilesThatTakeEffectAtTheNextPoll() {
    Principal acmeWriter = member(ACME, TenantRole.WRITER);
    assertThat(authorizer.isAllowed(acmeWriter, AccessType.WRITE, ResourcePath.tenant(ACME)))
        .isFalse();

    registry.create(ACME, TenantConfig.DEFAULT);
    registry.create(GLOBEX, TenantConfig.DEFAULT);
    registry.create(INITECH, TenantConfig.DEFAULT);
    assertThat(config.policyDir().resolve("tenant-acme.json")).exists();
    authorizer.refresh();

    assertThat(authorizer.isAllowed(acmeWriter, AccessType.WRITE, ResourcePath.tenant(ACME)))
        .isTrue();
    assertThat(authorizer.isAllowed(acmeWriter, AccessType.WRITE, ResourcePath.tenant(GLOBEX)))
        .isFalse();
    assertThat(registry.list()).extracting(Tenant::id).containsExactly(ACME, GLOBEX, INITECH);
  }

  @Test
  void shouldRemovePoliciesAndSharesOfADeletedTenant() {
    registry.create(ACME, TenantConfig.DEFAULT);
    registry.create(GLOBEX, TenantConfig.DEFAULT);
    registry.share(ACME, GLOBEX, "prod", List.of("orders"));
    authorizer.refresh();
    Principal acmeReader = member(ACME, TenantRole.READER);
    assertThat(authorizer.isAllowed(acmeReader, AccessType.READ, ResourcePath.tenant(ACME)))
        .isTrue();

    registry.delete(ACME);
    authorizer.refresh();

    assertThat(authorizer.isAllowed(acmeReader, AccessType.READ, ResourcePath.tenant(ACME)))
        .isFalse();
    assertThat(registry.get(ACME)).isEmpty();
    assertThat(registry.shares(GLOBEX)).isEmpty();
    try (var files = Files.list(config.policyDir())) {
      assertThat(files.map(p -> p.getFileName().toString()))
          .containsExactlyInAnyOrder("platform.json", "tenant-globex.json");
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  @Test
  void shouldGrantSharedDatasetsToTheGranteeUntilRevoked() {
    registry.create(ACME, TenantConfig.DEFAULT);
    registry.create(GLOBEX, TenantConfig.DEFAULT);
    registry.create(INITECH, TenantConfig.DEFAULT);
    Principal globexReader = member(GLOBEX, TenantRole.READER);
    ResourcePath orders = ResourcePath.dataset(ACME, "prod", "orders");
    ResourcePath payments = ResourcePath.dataset(ACME, "prod", "payments");

    Share share = registry.share(ACME, GLOBEX, "prod", List.of("orders", "orders"));
    authorizer.refresh();

    assertThat(share.datasets()).containsExactly("orders");
    assertThat(registry.share(ACME, GLOBEX, "prod", List.of("orders"))).isEqualTo(share);
    assertThat(authorizer.isAllowed(globexReader, AccessType.READ, orders)).isTrue();
    assertThat(authorizer.isAllowed(globexReader, AccessType.LINEAGE, orders)).isTrue();
    assertThat(authorizer.isAllowed(globexReader, AccessType.WRITE, orders)).isFalse();
    assertThat(authorizer.isAllowed(globexReader, AccessType.READ, payments)).isFalse();
    assertThat(authorizer.isAllowed(member(INITECH, TenantRole.ADMIN), AccessType.READ, orders))
        .isFalse();
    assertThat(registry.shares(ACME)).containsExactly(share);
    assertThat(registry.shares(GLOBEX)).containsExactly(share);

    registry.revoke(ACME, share.id());
    assertThat(authorizer.isAllowed(globexReader, AccessType.READ, orders))
        .as("revocation waits for the next policy refresh")
        .isTrue();
    authorizer.refresh();
    assertThat(authorizer.isAllowed(globexReader, AccessType.READ, orders)).isFalse();
  }

  @Test
  void shouldPersistTenantsConfigurationAndSharesAcrossRestarts() {
    TenantConfig config =
        new TenantConfig(
            "Acme Corp",
            Duration.ofDays(30),
            new Quotas(50, 200, 10_000),
            List.of(new NamespaceRule("kafka://broker-\\d+\\.(\\w+):9092", "$1")),
            List.of(new ClassificationRule("PII", "(?i)email|ssn")));
    Tenant acme = registry.create(ACME, config);
    registry.create(GLOBEX, TenantConfig.DEFAULT);
    Share share = registry.share(ACME, GLOBEX, "prod", List.of("orders-*"));

    TenantRegistry reopened = open();

    assertThat(reopened.get(ACME)).contains(acme);
    assertThat(reopened.require(ACME).config().resolveNamespace("kafka://broker-3.prod:9092"))
        .isEqualTo("prod");
    assertThat(reopened.require(ACME).config().resolveNamespace("s3://lake"))
        .isEqualTo("s3://lake");
    assertThat(reopened.require(ACME).config().classify("customers.email@prod"))
        .containsExactly("PII");
    assertThat(reopened.shares(GLOBEX)).containsExactly(share);
  }

  @Test
  void shouldUpdateConfigurationKeepingCreationTime() {
    Tenant created = registry.create(ACME, TenantConfig.DEFAULT);
    Tenant updated =
        registry.update(ACME, new TenantConfig(null, null, new Quotas(5, 5, 0), null, null));
    assertThat(updated.created()).isEqualTo(created.created());
    assertThat(registry.require(ACME).config().quotas().eventsPerSecond()).isEqualTo(5);
  }

  @Test
  void shouldReportMissingAndDuplicateTenantsAndShares() {
    registry.create(ACME, TenantConfig.DEFAULT);
    assertThatThrownBy(() -> registry.create(ACME, TenantConfig.DEFAULT))
        .isInstanceOf(TenantExistsException.class)
        .hasMessage("Tenant 'acme' already exists");
    assertThatThrownBy(() -> registry.update(GLOBEX, TenantConfig.DEFAULT))
        .isInstanceOf(TenantNotFoundException.class)
        .hasMessage("Tenant 'globex' not found");
    assertThatThrownBy(() -> registry.share(ACME, GLOBEX, "prod", List.of("orders")))
        .isInstanceOf(TenantNotFoundException.class);
    assertThatThrownBy(() -> registry.revoke(ACME, "0123456789"))
        .isInstanceOf(ShareNotFoundException.class)
        .hasMessage("Share '0123456789' of tenant 'acme' not found");
    assertThatThrownBy(() -> registry.share(ACME, ACME, "prod", List.of("orders")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("tenant 'acme' cannot share with itself");
  }

  private static Principal member(TenantId tenant, TenantRole role) {
    return new Principal(tenant + "-user", Set.of(), Set.of(role.roleName(tenant)), tenant);
  }
}
