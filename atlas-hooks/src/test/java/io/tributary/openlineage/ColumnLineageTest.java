package io.tributary.openlineage;

import static io.tributary.openlineage.Fixtures.entity;
import static io.tributary.openlineage.Fixtures.key;
import static io.tributary.openlineage.Fixtures.related;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.tributary.catalog.EntityWrite;
import io.tributary.catalog.Mutation;
import io.tributary.catalog.Types;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.Test;

class ColumnLineageTest {
  private static final String PROCESS = "flink-prod/orders-enricher";
  private static final Mutation FULL =
      Fixtures.translate("run-start-flink-all-facets.json").mutation();

  @Test
  void shouldMapSchemaFieldsToColumnsFlatteningNestedFields() {
    assertThat(Fixtures.ofType(FULL, Types.COLUMN))
        .extracting(c -> c.key().qualifiedName())
        .contains(
            "orders@prod.order_id",
            "orders@prod.email",
            "orders@prod.amount",
            "orders@prod.address",
            "orders@prod.address.city",
            "orders@prod.address.geo",
            "orders@prod.address.geo.lat",
            "orders@prod.address.geo.lon");

    EntityWrite orderId = entity(FULL, Types.COLUMN, "orders@prod.order_id");
    assertThat(orderId.name()).isEqualTo("order_id");
    assertThat(orderId.attributes())
        .containsEntry("type", "STRING")
        .containsEntry("description", "order key")
        .containsEntry("ordinalPosition", 1)
        .containsEntry("datasetQualifiedName", "orders@prod")
        .containsEntry("namespace", "kafka://broker-1.prod:9092")
        .containsEntry("clusterName", "prod");
    assertThat(entity(FULL, Types.COLUMN, "orders@prod.address.geo.lat").name())
        .isEqualTo("address.geo.lat");
    assertThat(
            related(
                FULL,
                Types.REL_COLUMNS,
                key(Types.KAFKA_TOPIC, "orders@prod"),
                key(Types.COLUMN, "orders@prod.address.geo.lat")))
        .isTrue();
  }

  @Test
  void shouldCreateOneColumnLineageEntityPerOutputColumn() {
    assertThat(Fixtures.ofType(FULL, Types.COLUMN_LINEAGE))
        .extracting(c -> c.key().qualifiedName())
        .containsExactly(
            PROCESS + ":orders.enriched@prod.order_id",
            PROCESS + ":orders.enriched@prod.email_hash",
            PROCESS + ":orders.enriched@prod.segment",
            PROCESS + ":orders.enriched@prod.total",
            PROCESS + ":orders.enriched@prod");
  }

  @Test
  void shouldGiveEveryColumnLineageEntityItsOutputDatasetsIdentity() {
    for (EntityWrite entry : Fixtures.ofType(FULL, Types.COLUMN_LINEAGE)) {
      assertThat(entry.attributes())
          .as(entry.key().qualifiedName())
          .containsEntry("datasetQualifiedName", "orders.enriched@prod")
          .containsEntry("namespace", "kafka://broker-2.prod:9092")
          .containsEntry("clusterName", "prod");
    }
  }

  @Test
  void shouldLinkInputColumnsThroughTheLineageEntityToTheOutputColumn() {
    var lineage = key(Types.COLUMN_LINEAGE, PROCESS + ":orders.enriched@prod.email_hash");

    assertThat(related(FULL, Types.REL_INPUTS, key(Types.COLUMN, "orders@prod.email"), lineage))
        .isTrue();
    assertThat(
            related(
                FULL,
                Types.REL_OUTPUTS,
                lineage,
                key(Types.COLUMN, "orders.enriched@prod.email_hash")))
        .isTrue();
    assertThat(Fixtures.relationships(FULL, Types.REL_INPUTS))
        .filteredOn(r -> r.to().equals(lineage))
        .hasSize(1);
  }

  @Test
  void shouldKeepTransformationTypeSubtypeDescriptionAndMasking() {
    EntityWrite masked =
        entity(FULL, Types.COLUMN_LINEAGE, PROCESS + ":orders.enriched@prod.email_hash");

    assertThat(masked.attributes())
        .containsEntry("lineageLevel", "FIELD")
        .containsEntry("processQualifiedName", PROCESS)
        .containsEntry("outputDataset", "orders.enriched@prod")
        .containsEntry("outputColumn", "orders.enriched@prod.email_hash")
        .containsEntry("transformationDescription", "sha256(email)")
        .containsEntry("masking", true);
    assertThat(masked.attributes().get("transformationTypes"))
        .asInstanceOf(InstanceOfAssertFactories.LIST)
        .containsExactly("DIRECT");
    assertThat(masked.attributes().get("transformationSubtypes"))
        .asInstanceOf(InstanceOfAssertFactories.LIST)
        .containsExactly("TRANSFORMATION");
    JsonNode transformations = Fixtures.json((String) masked.attributes().get("transformations"));
    assertThat(transformations).hasSize(1);
    assertThat(transformations.get(0).path("field").asText()).isEqualTo("email");
    assertThat(transformations.get(0).path("subtype").asText()).isEqualTo("TRANSFORMATION");
  }

  @Test
  void shouldReadTheDeprecatedFieldLevelTransformation() {
    EntityWrite segment =
        entity(FULL, Types.COLUMN_LINEAGE, PROCESS + ":orders.enriched@prod.segment");

    assertThat(segment.attributes()).containsEntry("transformationDescription", "lookup");
    assertThat(segment.attributes().get("transformationSubtypes"))
        .asInstanceOf(InstanceOfAssertFactories.LIST)
        .containsExactly("IDENTITY");
  }

  @Test
  void shouldCreateInputColumnsOfDatasetsThatHaveNoSchema() {
    assertThat(
            related(
                FULL,
                Types.REL_COLUMNS,
                key(Types.GENERIC_DATASET, "postgres://db.prod:5432/crm.public.customers"),
                key(Types.COLUMN, "postgres://db.prod:5432/crm.public.customers.segment")))
        .isTrue();
  }

  @Test
  void shouldMapDatasetLevelDependenciesToEveryOutputColumn() {
    var lineage = key(Types.COLUMN_LINEAGE, PROCESS + ":orders.enriched@prod");
    EntityWrite entity = entity(FULL, Types.COLUMN_LINEAGE, PROCESS + ":orders.enriched@prod");

    assertThat(entity.attributes())
        .containsEntry("lineageLevel", "DATASET")
        .containsEntry("outputDataset", "orders.enriched@prod")
        .doesNotContainKey("outputColumn");
    assertThat(entity.attributes().get("transformationSubtypes"))
        .asInstanceOf(InstanceOfAssertFactories.LIST)
        .containsExactly("JOIN");
    assertThat(
            related(
                FULL,
                Types.REL_INPUTS,
                key(Types.COLUMN, "postgres://db.prod:5432/crm.public.customers.id"),
                lineage))
        .isTrue();
    assertThat(Fixtures.relationships(FULL, Types.REL_OUTPUTS))
        .filteredOn(r -> r.from().equals(lineage))
        .extracting(r -> r.to().qualifiedName())
        .containsExactly(
            "orders.enriched@prod.order_id",
            "orders.enriched@prod.email_hash",
            "orders.enriched@prod.segment",
            "orders.enriched@prod.total");
  }

  @Test
  void shouldMapStaticColumnLineageOfADatasetEvent() {
    Mutation mutation = Fixtures.translate("dataset-event-static.json").mutation();

    EntityWrite lineage =
        entity(mutation, Types.COLUMN_LINEAGE, "customers@prod:customers@prod.ssn_masked");
    assertThat(lineage.attributes())
        .containsEntry("masking", true)
        .doesNotContainKey("processQualifiedName");
    assertThat(
            related(
                mutation, Types.REL_INPUTS, key(Types.COLUMN, "customers@prod.ssn"), lineage.key()))
        .isTrue();
  }

  @Test
  void shouldIgnoreADeletedColumnLineageFacet() {
    Mutation mutation = Fixtures.translate("run-deleted-facets.json").mutation();

    assertThat(Fixtures.ofType(mutation, Types.COLUMN_LINEAGE)).isEmpty();
  }

  @Test
  void shouldMapTheWideSchemaOfALargeEvent() {
    Mutation mutation = Fixtures.translate("run-large-200kb.json").mutation();

    assertThat(Fixtures.ofType(mutation, Types.COLUMN)).hasSize(1150);
    assertThat(Fixtures.relationships(mutation, Types.REL_COLUMNS)).hasSize(1150);
  }
}
