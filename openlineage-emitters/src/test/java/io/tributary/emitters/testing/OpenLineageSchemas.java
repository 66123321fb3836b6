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
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Validates OpenLineage events against the project's local copy of the OpenLineage JSON Schemas
 * (shared/spec/openlineage/published), with no network: every {@code $ref} and {@code _schemaURL}
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
    Path published = specDirectory().resolve("published");
    Path custom =
        Path.of("src/main/resources/io/tributary/emitters/spec").toAbsolutePath().normalize();
    this.registry =
        SchemaRegistry.withDefaultDialect(
            SpecificationVersion.DRAFT_2020_12,
            b ->
                b.schemaLoader(
                    l ->
                        l.fetchRemoteResources(false)
                            .resourceLoaders(
                                r -> r.resources(iri -> read(iri, published, custom)))));
  }

  /** Serves a schema's text from the local files; null (unknown) for anything else. */
  private static String read(String iri, Path published, Path custom) {
    Path file = null;
    if (iri.startsWith(OPENLINEAGE)) {
      file = published.resolve(iri.substring(OPENLINEAGE.length()));
    } else if (iri.startsWith(TRIBUTARY)) {
      file = custom.resolve(iri.substring(TRIBUTARY.length()));
    }
    if (file == null || !Files.isRegularFile(file)) {
      return null;
    }
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Finds shared/spec/openlineage beside the repository (as laid out here and in CI). */
  static Path specDirectory() {
    String configured = System.getProperty("tributary.openlineage.spec");
    if (configured != null) {
      return Path.of(configured);
    }
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      Path candidate = dir.resolve("shared/spec/openlineage");
      if (Files.isDirectory(candidate.resolve("published"))) {
        return candidate;
      }
    }
    throw new IllegalStateException(
        "shared/spec/openlineage not found above " + Path.of("").toAbsolutePath());
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
