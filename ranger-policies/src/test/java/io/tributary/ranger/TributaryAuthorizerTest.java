package io.tributary.ranger;

import static io.tributary.ranger.Fixtures.ACME;
import static io.tributary.ranger.Fixtures.GLOBEX;
import static io.tributary.ranger.Fixtures.INITECH;
import static io.tributary.ranger.Fixtures.user;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tributary.ranger.audit.ReadAudit;
import io.tributary.ranger.tenancy.TenantRole;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TributaryAuthorizerTest {
  @TempDir Path dataDir;
  private final Fixtures.CapturingSink audit = new Fixtures.CapturingSink();
  private TributaryAuthorizer authorizer;

  @BeforeEach
  void start() {
    AuthorizerConfig config = Fixtures.config(dataDir);
    Fixtures.writeTenantPolicies(config.policyDir());
    authorizer = TributaryAuthorizer.start(config, audit, EntityResources.builtIn());
  }

  @AfterEach
  void stop() {
    authorizer.close();
  }

  @Test
  void shouldGrantEachTenantRoleItsAccessesOnItsOwnTenant() {
    ResourcePath orders = ResourcePath.dataset(ACME, "prod", "orders");
    for (AccessType access : AccessType.values()) {
      assertThat(authorizer.isAllowed(user(ACME, TenantRole.ADMIN), access, orders))
          .as("admin %s", access)
          .isTrue();
      assertThat(authorizer.isAllowed(user(ACME, TenantRole.WRITER), access, orders))
          .as("writer %s", access)
          .isEqualTo(TenantRole.WRITER.accesses().contains(access));
      assertThat(authorizer.isAllowed(user(ACME, TenantRole.READER), access, orders))
          .as("reader %s", access)
          .isEqualTo(TenantRole.READER.accesses().contains(access));
    }
  }

  @Test
  void shouldApplyTenantPoliciesToJobsAndTenantLevelRequests() {
    assertThat(
            authorizer.isAllowed(
                user(GLOBEX, TenantRole.READER),
                AccessType.READ,
                ResourcePath.job(GLOBEX, "prod", "enricher")))
        .isTrue();
    assertThat(
            authorizer.isAllowed(
                user(GLOBEX, TenantRole.WRITER), AccessType.WRITE, ResourcePath.tenant(GLOBEX)))
        .isTrue();
    assertThat(
            authorizer.isAllowed(
                user(GLOBEX, TenantRole.READER),
                AccessType.READ,
                ResourcePath.namespace(GLOBEX, "staging")))
        .isTrue();
  }

  @Test
  void shouldDenyEveryRoleOnOtherTenants() {
    for (TenantRole role : TenantRole.values()) {
      for (AccessType access : AccessType.values()) {
        assertThat(
                authorizer.isAllowed(
                    user(ACME, role), access, ResourcePath.dataset(GLOBEX, "prod", "orders")))
            .isFalse();
        assertThat(authorizer.isAllowed(user(INITECH, role), access, ResourcePath.tenant(ACME)))
            .isFalse();
      }
    }
  }

  @Test
  void shouldThrowTypedExceptionNamingUserAccessAndResourceOnDeniedWrite() {
    assertThatThrownBy(() -> authorizer.checkWrite(user(ACME, TenantRole.READER), ACME))
        .isInstanceOf(AccessDeniedException.class)
        .hasMessage("User 'acme-reader' may not write tenant 'acme'")
        .satisfies(
            e -> assertThat(((AccessDeniedException) e).accessType()).isEqualTo(AccessType.WRITE));
    authorizer.checkWrite(user(ACME, TenantRole.WRITER), ACME);
    authorizer.checkAdmin(user(ACME, TenantRole.ADMIN), ACME);
    assertThatThrownBy(() -> authorizer.checkAdmin(user(ACME, TenantRole.ADMIN), GLOBEX))
        .isInstanceOf(AccessDeniedException.class);
  }

  @Test
  void shouldReservePlatformAdministrationToPlatformAdmins() {
    authorizer.checkPlatformAdmin(Fixtures.platformAdmin());
    authorizer.checkAdmin(Fixtures.platformAdmin(), INITECH);
    assertThatThrownBy(() -> authorizer.checkPlatformAdmin(user(ACME, TenantRole.ADMIN)))
        .isInstanceOf(AccessDeniedException.class)
        .hasMessageContaining("tenant '_platform'");
    assertThatThrownBy(() -> authorizer.checkPlatformAdmin(Fixtures.nobody()))
        .isInstanceOf(AccessDeniedException.class);
  }

  @Test
  void shouldAuditDecisionsWithTheDecidingPolicy() {
    authorizer.isAllowed(
        user(ACME, TenantRole.READER), AccessType.READ, ResourcePath.dataset(ACME, "prod", "x"));
    authorizer.isAllowed(
        user(ACME, TenantRole.READER), AccessType.WRITE, ResourcePath.dataset(ACME, "prod", "x"));
    assertThat(audit.records)
        .anySatisfy(
            r -> {
              assertThat(r.user()).isEqualTo("acme-reader");
              assertThat(r.accessType()).isEqualTo("read");
              assertThat(r.resource()).isEqualTo("acme/prod/x");
              assertThat(r.allowed()).isTrue();
              assertThat(r.policyId()).isPositive();
              assertThat(r.tenant()).isEqualTo("acme");
            })
        .anySatisfy(
            r -> {
              assertThat(r.accessType()).isEqualTo("write");
              assertThat(r.allowed()).isFalse();
            });
  }

  @Test
  void shouldAuditAReadRequestWithADenialAsOneRecordCountingItsEntities() {
    ReadRequest request = authorizer.readRequest(user(ACME, TenantRole.READER));
    io.tributary.catalog.Visibility visibility = request.visibility(AccessType.READ);
    audit.records.clear();
    assertThat(visibility.canSee(Fixtures.dataset(ACME, "orders", "prod"))).isTrue();
    assertThat(visibility.canSee(Fixtures.dataset(ACME, "orders", "prod"))).isTrue();
    assertThat(visibility.canSee(Fixtures.dataset(GLOBEX, "orders", "prod"))).isFalse();
    assertThat(visibility.canSee(Fixtures.job(ACME, "enricher", "prod"))).isTrue();
    assertThat(audit.records).as("nothing is audited per entity").isEmpty();

    request.finish("GET /api/v1/search", ReadAudit.denialsOnly(audit));

    assertThat(audit.records)
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.allowed()).isFalse();
              assertThat(r.request()).isEqualTo("GET /api/v1/search");
              assertThat(r.entities()).isEqualTo(4);
              assertThat(r.denied()).isEqualTo(1);
              assertThat(r.resource()).isEqualTo("globex/prod/orders");
              assertThat(r.resourceType()).isEqualTo("dataset");
              assertThat(r.user()).isEqualTo("acme-reader");
            });
  }

  @Test
  void shouldNotAuditAllowedReadsUnlessConfigured() {
    io.tributary.catalog.Entity orders = Fixtures.dataset(ACME, "orders", "prod");
    ReadRequest off = authorizer.readRequest(user(ACME, TenantRole.READER));
    off.lineage().canSee(orders);
    off.finish("GET /api/v1/lineage/g", ReadAudit.denialsOnly(audit));
    assertThat(audit.records).isEmpty();

    ReadRequest all = authorizer.readRequest(user(ACME, TenantRole.READER));
    all.lineage().canSee(orders);
    all.finish("GET /api/v1/lineage/g", ReadAudit.of(ReadAudit.Mode.ALL, 0, audit));
    assertThat(audit.records)
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.allowed()).isTrue();
              assertThat(r.accessType()).isEqualTo("lineage");
              assertThat(r.entities()).isEqualTo(1);
              assertThat(r.resource()).isEqualTo("acme");
            });
  }

  @Test
  void shouldAuditTheSampledShareOfAllowedReads() {
    double[] draws = {0.5, 0.001};
    int[] next = {0};
    ReadAudit sampled =
        new ReadAudit(ReadAudit.Mode.SAMPLED, 0.01, audit, () -> draws[next[0]++ % 2]);
    for (int i = 0; i < 2; i++) {
      ReadRequest request = authorizer.readRequest(user(ACME, TenantRole.READER));
      request.visibility(AccessType.READ).canSee(Fixtures.dataset(ACME, "orders", "prod"));
      request.finish("GET /api/v1/entities/g", sampled);
    }
    assertThat(audit.records).hasSize(1);
  }

  @Test
  void shouldDecideReadsAfreshWhenThePolicyVersionChanges() {
    ReadRequest before = authorizer.readRequest(user(ACME, TenantRole.READER));
    assertThat(before.visibility(AccessType.READ).canSee(Fixtures.dataset(GLOBEX, "x", "prod")))
        .isFalse();
    new io.tributary.ranger.tenancy.LocalPolicyStore(authorizer.config().policyDir(), "tributary")
        .put(
            new io.tributary.ranger.tenancy.TenantPolicies("tributary")
                .forShare(
                    new io.tributary.ranger.tenancy.Share(
                        "x", GLOBEX, ACME, "prod", java.util.List.of("x"), Fixtures.T0)));
    authorizer.refresh();
    ReadRequest after = authorizer.readRequest(user(ACME, TenantRole.READER));
    assertThat(after.visibility(AccessType.READ).canSee(Fixtures.dataset(GLOBEX, "x", "prod")))
        .isTrue();
  }

  /** Entities in four namespaces of two tenants, datasets and jobs, every tenth one of globex. */
  private static java.util.List<io.tributary.catalog.Entity> estate(int size) {
    java.util.List<io.tributary.catalog.Entity> out = new java.util.ArrayList<>();
    for (int i = 0; i < size; i++) {
      io.tributary.contract.TenantId tenant = i % 10 == 0 ? GLOBEX : ACME;
      String namespace = "ns-" + (i % 4);
      out.add(
          i % 2 == 0
              ? Fixtures.dataset(tenant, "d-" + i, namespace)
              : Fixtures.job(tenant, "j-" + i, namespace));
    }
    return out;
  }

  /** What Ranger decides for the entity on its own, lineage and read, as before any memory. */
  private boolean decidedAlone(Principal principal, io.tributary.catalog.Entity e) {
    ResourcePath path = EntityResources.builtIn().of(e);
    return authorizer.isAllowed(principal, AccessType.LINEAGE, path, e.classifications())
        && authorizer.isAllowed(principal, AccessType.READ, path, e.classifications());
  }

  @Test
  void shouldEvaluateALineageAnswerOncePerTenantNamespaceAndKindWithTheSameDecisions() {
    Principal reader = user(ACME, TenantRole.READER);
    java.util.List<io.tributary.catalog.Entity> answer = estate(5_000);
    long before = authorizer.readEvaluations();

    io.tributary.catalog.Visibility lineage = authorizer.readRequest(reader).lineage();
    java.util.List<Boolean> decided = answer.stream().map(lineage::canSee).toList();

    // 2 tenants x 4 namespaces x 2 kinds x 2 accesses at most, not 2 per entity.
    assertThat(authorizer.readEvaluations() - before).isLessThanOrEqualTo(32);
    assertThat(decided).containsOnly(true, false).contains(true, false);
    for (int i = 0; i < answer.size(); i++) {
      assertThat(decided.get(i))
          .as("%s", answer.get(i))
          .isEqualTo(decidedAlone(reader, answer.get(i)));
    }
  }

  @Test
  void shouldStillDecideByNameWhereAPolicyNamesDatasetsOneByOne() {
    new io.tributary.ranger.tenancy.LocalPolicyStore(authorizer.config().policyDir(), "tributary")
        .put(
            new io.tributary.ranger.tenancy.TenantPolicies("tributary")
                .forShare(
                    new io.tributary.ranger.tenancy.Share(
                        "x", GLOBEX, ACME, "ns-0", java.util.List.of("d-0"), Fixtures.T0)));
    authorizer.refresh();
    Principal reader = user(ACME, TenantRole.READER);
    java.util.List<io.tributary.catalog.Entity> answer = estate(400);
    long before = authorizer.readEvaluations();

    io.tributary.catalog.Visibility read =
        authorizer.readRequest(reader).visibility(AccessType.READ);
    java.util.List<Boolean> decided = answer.stream().map(read::canSee).toList();

    // The shared dataset is visible and its neighbours in globex's ns-0 are not.
    assertThat(decided.get(0)).isTrue();
    assertThat(decided.get(20)).isFalse();
    for (int i = 0; i < answer.size(); i++) {
      ResourcePath path = EntityResources.builtIn().of(answer.get(i));
      assertThat(decided.get(i))
          .as("%s", answer.get(i))
          .isEqualTo(authorizer.isAllowed(reader, AccessType.READ, path, java.util.Set.of()));
    }
    // Globex's ns-0 (20 datasets of the 400) is decided name by name, the rest per namespace.
    assertThat(authorizer.readEvaluations() - before).isBetween(20L, 20L + 16L);
  }
}
