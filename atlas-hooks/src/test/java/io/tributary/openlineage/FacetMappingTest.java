package io.tributary.openlineage;

import static io.tributary.openlineage.Fixtures.entity;
import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.catalog.EntityWrite;
import io.tributary.catalog.Mutation;
import io.tributary.catalog.Types;
import io.tributary.catalog.types.TypeRegistry;
import java.util.Map;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.Test;

class FacetMappingTest {
  private static final Mutation FULL =
      Fixtures.translate("run-start-flink-all-facets.json").mutation();

  @Test
  void shouldMapDocumentationOwnershipAndSymlinksOfADataset() {
    EntityWrite orders = entity(FULL, Types.KAFKA_TOPIC, "orders@prod");

    assertThat(orders.attributes())
        .containsEntry("description", "Raw orders")
        .containsEntry("owner", "team:checkout")
        .containsEntry("owners", java.util.List.of("team:checkout"))
        .containsEntry("symlinks", java.util.List.of("hive://metastore:9083/raw.orders"));
  }

  @Test
  void shouldMapDataQualityMetricsAsJsonAndSimpleAttributes() {
    EntityWrite orders = entity(FULL, Types.KAFKA_TOPIC, "orders@prod");

    assertThat(orders.attributes())
        .containsEntry("rowCount", 1000L)
        .containsEntry("bytes", 52000L)
        .containsEntry("fileCount", 1L);
    assertThat(Fixtures.json((String) orders.attributes().get("dataQualityMetrics")))
        .isEqualTo(
            Fixtures.json(
                """
                {"rowCount":1000,"bytes":52000,"fileCount":1,
                 "columnMetrics":{"amount":{"nullCount":0,"min":1.5,"max":99.0}}}
                """));
  }

  @Test
  void shouldCountPassedAndFailedAssertions() {
    EntityWrite orders = entity(FULL, Types.KAFKA_TOPIC, "orders@prod");

    assertThat(orders.attributes())
        .containsEntry("assertionsPassed", 2)
        .containsEntry("assertionsFailed", 1);
    assertThat(Fixtures.json((String) orders.attributes().get("dataQualityAssertions"))).hasSize(3);
  }

  @Test
  void shouldMapInputAndOutputStatistics() {
    assertThat(entity(FULL, Types.KAFKA_TOPIC, "orders@prod").attributes())
        .containsEntry("inputRowCount", 1000L)
        .containsEntry("inputSize", 52000L)
        .containsEntry("inputFileCount", 1L)
        .doesNotContainKey("outputRowCount");
    assertThat(entity(FULL, Types.KAFKA_TOPIC, "orders.enriched@prod").attributes())
        .containsEntry("outputRowCount", 990L)
        .containsEntry("outputSize", 61000L)
        .containsEntry("outputFileCount", 1L)
        .doesNotContainKey("inputRowCount");
  }

  @Test
  void shouldMapDatasetTagsAndClassifyColumnsTheyName() {
    EntityWrite orders = entity(FULL, Types.KAFKA_TOPIC, "orders@prod");
    EntityWrite email = entity(FULL, Types.COLUMN, "orders@prod.email");
    EntityWrite city = entity(FULL, Types.COLUMN, "orders@prod.address.city");

    assertThat(orders.attributes().get("tags"))
        .asInstanceOf(InstanceOfAssertFactories.MAP)
        .containsExactly(Map.entry("domain", "sales"));
    assertThat(orders.classifications()).isEmpty();
    assertThat(email.classifications()).containsExactly("PII");
    assertThat(email.attributes()).containsEntry("tags", Map.of("classification", "pii"));
    assertThat(city.classifications()).containsExactly("SENSITIVE");
  }

  @Test
  void shouldClassifyADatasetWhoseTagKeyNamesAClassification() {
    Mutation mutation = Fixtures.translate("dataset-event-static.json").mutation();

    EntityWrite customers = entity(mutation, Types.KAFKA_TOPIC, "customers@prod");
    assertThat(customers.classifications()).containsExactly("PII");
    assertThat(customers.attributes())
        .containsEntry("description", "Customer master data")
        .containsEntry("rowCount", 20L);
  }

  @Test
  void shouldUseClassificationsOfTheGivenTypeRegistry() {
    TypeRegistry registry = TypeRegistry.builtIn();
    registry.register(
        Fixtures.json(
            """
            {"classificationDefs":[{"name":"GDPR","category":"CLASSIFICATION","superTypes":[],
              "attributeDefs":[]}]}
            """));
    EventTranslator translator =
        EventTranslator.create(
            NamespaceResolver.of(Map.of("kafka://broker-*.prod:9092", "prod")), registry);

    Mutation mutation =
        translator
            .translate(Fixtures.event("run-start-flink-all-facets.json"), Fixtures.TENANT)
            .mutation();
    Mutation tagged =
        translator
            .translate(
                Fixtures.json(
                    """
                    {"eventTime":"2026-11-28T10:00:00Z","producer":"https://example.com/p",
                     "schemaURL":"https://openlineage.io/spec/2-0-2/OpenLineage.json#/$defs/JobEvent",
                     "job":{"namespace":"n","name":"j","facets":{"tags":{
                       "_producer":"https://example.com/p",
                       "_schemaURL":"https://openlineage.io/spec/facets/1-0-0/TagsJobFacet.json#/$defs/TagsJobFacet",
                       "tags":[{"key":"compliance","value":"gdpr"},{"key":"owner","value":"x"}]}}}}
                    """),
                Fixtures.TENANT)
            .mutation();

    assertThat(entity(mutation, Types.COLUMN, "orders@prod.email").classifications())
        .containsExactly("PII");
    assertThat(entity(tagged, Types.GENERIC_PROCESS, "n/j").classifications())
        .containsExactly("GDPR");
  }

  @Test
  void shouldWriteOnlyIdentityForADatasetWithoutFacets() {
    Mutation mutation = Fixtures.translate("dataset-event-required-only.json").mutation();

    EntityWrite topic = entity(mutation, Types.MQTT_TOPIC, "sensors/temp@edge:1883");
    assertThat(topic.attributes()).containsOnlyKeys("namespace", "clusterName");
    assertThat(topic.attributes()).containsEntry("clusterName", "edge:1883");
  }

  @Test
  void shouldRemoveTheAttributesOfADeletedDatasetFacet() {
    Mutation mutation = Fixtures.translate("run-deleted-facets.json").mutation();

    assertThat(entity(mutation, Types.KAFKA_TOPIC, "orders@prod").attributes())
        .containsEntry("owners", null)
        .containsEntry("owner", null);
  }

  @Test
  void shouldIgnoreCustomFacetsAndFacetsOfUnknownVersionsWhenMapping() {
    Mutation mutation = Fixtures.translate("run-custom-facets.json").mutation();

    assertThat(entity(mutation, Types.GENERIC_PROCESS, "n/j").attributes())
        .containsOnlyKeys("namespace");
    assertThat(entity(mutation, Types.KAFKA_TOPIC, "t@b:9092").attributes())
        .containsOnlyKeys("namespace", "clusterName", "topic");
    // An errorMessage facet of a newer spec version still maps by its key.
    assertThat(entity(mutation, Types.RUN, "0190d5c8-8a43-7c43-9f2e-3f1f1a7d0b11").attributes())
        .containsEntry("errorMessage", "from a newer spec");
  }

  @Test
  void shouldMapClientSerialisedFacets() {
    Mutation mutation =
        Fixtures.TRANSLATOR
            .translate(
                Fixtures.json(
                    ClientEvents.runEvent(
                        io.openlineage.client.OpenLineage.RunEvent.EventType.FAIL)),
                Fixtures.TENANT)
            .mutation();

    assertThat(entity(mutation, Types.FLINK_APPLICATION, "flink-prod/orders-enricher").attributes())
        .containsEntry("processingType", "STREAMING")
        .containsEntry("owner", "team:data");
    assertThat(entity(mutation, Types.COLUMN, "orders@prod.email").classifications())
        .containsExactly("PII");
    assertThat(entity(mutation, Types.RUN, ClientEvents.RUN_ID.toString()).attributes())
        .containsEntry("state", "FAIL")
        .containsEntry("errorMessage", "Task failed");
    assertThat(Fixtures.ofType(mutation, Types.COLUMN_LINEAGE)).hasSize(1);
  }
}
