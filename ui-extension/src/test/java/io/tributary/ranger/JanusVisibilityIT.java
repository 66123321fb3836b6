package io.tributary.ranger;

import static io.tributary.ranger.Fixtures.ACME;
import static io.tributary.ranger.Fixtures.GLOBEX;
import static io.tributary.ranger.Fixtures.INITECH;
import static io.tributary.ranger.Fixtures.user;
import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.catalog.ChangeFeed;
import io.tributary.catalog.Direction;
import io.tributary.catalog.Entity;
import io.tributary.catalog.EntityKey;
import io.tributary.catalog.EntityWrite;
import io.tributary.catalog.LineageGraph;
import io.tributary.catalog.LineageLevel;
import io.tributary.catalog.LineageQuery;
import io.tributary.catalog.Mutation;
import io.tributary.catalog.RelationshipWrite;
import io.tributary.catalog.SearchQuery;
import io.tributary.catalog.Types;
import io.tributary.catalog.Visibility;
import io.tributary.catalog.janus.JanusCatalog;
import io.tributary.catalog.janus.JanusConfig;
import io.tributary.catalog.types.TypeRegistry;
import io.tributary.contract.TenantId;
import io.tributary.ranger.tenancy.TenantRole;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Ranger-built visibility applied by a real (in-memory) JanusGraph catalog. */
class JanusVisibilityIT {
  @TempDir Path dataDir;
  private TributaryAuthorizer authorizer;
  private JanusCatalog catalog;

  @BeforeEach
  void start() {
    AuthorizerConfig config = Fixtures.config(dataDir);
    Fixtures.writeTenantPolicies(config.policyDir());
    Fixtures.write(
        config.policyDir().resolve("pii-tag.json"), Fixtures.resource("/policies/pii-tag.json"));
    TypeRegistry types = TypeRegistry.builtIn();
    authorizer =
        TributaryAuthorizer.start(
            config, new Fixtures.CapturingSink(), new EntityResources(types, "default"));
    catalog = JanusCatalog.open(JanusConfig.inMemory(), types, new ChangeFeed());
    List<EntityWrite> writes = new ArrayList<>();
    List<RelationshipWrite> edges = new ArrayList<>();
    for (TenantId tenant : Fixtures.TENANTS) {
      EntityKey orders = topic(tenant, "orders@prod");
      EntityKey customers = topic(tenant, "customers@prod");
      EntityKey job = new EntityKey(tenant, Types.FLINK_APPLICATION, "enricher@prod");
      writes.add(new EntityWrite(orders, "orders", Map.of(), Set.of(), Fixtures.T0));
      writes.add(new EntityWrite(customers, "customers", Map.of(), Set.of("PII"), Fixtures.T0));
      writes.add(new EntityWrite(job, "enricher", Map.of(), Set.of(), Fixtures.T0));
      edges.add(new RelationshipWrite(Types.REL_INPUTS, customers, job, Map.of(), Fixtures.T0));
      edges.add(new RelationshipWrite(Types.REL_OUTPUTS, job, orders, Map.of(), Fixtures.T0));
    }
    catalog.apply(new Mutation("fixture", writes, edges));
  }

  @AfterEach
  void stop() {
    catalog.close();
    authorizer.close();
  }

  @Test
  void shouldSearchOnlyTheCallersTenantAndHidePiiFromReaders() {
    Visibility reader = authorizer.visibilityFor(user(ACME, TenantRole.READER), AccessType.READ);
    List<Entity> found = catalog.search(SearchQuery.byName(""), reader).entities();
    assertThat(found)
        .extracting(Entity::key)
        .containsExactlyInAnyOrder(
            topic(ACME, "orders@prod"),
            new EntityKey(ACME, Types.FLINK_APPLICATION, "enricher@prod"));
  }

  @Test
  void shouldTreatOtherTenantsEntitiesAsAbsent() {
    Visibility globexAdmin =
        authorizer.visibilityFor(user(GLOBEX, TenantRole.ADMIN), AccessType.READ);
    assertThat(catalog.get(topic(ACME, "orders@prod"), globexAdmin)).isEmpty();
    assertThat(catalog.get(topic(GLOBEX, "orders@prod"), globexAdmin)).isPresent();
    assertThat(catalog.countByType(globexAdmin)).containsEntry(Types.KAFKA_TOPIC, 1L);
  }

  @Test
  void shouldShowEverythingToPlatformAdmins() {
    Visibility root = authorizer.visibilityFor(Fixtures.platformAdmin(), AccessType.READ);
    assertThat(catalog.search(SearchQuery.byType(Types.KAFKA_TOPIC), root).entities()).hasSize(6);
    assertThat(
            catalog
                .search(
                    SearchQuery.byType(Types.KAFKA_TOPIC),
                    authorizer.visibilityFor(Fixtures.nobody(), AccessType.READ))
                .entities())
        .isEmpty();
  }

  @Test
  void shouldLeavePiiInputsOutOfTheLineageOfAVisibleJob() {
    Entity job =
        catalog
            .get(new EntityKey(INITECH, Types.FLINK_APPLICATION, "enricher@prod"), Visibility.all())
            .orElseThrow();
    Visibility reader =
        authorizer.visibilityFor(user(INITECH, TenantRole.READER), AccessType.LINEAGE);
    LineageGraph graph =
        catalog.lineage(
            new LineageQuery(job.guid(), Direction.BOTH, 3, LineageLevel.DATASET), reader);
    Entity customers =
        catalog.get(topic(INITECH, "customers@prod"), Visibility.all()).orElseThrow();
    assertThat(graph.entities().values())
        .extracting(Entity::name)
        .containsExactlyInAnyOrder("enricher", "orders");
    assertThat(graph.entities()).doesNotContainKey(customers.guid());
  }

  private static EntityKey topic(TenantId tenant, String qualifiedName) {
    return new EntityKey(tenant, Types.KAFKA_TOPIC, qualifiedName);
  }
}
