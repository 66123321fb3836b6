package io.tributary.server;

import static io.tributary.server.RunningServer.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code POST /api/atlas/v2/search/basic} with malformed bodies: every field of Atlas's {@code
 * SearchParameters} and {@code FilterCriteria} given every wrong kind of JSON value, plus bodies
 * that are no object at all. None may fail the server: each is answered 200 or a 4xx in Atlas's
 * error shape.
 */
class AtlasBasicSearchFuzzIT {
  private static final String PATH = "api/atlas/v2/search/basic";
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir static Path dataDir;
  private static RunningServer server;

  @BeforeAll
  static void start() {
    server = RunningServer.start(dataDir, Map.of());
    for (int i = 0; i < 3; i++) {
      assertThat(server.postJson("api/v1/lineage", Events.startJson(900 + i)).statusCode())
          .isEqualTo(201);
    }
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  /** Values of every JSON kind, including the edges of numbers and strings. */
  private static List<JsonNode> wrongValues() {
    List<JsonNode> values = new ArrayList<>();
    values.add(NODES.nullNode());
    values.add(NODES.booleanNode(true));
    values.add(NODES.numberNode(0));
    values.add(NODES.numberNode(-1));
    values.add(NODES.numberNode(Integer.MIN_VALUE));
    values.add(NODES.numberNode(Integer.MAX_VALUE));
    values.add(NODES.numberNode(2_147_483_648L));
    values.add(NODES.numberNode(new java.math.BigInteger("1" + "0".repeat(40))));
    values.add(NODES.numberNode(-0.5));
    values.add(NODES.numberNode(1e308));
    values.add(NODES.textNode(""));
    values.add(NODES.textNode("*"));
    values.add(NODES.textNode("\u0000\u0007"));
    values.add(NODES.textNode("x".repeat(10_000)));
    values.add(NODES.arrayNode());
    values.add(NODES.arrayNode().add(NODES.nullNode()));
    values.add(NODES.arrayNode().add(1).add("a").add(NODES.objectNode()));
    values.add(NODES.objectNode());
    values.add(NODES.objectNode().put("a", 1));
    return values;
  }

  private static ObjectNode base() {
    return NODES.objectNode().put("typeName", "kafka_topic").put("limit", 10);
  }

  private static ObjectNode leaf() {
    return NODES
        .objectNode()
        .put("attributeName", "qualifiedName")
        .put("operator", "startsWith")
        .put("attributeValue", "in-");
  }

  /** Every body to send, by a name that says what it is. */
  private static Map<String, String> bodies() {
    Map<String, String> bodies = new LinkedHashMap<>();
    for (String raw :
        List.of(
            "null",
            "[]",
            "[{}]",
            "\"text\"",
            "42",
            "true",
            "{}",
            "{",
            "",
            "{\"limit\":}",
            "[null]")) {
      bodies.put("raw " + raw, raw);
    }
    List<String> fields =
        List.of(
            "query",
            "typeName",
            "classification",
            "excludeDeletedEntities",
            "includeClassificationAttributes",
            "includeSubTypes",
            "includeSubClassifications",
            "limit",
            "offset",
            "entityFilters",
            "tagFilters",
            "attributes",
            "sortBy",
            "sortOrder");
    for (String field : fields) {
      for (JsonNode value : wrongValues()) {
        ObjectNode body = base();
        body.set(field, value);
        bodies.put(field + "=" + abbreviate(value), body.toString());
      }
    }
    for (String field :
        List.of("attributeName", "operator", "attributeValue", "condition", "criterion")) {
      for (JsonNode value : wrongValues()) {
        ObjectNode alone = leaf();
        alone.set(field, value);
        bodies.put("entityFilters." + field + "=" + abbreviate(value), withFilters(alone));
        ObjectNode group = NODES.objectNode().put("condition", "AND");
        group.putArray("criterion").add(leaf()).add(alone.deepCopy());
        bodies.put(
            "entityFilters.criterion[1]." + field + "=" + abbreviate(value), withFilters(group));
      }
    }
    for (String operator : List.of("", "~", "regex", "IN ", "eq\u0000", "startswith")) {
      ObjectNode unknown = leaf().put("operator", operator);
      bodies.put("operator '" + operator + "'", withFilters(unknown));
    }
    for (String condition : List.of("XOR", "", "and", "NOT")) {
      ObjectNode group = NODES.objectNode().put("condition", condition);
      group.putArray("criterion").add(leaf()).add(leaf());
      bodies.put("condition '" + condition + "'", withFilters(group));
    }
    ObjectNode nullCriterion = NODES.objectNode().put("condition", "OR");
    nullCriterion.putArray("criterion").addNull().addNull();
    bodies.put("criterion [null, null]", withFilters(nullCriterion));
    ObjectNode emptyGroup = NODES.objectNode().put("condition", "AND");
    emptyGroup.putArray("criterion");
    bodies.put("criterion []", withFilters(emptyGroup));
    bodies.put("nested 300 deep", withFilters(nested(300)));
    // Past the JSON parser's nesting limit, so written by hand.
    bodies.put(
        "nested past the parser's limit",
        "{\"typeName\":\"kafka_topic\",\"entityFilters\":"
            + "{\"condition\":\"AND\",\"criterion\":[".repeat(600)
            + leaf()
            + "]}".repeat(600)
            + "}");
    bodies.put(
        "like with regex characters",
        withFilters(leaf().put("operator", "like").put("attributeValue", "([{\\*")));
    bodies.put(
        "in without list", withFilters(leaf().put("operator", "in").put("attributeValue", "")));
    bodies.put(
        "numeric comparison with a huge number",
        withFilters(
            leaf()
                .put("attributeName", "__timestamp")
                .put("operator", "gt")
                .put("attributeValue", "1e999999999")));
    ObjectNode sorted = base().put("sortBy", "__guid").put("sortOrder", "SIDEWAYS");
    bodies.put("sort order unknown", sorted.toString());
    ObjectNode attributes = base();
    attributes.putArray("attributes").addNull().add("owner");
    bodies.put("attributes with null", attributes.toString());
    bodies.put("limit over the maximum", base().put("limit", 10_001).toString());
    bodies.put("negative offset", base().put("offset", -5).toString());
    bodies.put("negative limit", base().put("limit", -5).toString());
    bodies.put("huge offset", base().put("offset", Integer.MAX_VALUE).toString());
    bodies.put("nothing to search", NODES.objectNode().put("limit", 5).toString());
    bodies.put("unknown type", base().put("typeName", "no_such_type").toString());
    bodies.put("unknown classification", base().put("classification", "NO_SUCH_TAG").toString());
    return bodies;
  }

  private static String withFilters(JsonNode filters) {
    ObjectNode body = base();
    body.set("entityFilters", filters);
    return body.toString();
  }

  private static ObjectNode nested(int depth) {
    ObjectNode inner = leaf();
    for (int i = 0; i < depth; i++) {
      ObjectNode group = NODES.objectNode().put("condition", i % 2 == 0 ? "AND" : "OR");
      ArrayNode criterion = group.putArray("criterion");
      criterion.add(inner);
      inner = group;
    }
    return inner;
  }

  private static String abbreviate(JsonNode value) {
    String text = value.toString();
    return text.length() > 24 ? text.substring(0, 24) + "…" : text;
  }

  @Test
  void shouldAnswerEveryMalformedBasicSearchWith200OrAnAtlasShaped4xx() {
    SoftAssertions softly = new SoftAssertions();
    bodies()
        .forEach(
            (name, body) -> {
              HttpResponse<String> response = server.postJson(PATH, body);
              softly
                  .assertThat(response.statusCode())
                  .as(name + ": " + response.body())
                  .isLessThan(500);
              if (response.statusCode() >= 400) {
                JsonNode error = parse(response.body());
                softly
                    .assertThat(error.path("errorCode").asText())
                    .as(name + ": " + response.body())
                    .startsWith("ATLAS-4");
                softly.assertThat(error.path("errorMessage").asText()).as(name).isNotBlank();
              }
            });
    softly.assertAll();
    assertThat(server.get("health").statusCode()).isEqualTo(200);
  }

  @Test
  void shouldAnswerUnreadableQueryParametersWithAnAtlasShaped400() {
    for (String query :
        List.of(
            "typeName=kafka_topic&limit=abc",
            "typeName=kafka_topic&offset=1.5",
            "typeName=kafka_topic&limit=99999999999",
            "typeName=kafka_topic&excludeDeletedEntities=yes")) {
      HttpResponse<String> response = server.get(PATH + "?" + query);
      assertThat(response.statusCode()).as(query + ": " + response.body()).isEqualTo(400);
      assertThat(parse(response.body()).path("errorCode").asText())
          .as(query)
          .isEqualTo("ATLAS-400-00-01A");
    }
    assertThat(server.get(PATH + "?typeName=kafka_topic&limit=2").statusCode()).isEqualTo(200);
  }

  @Test
  void shouldRefuseTheBodiesAtlasRefusesWith400() {
    for (String name :
        List.of(
            "raw null",
            "raw []",
            "raw \"text\"",
            "raw {",
            "negative offset",
            "negative limit",
            "limit over the maximum",
            "operator '~'",
            "condition 'XOR'",
            "criterion [null, null]",
            "entityFilters=[]",
            "limit=2147483648",
            "limit=\"*\"",
            "sort order unknown")) {
      String body = bodies().get(name);
      assertThat(body).as(name).isNotNull();

      HttpResponse<String> response = server.postJson(PATH, body);

      assertThat(response.statusCode()).as(name + ": " + response.body()).isEqualTo(400);
      assertThat(json(response).path("errorCode").asText()).as(name).startsWith("ATLAS-400-");
    }
  }

  @Test
  void shouldStillAnswerAWellFormedSearch() {
    HttpResponse<String> response =
        server.postJson(
            PATH, withFilters(leaf().put("attributeValue", Events.topic("in-90").substring(0, 5))));

    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    assertThat(json(response).path("entities").size()).isPositive();
  }

  private static JsonNode parse(String text) {
    try {
      return JSON.readTree(text);
    } catch (java.io.IOException e) {
      return NODES.objectNode();
    }
  }
}
