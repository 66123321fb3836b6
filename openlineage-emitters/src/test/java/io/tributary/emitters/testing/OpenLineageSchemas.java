package io.tributary.emitters.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import io.openlineage.client.OpenLineage;
import io.openlineage.client.OpenLineageClientUtils;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Validates OpenLineage events against the project's local copy of the OpenLineage JSON Schemas
 * (the copy shipped in atlas-hooks), with no network: every {@code $ref} and {@code _schemaURL}
 * under https://openlineage.io/spec/ resolves to those files, and Tributary's custom facets to the
 * schemas shipped in this module. The event is validated against its own {@code schemaURL}, and
 * each facet against its {@code _schemaURL}.
 */
public final class OpenLineageSchemas {
  private static final String OPENLINEAGE = "https://openlineage.io/spec/";
  private static final String TRIBUTARY = "https://tributary.io/spec/";

  private final SchemaRegistry registry;
  private final ObjectMapper mapper = new ObjectMapper();
  private final Map<String, Schema> cache = new ConcurrentHashMap<>();

  public OpenLineageSchemas() {
    this.registry =
        SchemaRegistry.withDefaultDialect(
            SpecificationVersion.DRAFT_2020_12,
            b ->
                b.schemaLoader(
                    l ->
                        l.fetchRemoteResources(false)
                            .resourceLoaders(r -> r.resources(OpenLineageSchemas::read))));
  }

  /**
   * Serves a schema's text from the classpath: the official schemas that the catalog validates
   * against (shipped in atlas-hooks) and the emitters' own facet schemas; null for anything else.
   */
  private static String read(String iri) {
    String resource = null;
    if (iri.startsWith(OPENLINEAGE)) {
      resource = "/openlineage/spec/" + iri.substring(OPENLINEAGE.length());
    } else if (iri.startsWith(TRIBUTARY)) {
      resource = "/io/tributary/emitters/spec/" + iri.substring(TRIBUTARY.length());
    }
    if (resource == null) {
      return null;
    }
    try (InputStream in = OpenLineageSchemas.class.getResourceAsStream(resource)) {
      return in == null ? null : new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Every schema violation of the event and its facets; empty when valid. */
  public List<String> violations(OpenLineage.RunEvent event) {
    return violations(OpenLineageClientUtils.toJson(event));
  }

  public List<String> violations(String json) {
    JsonNode event;
    try {
      event = mapper.readTree(json);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    List<String> problems = new ArrayList<>();
    check(event, "event", problems);
    facets(event.path("run").path("facets"), "run", problems);
    facets(event.path("job").path("facets"), "job", problems);
    for (String side : List.of("inputs", "outputs")) {
      int i = 0;
      for (JsonNode dataset : event.path(side)) {
        String where = side + "[" + i++ + "]";
        facets(dataset.path("facets"), where, problems);
        facets(dataset.path("inputFacets"), where + ".inputFacets", problems);
        facets(dataset.path("outputFacets"), where + ".outputFacets", problems);
      }
    }
    return problems;
  }

  private void facets(JsonNode facets, String where, List<String> problems) {
    for (Map.Entry<String, JsonNode> facet : facets.properties()) {
      check(facet.getValue(), where + "." + facet.getKey(), problems);
    }
  }

  private void check(JsonNode node, String where, List<String> problems) {
    String url = node.path(node.has("schemaURL") ? "schemaURL" : "_schemaURL").asText("");
    if (!url.startsWith(OPENLINEAGE) && !url.startsWith(TRIBUTARY)) {
      problems.add(
          where + ": schema URL '" + url + "' is not a known OpenLineage or Tributary one");
      return;
    }
    Schema schema = cache.computeIfAbsent(url, u -> registry.getSchema(SchemaLocation.of(u)));
    for (Error error : schema.validate(node)) {
      problems.add(where + ": " + error);
    }
  }
}
