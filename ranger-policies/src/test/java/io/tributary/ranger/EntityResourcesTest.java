package io.tributary.ranger;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tributary.catalog.Entity;
import io.tributary.catalog.EntityKey;
import io.tributary.catalog.Guid;
import io.tributary.catalog.Types;
import io.tributary.catalog.types.TypeRegistry;
import io.tributary.contract.TenantId;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Entities as the OpenLineage mapping writes them, and the Ranger resources they become: what
 * belongs to a dataset becomes exactly that dataset's resource.
 */
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
  void shouldMapAColumnOfAKafkaTopicToExactlyItsTopicsResourceIncludingTheCluster() {
    Entity topic =
        entity(
            Types.KAFKA_TOPIC,
            "orders@prod",
            Map.of("namespace", "kafka://broker-1.prod:9092", "clusterName", "prod"));
    Entity column =
        entity(
            Types.COLUMN,
            "orders@prod.customer.email",
            Map.of(
                "namespace", "kafka://broker-1.prod:9092",
                "clusterName", "prod",
                "datasetQualifiedName", "orders@prod"));
    assertThat(resources.of(column))
        .isEqualTo(resources.of(topic))
        .isEqualTo(ResourcePath.dataset(ACME, "prod", "orders"));
  }

  @Test
  void shouldMapAColumnLineageEntryToItsOutputDatasetsResourceNotToAJob() {
    Entity field =
        entity(
            Types.COLUMN_LINEAGE,
            "streaming/enricher:orders.enriched@prod.email_hash",
            Map.of(
                "processQualifiedName", "streaming/enricher",
                "outputDataset", "orders.enriched@prod",
                "datasetQualifiedName", "orders.enriched@prod",
                "namespace", "kafka://broker-1.prod:9092",
                "clusterName", "prod"));
    Entity datasetLevel =
        entity(
            Types.COLUMN_LINEAGE,
            "streaming/enricher:orders.enriched@prod",
            Map.of(
                "outputDataset", "orders.enriched@prod",
                "datasetQualifiedName", "orders.enriched@prod",
                "namespace", "kafka://broker-1.prod:9092",
                "clusterName", "prod"));
    ResourcePath enriched = ResourcePath.dataset(ACME, "prod", "orders.enriched");
    assertThat(resources.of(field)).isEqualTo(enriched);
    assertThat(resources.of(datasetLevel)).isEqualTo(enriched);
  }

  @Test
  void shouldMapColumnsAndColumnLineageOfOtherDatasetsToTheirDatasetsNamespace() {
    Map<String, Object> identity =
        Map.of(
            "namespace", "postgres://db:5432",
            "datasetQualifiedName", "postgres://db:5432/shop.public.orders");
    ResourcePath orders = ResourcePath.dataset(ACME, "postgres://db:5432", "shop.public.orders");
    assertThat(
            resources.of(
                entity(Types.COLUMN, "postgres://db:5432/shop.public.orders.email", identity)))
        .isEqualTo(orders);
    assertThat(
            resources.of(
                entity(
                    Types.COLUMN_LINEAGE,
                    "pg/loader:postgres://db:5432/shop.public.orders.email",
                    identity)))
        .isEqualTo(orders);
  }

  @Test
  void shouldFindTheClusterOfAColumnLineageEntryWrittenBeforeEntriesNamedTheirDataset() {
    Entity legacy =
        entity(
            Types.COLUMN_LINEAGE,
            "streaming/enricher:orders.enriched@prod.email_hash",
            Map.of(
                "processQualifiedName", "streaming/enricher",
                "outputDataset", "orders.enriched@prod"));
    assertThat(resources.of(legacy))
        .isEqualTo(ResourcePath.dataset(ACME, "prod", "orders.enriched"));
  }

  @Test
  void shouldMapSubtypesOfColumnsAndColumnLineageAsTheirBaseTypes() {
    TypeRegistry types = TypeRegistry.builtIn();
    types.register(
        json(
            """
            {"entityDefs": [
              {"name": "avro_field", "superTypes": ["stream_column"], "attributeDefs": []},
              {"name": "sql_column_lineage", "superTypes": ["stream_column_lineage"],
               "attributeDefs": []}
            ]}
            """));
    EntityResources withSubtypes = new EntityResources(types, "default");
    Map<String, Object> identity =
        Map.of(
            "namespace", "kafka://broker-1.prod:9092",
            "clusterName", "prod",
            "datasetQualifiedName", "orders@prod");
    ResourcePath orders = ResourcePath.dataset(ACME, "prod", "orders");
    assertThat(withSubtypes.of(entity("avro_field", "orders@prod.email", identity)))
        .isEqualTo(orders);
    assertThat(withSubtypes.of(entity("sql_column_lineage", "etl:orders@prod.email", identity)))
        .isEqualTo(orders);
  }

  @Test
  void shouldProtectRunsAsTheirJob() {
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

  private static JsonNode json(String text) {
    try {
      return new ObjectMapper().readTree(text);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(e);
    }
  }

  private static Entity entity(String type, String qualifiedName, Map<String, Object> attributes) {
    EntityKey key = new EntityKey(ACME, type, qualifiedName);
    return new Entity(Guid.forKey(key), key, null, attributes, Set.of(), Fixtures.T0, Fixtures.T0);
  }
}
