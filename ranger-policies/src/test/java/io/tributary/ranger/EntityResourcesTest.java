package io.tributary.ranger;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.catalog.Entity;
import io.tributary.catalog.EntityKey;
import io.tributary.catalog.Guid;
import io.tributary.catalog.TenantId;
import io.tributary.catalog.Types;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Entities as the OpenLineage mapping writes them, and the Ranger resources they become. */
class EntityResourcesTest {
  private static final TenantId ACME = new TenantId("acme");
  private final EntityResources resources = EntityResources.builtIn();

  @Test
  void shouldPutAKafkaTopicUnderItsCluster() {
    Entity topic =
        entity(
            Types.KAFKA_TOPIC,
            "orders@prod",
            Map.of("namespace", "kafka://broker-1.prod:9092", "clusterName", "prod"));
    assertThat(resources.of(topic)).isEqualTo(ResourcePath.dataset(ACME, "prod", "orders"));
  }

  @Test
  void shouldPutOtherDatasetsAndJobsUnderTheirOpenLineageNamespace() {
    Entity table =
        entity(
            Types.GENERIC_DATASET,
            "postgres://db:5432/shop.public.orders",
            Map.of("namespace", "postgres://db:5432"));
    assertThat(resources.of(table))
        .isEqualTo(ResourcePath.dataset(ACME, "postgres://db:5432", "shop.public.orders"));
    Entity job =
        entity(
            Types.FLINK_APPLICATION,
            "flink-prod/orders-enricher",
            Map.of("namespace", "flink-prod"));
    assertThat(resources.of(job))
        .isEqualTo(ResourcePath.job(ACME, "flink-prod", "orders-enricher"));
  }

  @Test
  void shouldProtectColumnsAsTheirDatasetAndRunsAsTheirJob() {
    Entity column =
        entity(
            Types.COLUMN,
            "orders@prod.customer.email",
            Map.of(
                "namespace", "kafka://broker-1.prod:9092",
                "datasetQualifiedName", "orders@prod"));
    assertThat(resources.of(column).name()).isEqualTo("orders");
    Entity run =
        entity(
            Types.RUN,
            "7f3c1d9e-1b7a-4c53-9d2e-5f0b8f1c2a44",
            Map.of("jobQualifiedName", "flink-prod/orders-enricher"));
    assertThat(resources.of(run))
        .isEqualTo(ResourcePath.job(ACME, "flink-prod", "orders-enricher"));
  }

  @Test
  void shouldFallBackToTheDefaultNamespace() {
    assertThat(resources.of(entity("custom_type", "something", Map.of())))
        .isEqualTo(ResourcePath.dataset(ACME, "default", "something"));
  }

  private static Entity entity(String type, String qualifiedName, Map<String, Object> attributes) {
    EntityKey key = new EntityKey(ACME, type, qualifiedName);
    return new Entity(Guid.forKey(key), key, null, attributes, Set.of(), Fixtures.T0, Fixtures.T0);
  }
}
