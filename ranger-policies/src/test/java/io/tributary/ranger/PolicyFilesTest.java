package io.tributary.ranger;

import static io.tributary.ranger.Fixtures.ACME;
import static io.tributary.ranger.Fixtures.GLOBEX;
import static io.tributary.ranger.Fixtures.user;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.tributary.catalog.Visibility;
import io.tributary.contract.TenantId;
import io.tributary.ranger.tenancy.TenantRole;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PolicyFilesTest {
  private static final Principal ANALYST =
      new Principal("ann", Set.of("analysts"), Set.of(), TenantId.DEFAULT);
  private static final Principal MALLORY =
      new Principal("mallory", Set.of("analysts"), Set.of(), TenantId.DEFAULT);
  private static final Principal STEWARD =
      new Principal("sam", Set.of(), Set.of("acme.reader", "acme.steward"), ACME);

  @TempDir Path dataDir;
  private TributaryAuthorizer authorizer;

  private TributaryAuthorizer start(AuthorizerConfig config) {
    Fixtures.writeTenantPolicies(config.policyDir());
    authorizer =
        TributaryAuthorizer.start(config, new Fixtures.CapturingSink(), EntityResources.builtIn());
    return authorizer;
  }

  @AfterEach
  void stop() {
    if (authorizer != null) {
      authorizer.close();
    }
  }

  private Path policyFile(String name) {
    return Fixtures.config(dataDir).policyDir().resolve(name);
  }

  @Test
  void shouldMatchWildcardAndRecursiveResources() {
    Fixtures.write(policyFile("analysts.json"), Fixtures.resource("/policies/analysts.json"));
    start(Fixtures.config(dataDir));
    assertThat(read(ANALYST, ResourcePath.dataset(ACME, "prod", "orders-eu"))).isTrue();
    assertThat(read(ANALYST, ResourcePath.dataset(ACME, "prod", "payments"))).isFalse();
    assertThat(read(ANALYST, ResourcePath.dataset(ACME, "staging", "orders-eu"))).isFalse();
    assertThat(read(ANALYST, ResourcePath.dataset(GLOBEX, "prod", "orders-eu"))).isFalse();
    assertThat(read(ANALYST, ResourcePath.dataset(ACME, "lake", "warehouse/sales/2026/01")))
        .isTrue();
    assertThat(read(ANALYST, ResourcePath.dataset(ACME, "lake", "warehouse/salesforce"))).isFalse();
    assertThat(
            authorizer.isAllowed(
                ANALYST, AccessType.WRITE, ResourcePath.dataset(ACME, "prod", "orders-eu")))
        .isFalse();
  }

  @Test
  void shouldLetDenyItemsAndExceptionsOverrideAllows() {
    Fixtures.write(policyFile("analysts.json"), Fixtures.resource("/policies/analysts.json"));
    start(Fixtures.config(dataDir));
    assertThat(read(MALLORY, ResourcePath.dataset(ACME, "prod", "orders-eu"))).isFalse();
    assertThat(read(user(ACME, TenantRole.ADMIN), ResourcePath.dataset(ACME, "prod", "top-secret")))
        .isFalse();
    assertThat(read(user(ACME, TenantRole.ADMIN), ResourcePath.dataset(ACME, "prod", "orders")))
        .isTrue();
    assertThat(read(Fixtures.platformAdmin(), ResourcePath.dataset(ACME, "prod", "top-secret")))
        .isTrue();
  }

  @Test
  void shouldDenyPiiClassifiedEntitiesThroughTagPolicyExceptToStewards() {
    Fixtures.write(policyFile("pii-tag.json"), Fixtures.resource("/policies/pii-tag.json"));
    start(Fixtures.config(dataDir));
    Visibility reader = authorizer.visibilityFor(user(ACME, TenantRole.READER), AccessType.READ);
    Visibility steward = authorizer.visibilityFor(STEWARD, AccessType.READ);

    assertThat(reader.canSee(Fixtures.dataset(ACME, "orders", "prod"))).isTrue();
    assertThat(reader.canSee(Fixtures.dataset(ACME, "customers", "prod", "PII"))).isFalse();
    assertThat(reader.canSee(Fixtures.dataset(ACME, "sessions", "prod", "SENSITIVE"))).isTrue();
    assertThat(steward.canSee(Fixtures.dataset(ACME, "customers", "prod", "PII"))).isTrue();
    assertThat(
            authorizer
                .visibilityFor(user(ACME, TenantRole.ADMIN), AccessType.LINEAGE)
                .canSee(Fixtures.dataset(ACME, "customers", "prod", "PII")))
        .isFalse();
  }

  @Test
  void shouldTagResourcesFromTheTagsFile() {
    Fixtures.write(policyFile("pii-tag.json"), Fixtures.resource("/policies/pii-tag.json"));
    AuthorizerConfig config = Fixtures.config(dataDir);
    Fixtures.write(config.tagsFile(), Fixtures.resource("/policies/tags.json"));
    start(config);
    Principal reader = user(ACME, TenantRole.READER);
    assertThat(read(reader, ResourcePath.dataset(ACME, "prod", "customers"))).isFalse();
    assertThat(read(reader, ResourcePath.dataset(ACME, "prod", "orders"))).isTrue();
    assertThat(read(STEWARD, ResourcePath.dataset(ACME, "prod", "customers"))).isTrue();
  }

  @Test
  void shouldDecideReadsByNameWhereTheTagsFileTagsADatasetByName() {
    Fixtures.write(policyFile("pii-tag.json"), Fixtures.resource("/policies/pii-tag.json"));
    AuthorizerConfig config = Fixtures.config(dataDir);
    Fixtures.write(config.tagsFile(), Fixtures.resource("/policies/tags.json"));
    start(config);
    Principal reader = user(ACME, TenantRole.READER);

    // One request, both orders: a decision per namespace would give the second the first's answer.
    ReadRequest request = authorizer.readRequest(reader);
    var visible = request.visibility(AccessType.READ);
    assertThat(visible.canSee(Fixtures.dataset(ACME, "orders", "prod"))).isTrue();
    assertThat(visible.canSee(Fixtures.dataset(ACME, "customers", "prod"))).isFalse();
    var again = authorizer.readRequest(reader).visibility(AccessType.READ);
    assertThat(again.canSee(Fixtures.dataset(ACME, "customers", "prod"))).isFalse();
    assertThat(again.canSee(Fixtures.dataset(ACME, "sessions", "prod"))).isTrue();
  }

  @Test
  void shouldApplyPolicyFileChangesAtTheNextPollWithoutRestart() {
    start(Fixtures.config(dataDir).withPollInterval(Duration.ofMillis(200), Duration.ofHours(1)));
    ResourcePath orders = ResourcePath.dataset(ACME, "prod", "orders-eu");
    assertThat(read(ANALYST, orders)).isFalse();
    long before = authorizer.policyVersion();

    Fixtures.write(policyFile("analysts.json"), Fixtures.resource("/policies/analysts.json"));
    await().atMost(Duration.ofSeconds(10)).until(() -> read(ANALYST, orders));
    assertThat(authorizer.policyVersion()).isGreaterThan(before);

    Fixtures.write(
        policyFile("analysts.json"),
        Fixtures.resource("/policies/analysts.json").replace("\"analysts\"", "\"auditors\""));
    await().atMost(Duration.ofSeconds(10)).until(() -> !read(ANALYST, orders));
  }

  @Test
  void shouldWithdrawPoliciesOfADeletedFile() throws Exception {
    Fixtures.write(policyFile("analysts.json"), Fixtures.resource("/policies/analysts.json"));
    start(Fixtures.config(dataDir));
    ResourcePath orders = ResourcePath.dataset(ACME, "prod", "orders-eu");
    assertThat(read(ANALYST, orders)).isTrue();
    java.nio.file.Files.delete(policyFile("analysts.json"));
    authorizer.refresh();
    assertThat(read(ANALYST, orders)).isFalse();
  }

  @Test
  void shouldRejectMalformedFileNamingItAndKeepItsLastGoodPolicies() {
    Fixtures.write(policyFile("analysts.json"), Fixtures.resource("/policies/analysts.json"));
    start(Fixtures.config(dataDir));
    ResourcePath orders = ResourcePath.dataset(ACME, "prod", "orders-eu");
    assertThat(read(ANALYST, orders)).isTrue();
    long version = authorizer.policyVersion();

    Fixtures.write(policyFile("analysts.json"), "{ \"policies\": [ { \"name\": \"broken\", ");
    authorizer.refresh();

    assertThat(read(ANALYST, orders)).isTrue();
    assertThat(authorizer.policyVersion()).isEqualTo(version);
    assertThat(authorizer.policyFiles().orElseThrow().rejected())
        .containsOnlyKeys("analysts.json")
        .hasValueSatisfying(
            new org.assertj.core.api.Condition<>(
                m -> m.startsWith("is not a valid ServicePolicies JSON document"), "JSON error"));
  }

  @Test
  void shouldRejectPoliciesWithUnknownAccessTypesOrResources() {
    start(Fixtures.config(dataDir));
    Fixtures.write(
        policyFile("typo.json"),
        Fixtures.resource("/policies/analysts.json")
            .replace("\"type\": \"lineage\"", "\"type\": \"lineages\"")
            .replace(
                "\"dataset\": { \"values\": [\"orders-*\"] }",
                "\"topic\": { \"values\": [\"orders-*\"] }"));
    authorizer.refresh();

    assertThat(read(ANALYST, ResourcePath.dataset(ACME, "prod", "orders-eu"))).isFalse();
    String reason = authorizer.policyFiles().orElseThrow().rejected().get("typo.json");
    assertThat(reason)
        .contains("'analysts-orders': policyItems[0]: access type 'lineages' is unknown")
        .contains("resource 'topic' is not in service definition 'tributary'");
    assertThat(authorizer.policyFiles().orElseThrow().files())
        .containsKeys("tenant-acme.json", "platform.json")
        .doesNotContainKey("typo.json");
  }

  @Test
  void shouldRejectAFileRedefiningAPolicyInForce() {
    Fixtures.write(policyFile("analysts.json"), Fixtures.resource("/policies/analysts.json"));
    start(Fixtures.config(dataDir));
    Fixtures.write(policyFile("zz-copy.json"), Fixtures.resource("/policies/analysts.json"));
    authorizer.refresh();
    assertThat(authorizer.policyFiles().orElseThrow().rejected())
        .containsEntry("zz-copy.json", "policy name 'analysts-orders' is defined twice");
    assertThat(read(ANALYST, ResourcePath.dataset(ACME, "prod", "orders-eu"))).isTrue();
  }

  private boolean read(Principal principal, ResourcePath resource) {
    return authorizer.isAllowed(principal, AccessType.READ, resource);
  }
}
