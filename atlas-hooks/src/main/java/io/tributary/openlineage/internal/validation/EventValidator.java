package io.tributary.openlineage.internal.validation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.dialect.Dialect;
import com.networknt.schema.dialect.Dialects;
import com.networknt.schema.keyword.AnnotationKeyword;
import com.networknt.schema.path.PathType;
import io.tributary.openlineage.EventKind;
import io.tributary.openlineage.InvalidEventException;
import io.tributary.openlineage.Violation;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Validates OpenLineage events: the envelope against the core schema (2-0-2), then every facet
 * whose {@code _schemaURL} names a shipped facet schema against that schema. Facets with any other
 * {@code _schemaURL} (custom facets, unpublished versions) are checked only as base facets by the
 * core schema. Thread-safe; all schemas are loaded and compiled by {@link #load()}.
 */
public final class EventValidator {
  /** Where the published schemas live; {@code $id}s under it map to the classpath copy. */
  public static final String SPEC_URL = "https://openlineage.io/spec/";

  static final String CLASSPATH_SPEC = "openlineage/spec/";
  static final String CORE_URL = SPEC_URL + "2-0-2/OpenLineage.json";
  private static final String FACET_INDEX = CLASSPATH_SPEC + "facets/index.txt";

  private final Schema runEvent;
  private final Schema datasetEvent;
  private final Schema jobEvent;
  private final FacetSchemas facets;

  private EventValidator(
      Schema runEvent, Schema datasetEvent, Schema jobEvent, FacetSchemas facets) {
    this.runEvent = runEvent;
    this.datasetEvent = datasetEvent;
    this.jobEvent = jobEvent;
    this.facets = facets;
  }

  /** Loads and compiles the core schema and every shipped facet schema. */
  public static EventValidator load() {
    SchemaRegistry registry = registry();
    ObjectMapper mapper = new ObjectMapper();
    Schema run = compile(registry, CORE_URL + "#/$defs/RunEvent");
    Schema dataset = compile(registry, CORE_URL + "#/$defs/DatasetEvent");
    Schema job = compile(registry, CORE_URL + "#/$defs/JobEvent");
    Map<String, Schema> byUrl = new HashMap<>();
    Map<String, Map<String, Schema>> byUrlAndKey = new HashMap<>();
    for (String path : facetPaths()) {
      String url = SPEC_URL + path;
      JsonNode root = readClasspath(mapper, CLASSPATH_SPEC + path);
      Map<String, Schema> byKey = new HashMap<>();
      for (Map.Entry<String, JsonNode> property : root.path("properties").properties()) {
        byKey.put(
            property.getKey(),
            compile(registry, url + "#/properties/" + escape(property.getKey())));
        for (String ref : localRefs(property.getValue())) {
          byUrl.put(url + ref, compile(registry, url + ref));
        }
      }
      if (byKey.size() == 1) {
        byUrl.put(url, byKey.values().iterator().next());
      } else {
        byUrlAndKey.put(url, Map.copyOf(byKey));
      }
    }
    return new EventValidator(run, dataset, job, new FacetSchemas(byUrl, byUrlAndKey));
  }

  private static SchemaRegistry registry() {
    SchemaRegistryConfig config =
        SchemaRegistryConfig.builder()
            .pathType(PathType.JSON_POINTER)
            .formatAssertionsEnabled(true)
            .preloadSchema(true)
            .cacheRefs(true)
            .build();
    // The schemas carry documentation keywords ("example", ...): annotations, not warnings.
    Dialect dialect =
        Dialect.builder(Dialects.getDraft202012())
            .unknownKeywordFactory((name, context) -> new AnnotationKeyword(name))
            .build();
    return SchemaRegistry.withDefaultDialect(
        dialect,
        builder ->
            builder
                .schemaRegistryConfig(config)
                .schemaLoader(
                    loader ->
                        loader
                            .fetchRemoteResources(false)
                            .allow(EventValidator::isLocal)
                            .schemaIdResolvers(
                                ids -> ids.mapPrefix(SPEC_URL, "classpath:" + CLASSPATH_SPEC))));
  }

  private static boolean isLocal(com.networknt.schema.AbsoluteIri iri) {
    String value = iri.toString();
    return value.startsWith(SPEC_URL) || value.startsWith("classpath:");
  }

  private static Schema compile(SchemaRegistry registry, String location) {
    Schema schema = registry.getSchema(SchemaLocation.of(location));
    schema.initializeValidators();
    return schema;
  }

  private static List<String> facetPaths() {
    List<String> paths = new ArrayList<>();
    try (InputStream in = resource(FACET_INDEX);
        BufferedReader reader =
            new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      String line;
      while ((line = reader.readLine()) != null) {
        line = line.strip();
        if (!line.isEmpty() && !line.startsWith("#")) {
          paths.add(line);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + FACET_INDEX, e);
    }
    return paths;
  }

  private static JsonNode readClasspath(ObjectMapper mapper, String path) {
    try (InputStream in = resource(path)) {
      return mapper.readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read schema " + path, e);
    }
  }

  private static InputStream resource(String path) {
    InputStream in = EventValidator.class.getClassLoader().getResourceAsStream(path);
    if (in == null) {
      throw new IllegalStateException("OpenLineage schema resource " + path + " is missing");
    }
    return in;
  }

  /**
   * {@code #/$defs/X} references directly under a facet property ({@code $ref} or {@code anyOf}).
   */
  private static List<String> localRefs(JsonNode property) {
    List<String> refs = new ArrayList<>();
    addRef(refs, property);
    for (String combinator : List.of("anyOf", "oneOf")) {
      property.path(combinator).forEach(branch -> addRef(refs, branch));
    }
    return refs;
  }

  private static void addRef(List<String> refs, JsonNode node) {
    String ref = node.path("$ref").asText("");
    if (ref.startsWith("#/$defs/")) {
      refs.add(ref);
    }
  }

  /**
   * Tells the event's kind by its keys and validates it.
   *
   * @throws InvalidEventException listing every violation found
   */
  public EventKind validate(JsonNode event) {
    if (event == null || !event.isObject()) {
      throw new InvalidEventException(
          List.of(
              new Violation(
                  "", "an OpenLineage event must be a JSON object, got " + nodeType(event))));
    }
    boolean hasRun = event.has("run");
    boolean hasJob = event.has("job");
    boolean hasDataset = event.has("dataset");
    List<Violation> violations = new ArrayList<>();
    EventKind kind;
    if (hasRun && hasJob) {
      kind = EventKind.RUN;
      collect(runEvent.validate(event), "", violations);
    } else if (hasDataset && hasJob) {
      kind = datasetOrJob(event, violations);
    } else if (hasDataset) {
      kind = EventKind.DATASET;
      collect(datasetEvent.validate(event), "", violations);
    } else if (hasJob) {
      kind = EventKind.JOB;
      collect(jobEvent.validate(event), "", violations);
    } else if (hasRun) {
      kind = EventKind.RUN;
      collect(runEvent.validate(event), "", violations);
    } else {
      throw new InvalidEventException(
          List.of(
              new Violation(
                  "",
                  "an OpenLineage event needs 'run' and 'job' (RunEvent), 'dataset'"
                      + " (DatasetEvent) or 'job' (JobEvent)")));
    }
    if (violations.isEmpty()) {
      validateFacets(event, kind, violations);
    }
    if (!violations.isEmpty()) {
      throw new InvalidEventException(violations);
    }
    return kind;
  }

  /**
   * An event with {@code dataset} and {@code job} but no {@code run}: the core schema's oneOf makes
   * it whichever of DatasetEvent and JobEvent it is valid as, and rejects it when it is both.
   */
  private EventKind datasetOrJob(JsonNode event, List<Violation> violations) {
    List<Violation> asJob = new ArrayList<>();
    collect(jobEvent.validate(event), "", asJob);
    List<Violation> asDataset = new ArrayList<>();
    collect(datasetEvent.validate(event), "", asDataset);
    if (asJob.isEmpty() && asDataset.isEmpty()) {
      throw new InvalidEventException(
          List.of(
              new Violation(
                  "",
                  "an event with 'dataset' and 'job' but no 'run' is both a DatasetEvent and a"
                      + " JobEvent; send one of them")));
    }
    if (asJob.isEmpty()) {
      return EventKind.JOB;
    }
    violations.addAll(asDataset);
    return EventKind.DATASET;
  }

  private void validateFacets(JsonNode event, EventKind kind, List<Violation> violations) {
    switch (kind) {
      case RUN -> {
        validateFacetMap(event.path("run").path("facets"), "/run/facets", violations);
        validateJobAndDatasets(event, violations);
      }
      case JOB -> validateJobAndDatasets(event, violations);
      case DATASET ->
          validateFacetMap(event.path("dataset").path("facets"), "/dataset/facets", violations);
    }
  }

  private void validateJobAndDatasets(JsonNode event, List<Violation> violations) {
    validateFacetMap(event.path("job").path("facets"), "/job/facets", violations);
    validateDatasets(event.path("inputs"), "/inputs", "inputFacets", violations);
    validateDatasets(event.path("outputs"), "/outputs", "outputFacets", violations);
  }

  private void validateDatasets(
      JsonNode datasets, String pointer, String ioFacets, List<Violation> violations) {
    for (int i = 0; i < datasets.size(); i++) {
      JsonNode dataset = datasets.get(i);
      String at = pointer + "/" + i;
      validateFacetMap(dataset.path("facets"), at + "/facets", violations);
      validateFacetMap(dataset.path(ioFacets), at + "/" + ioFacets, violations);
    }
  }

  private void validateFacetMap(JsonNode facetMap, String pointer, List<Violation> violations) {
    if (!facetMap.isObject()) {
      return;
    }
    for (Map.Entry<String, JsonNode> entry : facetMap.properties()) {
      JsonNode facet = entry.getValue();
      if (facet.path("_deleted").asBoolean(false)) {
        continue; // a deletion marker carries no content to check
      }
      Schema schema = facets.find(facet.path("_schemaURL").asText(""), entry.getKey());
      if (schema != null) {
        collect(schema.validate(facet), pointer + "/" + escape(entry.getKey()), violations);
      }
    }
  }

  private static void collect(List<Error> errors, String prefix, List<Violation> violations) {
    for (Error error : errors) {
      String pointer = prefix + error.getInstanceLocation().toString();
      if ("required".equals(error.getKeyword()) && error.getProperty() != null) {
        pointer = pointer + "/" + escape(error.getProperty());
      }
      Violation violation = new Violation(pointer, error.getMessage());
      if (!violations.contains(violation)) {
        violations.add(violation);
      }
    }
  }

  static String escape(String token) {
    return token.replace("~", "~0").replace("/", "~1");
  }

  private static String nodeType(JsonNode node) {
    return node == null ? "nothing" : node.getNodeType().name().toLowerCase(java.util.Locale.ROOT);
  }

  /** The compiled facet schemas, by {@code _schemaURL} (with or without a fragment). */
  private record FacetSchemas(
      Map<String, Schema> byUrl, Map<String, Map<String, Schema>> byUrlAndKey) {
    FacetSchemas {
      byUrl = Map.copyOf(byUrl);
      byUrlAndKey = Map.copyOf(byUrlAndKey);
    }

    Schema find(String schemaUrl, String facetKey) {
      if (!schemaUrl.startsWith(SPEC_URL)) {
        return null;
      }
      Schema schema = byUrl.get(schemaUrl);
      if (schema != null) {
        return schema;
      }
      Map<String, Schema> byKey = byUrlAndKey.get(schemaUrl);
      return byKey == null ? null : byKey.get(facetKey);
    }
  }
}
