package io.tributary.contract.schema;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import org.junit.jupiter.api.Test;

/** Facets validated clean once are not validated again; anything else still is. */
class CleanFacetMemoryTest {
  private static final EventValidator VALIDATOR = EventValidator.load();
  private static final ObjectMapper JSON = new ObjectMapper();

  private static final String PRODUCER = "https://github.com/tributary/openlineage-emitters/v1";
  private static final String FACETS = "https://openlineage.io/spec/facets/";

  /** A RUNNING event whose input carries a schema and a symlinks facet. */
  private static ObjectNode event() throws IOException {
    ObjectNode event = JSON.createObjectNode();
    event
        .put("eventTime", "2026-11-28T10:00:00Z")
        .put("producer", PRODUCER)
        .put("schemaURL", "https://openlineage.io/spec/2-0-2/OpenLineage.json#/$defs/RunEvent")
        .put("eventType", "RUNNING");
    event.putObject("run").put("runId", "0190d5c8-8a43-7c43-9f2e-3f1f1a7d0c01");
    event.putObject("job").put("namespace", "flink-prod").put("name", "orders-enricher");
    ObjectNode input =
        event
            .putArray("inputs")
            .addObject()
            .put("namespace", "kafka://broker-1.prod:9092")
            .put("name", "orders");
    ObjectNode facets = input.putObject("facets");
    ObjectNode schema =
        facets
            .putObject("schema")
            .put("_producer", PRODUCER)
            .put("_schemaURL", FACETS + "1-2-0/SchemaDatasetFacet.json#/$defs/SchemaDatasetFacet");
    schema
        .putArray("fields")
        .addObject()
        .put("name", "id")
        .put("type", "STRING")
        .put("ordinal_position", 1);
    ObjectNode symlinks =
        facets
            .putObject("symlinks")
            .put("_producer", PRODUCER)
            .put(
                "_schemaURL",
                FACETS + "1-0-1/SymlinksDatasetFacet.json#/$defs/SymlinksDatasetFacet");
    symlinks
        .putArray("identifiers")
        .addObject()
        .put("namespace", "hive://metastore")
        .put("name", "raw.orders")
        .put("type", "TABLE");
    return event;
  }

  private static ObjectNode schemaFacet(ObjectNode event) {
    return (ObjectNode) event.path("inputs").get(0).path("facets").path("schema");
  }

  @Test
  void shouldRefuseAFacetThatBreaksItsSchemaAfterAnEqualCleanOneWasSeen() throws IOException {
    EventValidator.Result first = VALIDATOR.validate(event());
    assertThat(first.violations()).isEmpty();
    assertThat(first.warnings()).isEmpty();
    assertThat(VALIDATOR.validate(event()).valid()).isTrue();

    ObjectNode broken = event();
    ((ObjectNode) schemaFacet(broken).path("fields").get(0)).put("ordinal_position", "first");

    assertThat(VALIDATOR.validate(broken).violations())
        .anySatisfy(v -> assertThat(v.pointer()).startsWith("/inputs/0/facets/schema/fields/0"));
  }

  @Test
  void shouldStillWarnAboutAFormatEveryTimeItIsSent() throws IOException {
    ObjectNode warned = event();
    ObjectNode datasource =
        ((ObjectNode) warned.path("inputs").get(0).path("facets"))
            .putObject("dataSource")
            .put("_producer", "https://github.com/tributary/openlineage-emitters/v1")
            .put(
                "_schemaURL",
                "https://openlineage.io/spec/facets/1-0-1/DatasourceDatasetFacet.json"
                    + "#/$defs/DatasourceDatasetFacet")
            .put("name", "files")
            .put("uri", "file");

    assertThat(VALIDATOR.validate(warned).warnings()).isNotEmpty();
    assertThat(VALIDATOR.validate(warned).warnings())
        .as("a facet with a warning is never remembered as clean")
        .isNotEmpty();
    datasource.put("uri", "file:///data/files");
    assertThat(VALIDATOR.validate(warned).warnings()).isEmpty();
  }
}
