package io.tributary.contract;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TributaryFacetsTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** The shipped facet schemas, by the facet key each declares. */
  private static Map<String, JsonNode> schemasByFacet() throws IOException {
    Map<String, JsonNode> byFacet = new HashMap<>();
    for (String path : index()) {
      JsonNode schema = read("/tributary/spec/" + path);
      assertThat(schema.path("$id").asText()).isEqualTo(TributaryFacets.SPEC_URL + path);
      schema.path("properties").fieldNames().forEachRemaining(key -> byFacet.put(key, schema));
    }
    return byFacet;
  }

  private static List<String> index() throws IOException {
    List<String> paths = new ArrayList<>();
    try (InputStream in =
        TributaryFacetsTest.class.getResourceAsStream("/tributary/spec/facets/index.txt")) {
      for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
        if (!line.isBlank() && !line.startsWith("#")) {
          paths.add(line.strip());
        }
      }
    }
    return paths;
  }

  private static JsonNode read(String resource) throws IOException {
    try (InputStream in = TributaryFacetsTest.class.getResourceAsStream(resource)) {
      assertThat(in).as(resource).isNotNull();
      return JSON.readTree(in);
    }
  }

  @Test
  void shouldShipOneSchemaForEveryFacetItNames() throws IOException {
    assertThat(schemasByFacet())
        .containsOnlyKeys(
            TributaryFacets.TENANT,
            TributaryFacets.CLUSTER,
            TributaryFacets.STREAMING_METRICS,
            TributaryFacets.KAFKA_STREAMS_TOPOLOGY,
            TributaryFacets.EDGE_EVENT,
            TributaryFacets.EDGE_DEVICE,
            TributaryFacets.EDGE_NODE);
  }

  @Test
  void shouldNameTheFieldsTheCatalogReadsInTheirSchemas() throws IOException {
    Map<String, JsonNode> schemas = schemasByFacet();

    assertThat(schemas.get(TributaryFacets.TENANT).toString())
        .contains("\"" + TributaryFacets.TENANT_FIELD + "\"");
    assertThat(schemas.get(TributaryFacets.CLUSTER).toString())
        .contains("\"" + TributaryFacets.CLUSTER_FIELD + "\"");
    assertThat(schemas.get(TributaryFacets.EDGE_EVENT).toString())
        .contains("\"" + TributaryFacets.EDGE_EVENT_NODE_FIELD + "\"")
        .contains("\"" + TributaryFacets.EDGE_EVENT_SEQUENCE_FIELD + "\"");
  }

  @Test
  void shouldBuildSchemaUrlsThatPointIntoTheShippedSchemas() throws IOException {
    String url = TributaryFacets.schemaUrl("TributaryTenantRunFacet");
    String file = url.substring(TributaryFacets.SPEC_URL.length(), url.indexOf('#'));
    String pointer = url.substring(url.indexOf('#') + 1);

    assertThat(read("/tributary/spec/" + file).at(pointer).isObject()).isTrue();
    assertThat(TributaryFacets.TENANT_POINTER).isEqualTo("/run/facets/tributary_tenant/tenant");
  }
}
