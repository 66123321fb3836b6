package io.tributary.server;

import static io.tributary.server.RunningServer.json;
import static io.tributary.server.RunningServer.parse;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Ingest of hostile and sloppy events over HTTP: structural limits answered 422 or 413 naming the
 * setting, format slips of facets accepted with warnings, tenant names that contradict each other
 * refused.
 */
class IngestLimitsIT {
  private static final String FACET_PRODUCER = "https://github.com/tributary/tests";
  @TempDir static Path dataDir;
  private static RunningServer server;

  @BeforeAll
  static void start() {
    server =
        RunningServer.start(
            dataDir,
            Map.of(
                "ingest.max-datasets-per-event", "4",
                "ingest.max-schema-fields", "10",
                "ingest.max-column-lineage-edges", "6",
                "ingest.max-facet-bytes", "2KB"));
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  private static ObjectNode event(int n) {
    return (ObjectNode) parse(Events.startJson(n));
  }

  private static ObjectNode facet(String schemaUrl) {
    ObjectNode facet = RunningServer.JSON.createObjectNode();
    facet.put("_producer", FACET_PRODUCER).put("_schemaURL", schemaUrl);
    return facet;
  }

  private static ObjectNode outputFacets(ObjectNode event) {
    ObjectNode output = (ObjectNode) event.path("outputs").get(0);
    return output.has("facets") ? (ObjectNode) output.get("facets") : output.putObject("facets");
  }

  private static JsonNode problem(HttpResponse<String> response, int status, String type) {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
    assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    JsonNode body = json(response);
    assertThat(body.path("type").asText()).isEqualTo("urn:tributary:problem:" + type);
    return body;
  }

  @Test
  void shouldAnswer422NamingTheLimitAndItsSettingForTooManyDatasets() {
    ObjectNode wide = event(500);
    ArrayNode inputs = (ArrayNode) wide.get("inputs");
    for (int i = 0; i < 4; i++) {
      inputs.addObject().put("namespace", Events.KAFKA).put("name", "wide-in-" + i);
    }

    JsonNode body =
        problem(server.postJson("api/v1/lineage", wide.toString()), 422, "limit-exceeded");

    assertThat(body.path("limit").asText()).isEqualTo("ingest.max-datasets-per-event");
    assertThat(body.path("max").asInt()).isEqualTo(4);
    assertThat(body.path("detail").asText()).contains("6 datasets");
    assertThat(json(server.get("api/v1/search?mode=prefix&q=wide-in")).path("total").asInt())
        .isZero();
  }

  @Test
  void shouldAnswer422ForTooManyNestedSchemaFieldsAndColumnLineageEdges() {
    ObjectNode deep = event(501);
    ObjectNode schema =
        facet(
            "https://openlineage.io/spec/facets/1-2-0/SchemaDatasetFacet.json#/$defs/SchemaDatasetFacet");
    ArrayNode fields = schema.putArray("fields");
    for (int i = 0; i < 3; i++) {
      ObjectNode struct = fields.addObject().put("name", "s" + i).put("type", "STRUCT");
      for (int j = 0; j < 3; j++) {
        struct.withArray("fields").addObject().put("name", "f" + j).put("type", "STRING");
      }
    }
    outputFacets(deep).set("schema", schema);

    JsonNode tooDeep =
        problem(server.postJson("api/v1/lineage", deep.toString()), 422, "limit-exceeded");
    assertThat(tooDeep.path("limit").asText()).isEqualTo("ingest.max-schema-fields");
    assertThat(tooDeep.path("violations").get(0).path("pointer").asText())
        .isEqualTo("/outputs/0/facets/schema");

    ObjectNode lineage = event(502);
    ObjectNode columns =
        facet(
            "https://openlineage.io/spec/facets/1-2-0/ColumnLineageDatasetFacet.json#/$defs/ColumnLineageDatasetFacet");
    ObjectNode byColumn = columns.putObject("fields");
    for (int c = 0; c < 7; c++) {
      byColumn
          .putObject("c" + c)
          .putArray("inputFields")
          .addObject()
          .put("namespace", Events.KAFKA)
          .put("name", "in-502")
          .put("field", "x" + c);
    }
    outputFacets(lineage).set("columnLineage", columns);

    JsonNode tooMany =
        problem(server.postJson("api/v1/lineage", lineage.toString()), 422, "limit-exceeded");
    assertThat(tooMany.path("limit").asText()).isEqualTo("ingest.max-column-lineage-edges");
  }

  @Test
  void shouldAnswer413ForAFacetOverTheByteLimit() {
    ObjectNode big = event(503);
    ObjectNode documentation =
        facet(
            "https://openlineage.io/spec/facets/1-1-0/DocumentationJobFacet.json#/$defs/DocumentationJobFacet");
    documentation.put("description", "x".repeat(3000));
    ((ObjectNode) big.path("job").path("facets")).set("documentation", documentation);

    JsonNode body =
        problem(server.postJson("api/v1/lineage", big.toString()), 413, "payload-too-large");

    assertThat(body.path("limit").asText()).isEqualTo("ingest.max-facet-bytes");
    assertThat(body.path("detail").asText()).contains("/job/facets/documentation");
  }

  @Test
  void shouldReportAnEventOverALimitInsideABatchAsOneNonRetriableFailure() {
    ObjectNode wide = event(504);
    for (int i = 0; i < 5; i++) {
      ((ArrayNode) wide.get("inputs"))
          .addObject()
          .put("namespace", Events.KAFKA)
          .put("name", "b" + i);
    }
    String batch = "[" + Events.startJson(505) + "," + wide + "]";

    HttpResponse<String> response = server.postJson("api/v1/lineage/batch", batch);

    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    JsonNode failed = json(response).path("failed_events").get(0);
    assertThat(failed.path("index").asInt()).isEqualTo(1);
    assertThat(failed.path("retriable").asBoolean()).isFalse();
    assertThat(failed.path("reason").asText()).contains("ingest.max-datasets-per-event");
  }

  @Test
  void shouldAcceptAFacetThatBreaksItsFormatWithAWarningInTheAnswerAndTheMetrics() {
    ObjectNode spark = event(506);
    ObjectNode dataSource =
        facet(
            "https://openlineage.io/spec/facets/1-0-1/DatasourceDatasetFacet.json#/$defs/DatasourceDatasetFacet");
    dataSource.put("name", "file").put("uri", "file");
    outputFacets(spark).set("dataSource", dataSource);

    HttpResponse<String> response = server.postJson("api/v1/lineage", spark.toString());

    assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
    JsonNode warnings = json(response).path("warnings");
    assertThat(warnings).hasSize(1);
    assertThat(warnings.get(0).path("kind").asText()).isEqualTo("format:uri");
    assertThat(warnings.get(0).path("pointer").asText())
        .isEqualTo("/outputs/0/facets/dataSource/uri");
    assertThat(warnings.get(0).path("message").asText()).isNotBlank();
    assertThat(server.get("metrics").body())
        .containsPattern("tributary_ingest_warnings_total\\{kind=\"format:uri\"\\} [1-9]");
    assertThat(json(server.postJson("api/v1/lineage", Events.startJson(507))).path("warnings"))
        .isEmpty();
  }

  @Test
  void shouldStillRefuseAnEventTimeWithoutOffsetAndARunIdThatIsNoUuid() {
    ObjectNode local = event(508).put("eventTime", "2026-03-01T10:08:28");
    String noUuid = Events.startJson(509).replace(Events.runId(509).toString(), "run-509");

    assertThat(
            problem(server.postJson("api/v1/lineage", local.toString()), 400, "invalid-event")
                .path("violations")
                .findValuesAsText("pointer"))
        .contains("/eventTime");
    assertThat(
            problem(server.postJson("api/v1/lineage", noUuid), 400, "invalid-event")
                .path("violations")
                .findValuesAsText("pointer"))
        .contains("/run/runId");
  }

  @Test
  void shouldRefuseAnEventWhoseTenantFacetContradictsTheHeader() {
    ObjectNode event = event(510);
    ((ObjectNode) event.path("run"))
        .putObject("facets")
        .putObject("tributary_tenant")
        .put("_producer", FACET_PRODUCER)
        .put("_schemaURL", "https://tributary.io/spec/facets/1-0-0/TenantRunFacet.json")
        .put("tenant", "globex");

    HttpResponse<String> torn =
        server.send(
            HttpRequest.newBuilder(server.uri("api/v1/lineage"))
                .header("Content-Type", "application/json")
                .header("X-Tributary-Tenant", "default")
                .POST(HttpRequest.BodyPublishers.ofString(event.toString()))
                .build());

    JsonNode body = problem(torn, 400, "invalid-event");
    assertThat(body.path("violations").get(0).path("pointer").asText())
        .isEqualTo("/run/facets/tributary_tenant/tenant");
    assertThat(body.path("detail").asText()).contains("globex").contains("X-Tributary-Tenant");
    assertThat(json(server.get("api/v1/search?mode=prefix&q=in-510")).path("total").asInt())
        .isZero();

    HttpResponse<String> twoNames =
        server.send(
            HttpRequest.newBuilder(server.uri("api/v1/lineage?tenant=globex"))
                .header("Content-Type", "application/json")
                .header("X-Tributary-Tenant", "default")
                .POST(HttpRequest.BodyPublishers.ofString(Events.startJson(511)))
                .build());
    assertThat(problem(twoNames, 400, "bad-parameter").path("detail").asText())
        .contains("'tenant'")
        .contains("globex")
        .contains("default");
  }
}
