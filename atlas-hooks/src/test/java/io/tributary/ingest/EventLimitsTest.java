package io.tributary.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class EventLimitsTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final EventLimits LIMITS = new EventLimits(3, 5, 4, 2048);

  private static ObjectNode run(int inputs, int outputs) {
    ObjectNode event = JSON.createObjectNode();
    event.putObject("run").put("runId", "0190d5c8-8a43-7c43-9f2e-3f1f1a7d0b11");
    event.putObject("job").put("namespace", "n").put("name", "j");
    ArrayNode in = event.putArray("inputs");
    for (int i = 0; i < inputs; i++) {
      in.addObject().put("namespace", "kafka://b:9092").put("name", "in-" + i);
    }
    ArrayNode out = event.putArray("outputs");
    for (int i = 0; i < outputs; i++) {
      out.addObject().put("namespace", "kafka://b:9092").put("name", "out-" + i);
    }
    return event;
  }

  private static ArrayNode fields(int n) {
    ArrayNode fields = JSON.createArrayNode();
    for (int i = 0; i < n; i++) {
      fields.addObject().put("name", "f" + i).put("type", "STRING");
    }
    return fields;
  }

  private static ObjectNode columnLineage(int edgesPerField, int fields) {
    ObjectNode facet = JSON.createObjectNode();
    ObjectNode byField = facet.putObject("fields");
    for (int f = 0; f < fields; f++) {
      ArrayNode inputs = byField.putObject("c" + f).putArray("inputFields");
      for (int e = 0; e < edgesPerField; e++) {
        inputs.addObject().put("namespace", "kafka://b:9092").put("name", "in-0").put("field", "x");
      }
    }
    return facet;
  }

  private static EventLimitException refusal(JsonNode event) {
    return (EventLimitException)
        org.assertj.core.api.Assertions.catchThrowable(() -> LIMITS.check(event));
  }

  @Test
  void shouldAcceptAnEventAtEveryLimit() {
    ObjectNode event = run(2, 1);
    ObjectNode output = (ObjectNode) event.path("outputs").get(0);
    output.putObject("facets").putObject("schema").set("fields", fields(5));
    ((ObjectNode) output.path("facets")).set("columnLineage", columnLineage(2, 2));

    assertThatCode(() -> LIMITS.check(event)).doesNotThrowAnyException();
  }

  @Test
  void shouldRefuseMoreDatasetsThanTheLimitCountingInputsAndOutputs() {
    EventLimitException e = refusal(run(2, 2));

    assertThat(e.limit()).isEqualTo(EventLimit.DATASETS);
    assertThat(e.max()).isEqualTo(3);
    assertThat(e.pointer()).isEmpty();
    assertThat(e.getMessage())
        .contains("4 datasets")
        .contains("limit is 3")
        .contains("ingest.max-datasets-per-event");
  }

  @Test
  void shouldCountNestedSchemaFieldsAndPointAtTheSchemaFacet() {
    ObjectNode event = run(1, 0);
    ArrayNode top = fields(2);
    ((ObjectNode) top.get(1)).set("fields", fields(2));
    ((ObjectNode) top.get(1).path("fields").get(0)).set("fields", fields(2));
    ((ObjectNode) event.path("inputs").get(0))
        .putObject("facets")
        .putObject("schema")
        .set("fields", top);

    EventLimitException e = refusal(event);

    assertThat(e.limit()).isEqualTo(EventLimit.SCHEMA_FIELDS);
    assertThat(e.pointer()).isEqualTo("/inputs/0/facets/schema");
    assertThat(e.getMessage()).contains("ingest.max-schema-fields");
  }

  @Test
  void shouldAddUpColumnLineageEdgesOverEveryFacetOfTheEvent() {
    ObjectNode event = run(0, 2);
    for (int i = 0; i < 2; i++) {
      ((ObjectNode) event.path("outputs").get(i))
          .putObject("facets")
          .set("columnLineage", columnLineage(1, 2));
    }
    ObjectNode second = (ObjectNode) event.path("outputs").get(1).path("facets");
    ((ObjectNode) second.path("columnLineage"))
        .putArray("dataset")
        .addObject()
        .put("namespace", "n")
        .put("name", "d")
        .put("field", "id");

    EventLimitException e = refusal(event);

    assertThat(e.limit()).isEqualTo(EventLimit.COLUMN_LINEAGE_EDGES);
    assertThat(e.getMessage()).contains("5 column-lineage edges").contains("limit is 4");
    assertThat(e.pointer()).isEqualTo("/outputs/1/facets/columnLineage");
  }

  @Test
  void shouldRefuseAFacetLargerThanTheByteLimitWhereverItIs() {
    ObjectNode event = run(1, 0);
    ((ObjectNode) event.path("inputs").get(0))
        .putObject("inputFacets")
        .putObject("big/one")
        .put("text", "é".repeat(1100));

    EventLimitException e = refusal(event);

    assertThat(e.limit()).isEqualTo(EventLimit.FACET_BYTES);
    assertThat(e.limit().isSize()).isTrue();
    assertThat(e.pointer()).isEqualTo("/inputs/0/inputFacets/big~1one");
    assertThat(e.getMessage()).contains("more than 2048").contains("ingest.max-facet-bytes");
  }

  @Test
  void shouldCountAFacetAsTheBytesOfItsCompactUtf8Json() throws Exception {
    String compact = "{\"a\":[1,2.5,true,null,\"x\"],\"é\":{\"b\":false},\"c\":\"\uD83D\uDE00\"}";
    JsonNode facet = JSON.readTree(compact);

    assertThat(JsonSize.compactBytes(facet, Long.MAX_VALUE))
        .isEqualTo(compact.getBytes(StandardCharsets.UTF_8).length);
    assertThat(JsonSize.compactBytes(facet, 10)).isGreaterThan(10).isLessThan(55);
  }

  @Test
  void shouldLeaveEventsOfTheWrongShapeToValidation() {
    ObjectNode odd = JSON.createObjectNode();
    odd.put("inputs", "not an array");
    odd.putArray("outputs").add(42).add("x");
    odd.putObject("run").put("facets", 7);

    assertThatCode(() -> LIMITS.check(odd)).doesNotThrowAnyException();
    assertThatCode(() -> LIMITS.check(JSON.createArrayNode())).doesNotThrowAnyException();
  }

  @Test
  void shouldRefuseLimitsThatAreNotPositive() {
    assertThatThrownBy(() -> new EventLimits(0, 1, 1, 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("ingest.max-datasets-per-event");
  }
}
