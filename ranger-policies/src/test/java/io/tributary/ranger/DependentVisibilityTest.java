package io.tributary.ranger;

import static io.tributary.ranger.Fixtures.ACME;
import static io.tributary.ranger.Fixtures.user;
import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.catalog.Entity;
import io.tributary.catalog.EntityKey;
import io.tributary.catalog.Guid;
import io.tributary.catalog.Types;
import io.tributary.catalog.Visibility;
import io.tributary.contract.TenantId;
import io.tributary.ranger.tenancy.TenantRole;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A column decided with its dataset ({@link Visibility#canSeeDependent}) under real policies: never
 * visible unless its dataset is, whatever its own attributes name; its own classifications only
 * hide it further.
 */
class DependentVisibilityTest {
  private static final Principal ANALYST =
      new Principal("ann", Set.of("analysts"), Set.of(), TenantId.DEFAULT);
  private static final Principal MALLORY =
      new Principal("mallory", Set.of("analysts"), Set.of(), TenantId.DEFAULT);
  private static final Principal OUTSIDER =
      new Principal("otto", Set.of("outsiders"), Set.of(), TenantId.DEFAULT);
  private static final Principal STEWARD =
      new Principal("sam", Set.of(), Set.of("acme.reader", "acme.steward"), ACME);

  /** A tag policy that grants read on anything tagged SENSITIVE: a tag that widens access. */
  private static final String SENSITIVE_FOR_OUTSIDERS =
      """
      {"serviceName": "tributary", "tagPolicies": {"policies": [{
        "name": "sensitive-for-outsiders",
        "resources": {"tag": {"values": ["SENSITIVE"]}},
        "policyItems": [{"accesses": [{"type": "tributary:read", "isAllowed": true}],
                         "groups": ["outsiders"]}]
      }]}}
      """;

  @TempDir Path dataDir;
  private TributaryAuthorizer authorizer;

  @BeforeEach
  void start() {
    AuthorizerConfig config = Fixtures.config(dataDir);
    Fixtures.writeTenantPolicies(config.policyDir());
    Fixtures.write(
        config.policyDir().resolve("analysts.json"), Fixtures.resource("/policies/analysts.json"));
    Fixtures.write(
        config.policyDir().resolve("pii-tag.json"), Fixtures.resource("/policies/pii-tag.json"));
    Fixtures.write(config.policyDir().resolve("sensitive.json"), SENSITIVE_FOR_OUTSIDERS);
    authorizer =
        TributaryAuthorizer.start(config, new Fixtures.CapturingSink(), EntityResources.builtIn());
  }

  @AfterEach
  void stop() {
    authorizer.close();
  }

  private Visibility read(Principal principal) {
    return authorizer.visibilityFor(principal, AccessType.READ);
  }

  @Test
  void shouldDecideAColumnOnItsDatasetsIdentityWhateverTheColumnsOwnAttributesName() {
    Entity dataset = topic("orders-eu", Set.of());
    // Written before columns carried their dataset's cluster: its own resource is
    // kafka://broker:9092/orders-eu, which no policy names.
    Entity legacy =
        column(
            "orders-eu",
            Map.of("namespace", "kafka://broker:9092", "datasetQualifiedName", "orders-eu@prod"),
            Set.of());
    assertThat(read(ANALYST).canSee(legacy)).isFalse();
    assertThat(read(ANALYST).canSeeDependent(legacy, dataset)).isTrue();
    assertThat(read(MALLORY).canSee(dataset)).isFalse();
    assertThat(read(MALLORY).canSeeDependent(legacy, dataset)).isFalse();
    assertThat(read(MALLORY).canSeeDependent(column("orders-eu", Set.of()), dataset)).isFalse();
  }

  @Test
  void shouldHideAColumnWhoseDatasetATagPolicyHides() {
    Entity customers = topic("customers", Set.of("PII"));
    Entity email = column("customers", Set.of());
    Visibility reader = read(user(ACME, TenantRole.READER));
    assertThat(reader.canSee(email)).as("the column alone carries no tag").isTrue();
    assertThat(reader.canSeeDependent(email, customers)).isFalse();
    assertThat(read(STEWARD).canSeeDependent(email, customers)).isTrue();
  }

  @Test
  void shouldLetAColumnsOwnClassificationHideItButNeverShowItMore() {
    Visibility reader = read(user(ACME, TenantRole.READER));
    Entity orders = topic("orders", Set.of());
    assertThat(reader.canSeeDependent(column("orders", Set.of()), orders)).isTrue();
    assertThat(reader.canSeeDependent(column("orders", Set.of("PII")), orders)).isFalse();

    Visibility outsider = read(OUTSIDER);
    Entity sensitive = column("orders", Set.of("SENSITIVE"));
    assertThat(outsider.canSee(sensitive)).as("the tag grants the column alone").isTrue();
    assertThat(outsider.canSee(orders)).isFalse();
    assertThat(outsider.canSeeDependent(sensitive, orders)).isFalse();
  }

  private static Entity topic(String name, Set<String> classifications) {
    EntityKey key = new EntityKey(ACME, Types.KAFKA_TOPIC, name + "@prod");
    return new Entity(
        Guid.forKey(key),
        key,
        name,
        Map.of("namespace", "kafka://broker:9092", "clusterName", "prod"),
        classifications,
        Fixtures.T0,
        Fixtures.T0);
  }

  private static Entity column(String dataset, Set<String> classifications) {
    return column(
        dataset,
        Map.of(
            "namespace",
            "kafka://broker:9092",
            "clusterName",
            "prod",
            "datasetQualifiedName",
            dataset + "@prod"),
        classifications);
  }

  private static Entity column(
      String dataset, Map<String, Object> attributes, Set<String> classifications) {
    EntityKey key = new EntityKey(ACME, Types.COLUMN, dataset + "@prod.email");
    return new Entity(
        Guid.forKey(key), key, "email", attributes, classifications, Fixtures.T0, Fixtures.T0);
  }
}
