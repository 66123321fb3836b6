package io.tributary.openlineage.internal.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tributary.openlineage.InvalidEventException;
import java.io.IOException;
import java.io.InputStream;
import org.junit.jupiter.api.Test;

/** Facets validated clean once are not validated again; anything else still is. */
class CleanFacetMemoryTest {
  private static final EventValidator VALIDATOR = EventValidator.load();
  private static final ObjectMapper JSON = new ObjectMapper();

  private static ObjectNode event() throws IOException {
    try (InputStream in =
        CleanFacetMemoryTest.class.getResourceAsStream(
            "/openlineage/events/valid/client-run-start.json")) {
      return (ObjectNode) JSON.readTree(in);
    }
  }

  private static ObjectNode schemaFacet(ObjectNode event) {
    return (ObjectNode) event.path("inputs").get(0).path("facets").path("schema");
  }

  @Test
  void shouldRefuseAFacetThatBreaksItsSchemaAfterAnEqualCleanOneWasSeen() throws IOException {
    assertThat(VALIDATOR.validate(event()).warnings()).isEmpty();
    assertThat(VALIDATOR.validate(event()).warnings()).isEmpty();

    ObjectNode broken = event();
    ((ObjectNode) schemaFacet(broken).path("fields").get(0)).put("ordinal_position", "first");

    assertThatThrownBy(() -> VALIDATOR.validate(broken))
        .isInstanceOfSatisfying(
            InvalidEventException.class,
            e ->
                assertThat(e.violations())
                    .anySatisfy(
                        v ->
                            assertThat(v.pointer())
                                .startsWith("/inputs/0/facets/schema/fields/0")));
  }

  @Test
  void shouldStillWarnAboutAFormatEveryTimeItIsSent() throws IOException {
    ObjectNode warned = event();
    ((ObjectNode) warned.path("inputs").get(0).path("facets").path("symlinks"))
        .withArray("identifiers")
        .addObject()
        .put("namespace", "hive://metastore")
        .put("name", "raw.orders_v2")
        .put("type", "TABLE");
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
