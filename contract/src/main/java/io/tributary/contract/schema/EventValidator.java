package io.tributary.contract.schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Error;
import com.networknt.schema.ExecutionContext;
import com.networknt.schema.MessageSourceError;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaContext;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.dialect.Dialect;
import com.networknt.schema.dialect.Dialects;
import com.networknt.schema.format.Format;
import com.networknt.schema.keyword.AnnotationKeyword;
import com.networknt.schema.keyword.FormatValidator;
import com.networknt.schema.path.NodePath;
import com.networknt.schema.path.PathType;
import io.tributary.contract.TributaryFacets;
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
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Validates OpenLineage events: the envelope against the core schema (2-0-2), then every facet
 * whose {@code _schemaURL} names a shipped facet schema (OpenLineage's, and Tributary's own under
 * {@value TributaryFacets#SPEC_URL}) against that schema. Facets with any other {@code _schemaURL}
 * (custom facets, unpublished versions) are checked only as base facets by the core schema, and
 * listed in {@link Result#unknownFacets()}. Thread-safe; all schemas are loaded and compiled by
 * {@link #load()}.
 *
 * <p>{@code format} is an annotation in JSON Schema 2020-12 unless a schema opts into format
 * assertion, which OpenLineage's do not; producers rely on it (Spark's integration sends {@code
 * "uri": "file"} in {@code dataSource}). So a value that breaks its format never fails a schema,
 * not even inside {@code anyOf}: it is a warning, except in the envelope fields the catalog reads
 * ({@link #ENVELOPE_FORMATS}), where it is a violation.
 *
 * <p>Likewise a facet missing a property its schema requires (a run facet without {@code
 * _producer}, an error message without {@code programmingLanguage}) is a warning: the rest of the
 * facet and the whole event are still read, and a lineage event is not lost over what it leaves
 * out. A facet value of the wrong type, and anything missing from the event's own envelope, job or
 * datasets, is a violation: the catalog cannot read it.
 */
public final class EventValidator {
  /**
   * The envelope fields whose format is asserted: the event time versions every write, the run id
   * names the run, and the model reads producer and schema URL as URIs.
   */
  static final Set<String> ENVELOPE_FORMATS =
      Set.of("/eventTime", "/run/runId", "/producer", "/schemaURL");

  private static final String FINDINGS = EventValidator.class.getName() + ".formatFindings";

  /**
   * What validation says of an event.
   *
   * @param kind the shape the event was validated as; null only for an event that has none, which a
   *     violation then explains
   * @param violations why the event is invalid, each listed once; empty when it is valid
   * @param warnings format violations outside the envelope, in the order found
   * @param unknownFacets JSON pointers of the facets whose {@code _schemaURL} names no shipped
   *     schema, checked only as base facets: what a producer's own tests should keep empty
   */
  public record Result(
      EventKind kind,
      List<Violation> violations,
      List<EventWarning> warnings,
      List<String> unknownFacets) {
    public Result {
      violations = List.copyOf(violations);
      warnings = List.copyOf(warnings);
      unknownFacets = List.copyOf(unknownFacets);
      if (kind == null && violations.isEmpty()) {
        throw new IllegalArgumentException("an event without a kind must have a violation");
      }
    }

    static Result invalid(String message) {
      return new Result(null, List.of(new Violation("", message)), List.of(), List.of());
    }

    /** Whether the event conforms: no violation (warnings and unknown facets allowed). */
    public boolean valid() {
      return violations.isEmpty();
    }
  }

  /** Where OpenLineage's published schemas live; {@code $id}s under it map to the classpath. */
  public static final String SPEC_URL = "https://openlineage.io/spec/";

  static final String CLASSPATH_SPEC = "openlineage/spec/";
  static final String CORE_URL = SPEC_URL + "2-0-2/OpenLineage.json";

  /** Where Tributary's own facet schemas are on the classpath, laid out as under their URL. */
  static final String CLASSPATH_TRIBUTARY_SPEC = "tributary/spec/";

  /** Published schema roots and their classpath copies, each with a facet index. */
  private static final Map<String, String> SPEC_ROOTS =
      Map.of(SPEC_URL, CLASSPATH_SPEC, TributaryFacets.SPEC_URL, CLASSPATH_TRIBUTARY_SPEC);

  private static final String FACET_INDEX = "facets/index.txt";

  private final Schema runEvent;
  private final Schema datasetEvent;
  private final Schema jobEvent;
  private final FacetSchemas facets;
  private final Map<CleanFacet, Boolean> clean = new ConcurrentHashMap<>();

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
    for (Map.Entry<String, String> spec : SPEC_ROOTS.entrySet()) {
      for (String path : facetPaths(spec.getValue() + FACET_INDEX)) {
        String url = spec.getKey() + path;
        JsonNode root = readClasspath(mapper, spec.getValue() + path);
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
    }
    return new EventValidator(run, dataset, job, new FacetSchemas(byUrl, byUrlAndKey));
  }

  private static SchemaRegistry registry() {
    SchemaRegistryConfig config =
        SchemaRegistryConfig.builder()
            .pathType(PathType.JSON_POINTER)
            .formatAssertionsEnabled(false)
            .preloadSchema(true)
            .cacheRefs(true)
            .build();
    // The schemas carry documentation keywords ("example", ...): annotations, not warnings.
    Dialect dialect =
        Dialect.builder(Dialects.getDraft202012())
            .unknownKeywordFactory((name, context) -> new AnnotationKeyword(name))
            .formats(formats -> formats.replaceAll((name, format) -> new ReportingFormat(format)))
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
                                ids ->
                                    SPEC_ROOTS.forEach(
                                        (url, path) -> ids.mapPrefix(url, "classpath:" + path)))));
  }

  private static boolean isLocal(com.networknt.schema.AbsoluteIri iri) {
    String value = iri.toString();
    return value.startsWith("classpath:")
        || SPEC_ROOTS.keySet().stream().anyMatch(value::startsWith);
  }

  private static Schema compile(SchemaRegistry registry, String location) {
    Schema schema = registry.getSchema(SchemaLocation.of(location));
    schema.initializeValidators();
    return schema;
  }

  private static List<String> facetPaths(String index) {
    List<String> paths = new ArrayList<>();
    try (InputStream in = resource(index);
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
      throw new UncheckedIOException("cannot read " + index, e);
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
      throw new IllegalStateException("Schema resource " + path + " is missing");
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

  /** Tells the event's kind by its keys and validates it; never throws for a bad event. */
  public Result validate(JsonNode event) {
    if (event == null || !event.isObject()) {
      return Result.invalid("an OpenLineage event must be a JSON object, got " + nodeType(event));
    }
    boolean hasRun = event.has("run");
    boolean hasJob = event.has("job");
    boolean hasDataset = event.has("dataset");
    Findings found = new Findings();
    EventKind kind;
    if (hasRun && hasJob) {
      kind = EventKind.RUN;
      found.validate(runEvent, event, "");
    } else if (hasDataset && hasJob) {
      kind = datasetOrJob(event, found);
      if (kind == null) {
        return Result.invalid(
            "an event with 'dataset' and 'job' but no 'run' is both a DatasetEvent and a"
                + " JobEvent; send one of them");
      }
    } else if (hasDataset) {
      kind = EventKind.DATASET;
      found.validate(datasetEvent, event, "");
    } else if (hasJob) {
      kind = EventKind.JOB;
      found.validate(jobEvent, event, "");
    } else if (hasRun) {
      kind = EventKind.RUN;
      found.validate(runEvent, event, "");
    } else {
      return Result.invalid(
          "an OpenLineage event needs 'run' and 'job' (RunEvent), 'dataset'"
              + " (DatasetEvent) or 'job' (JobEvent)");
    }
    if (found.violations.isEmpty()) {
      validateFacets(event, kind, found);
    }
    return new Result(kind, found.violations, found.warnings, found.unknownFacets);
  }

  /**
   * An event with {@code dataset} and {@code job} but no {@code run}: the core schema's oneOf makes
   * it whichever of DatasetEvent and JobEvent it is valid as; null when it is both.
   */
  private EventKind datasetOrJob(JsonNode event, Findings found) {
    Findings asJob = new Findings();
    asJob.validate(jobEvent, event, "");
    Findings asDataset = new Findings();
    asDataset.validate(datasetEvent, event, "");
    if (asJob.violations.isEmpty() && asDataset.violations.isEmpty()) {
      return null;
    }
    if (asJob.violations.isEmpty()) {
      found.addAll(asJob);
      return EventKind.JOB;
    }
    found.addAll(asDataset);
    return EventKind.DATASET;
  }

  private void validateFacets(JsonNode event, EventKind kind, Findings found) {
    switch (kind) {
      case RUN -> {
        validateFacetMap(event.path("run").path("facets"), "/run/facets", found);
        validateJobAndDatasets(event, found);
      }
      case JOB -> validateJobAndDatasets(event, found);
      case DATASET ->
          validateFacetMap(event.path("dataset").path("facets"), "/dataset/facets", found);
    }
  }

  private void validateJobAndDatasets(JsonNode event, Findings found) {
    validateFacetMap(event.path("job").path("facets"), "/job/facets", found);
    validateDatasets(event.path("inputs"), "/inputs", "inputFacets", found);
    validateDatasets(event.path("outputs"), "/outputs", "outputFacets", found);
  }

  private void validateDatasets(
      JsonNode datasets, String pointer, String ioFacets, Findings found) {
    for (int i = 0; i < datasets.size(); i++) {
      JsonNode dataset = datasets.get(i);
      String at = pointer + "/" + i;
      validateFacetMap(dataset.path("facets"), at + "/facets", found);
      validateFacetMap(dataset.path(ioFacets), at + "/" + ioFacets, found);
    }
  }

  private void validateFacetMap(JsonNode facetMap, String pointer, Findings found) {
    if (!facetMap.isObject()) {
      return;
    }
    for (Map.Entry<String, JsonNode> entry : facetMap.properties()) {
      JsonNode facet = entry.getValue();
      if (facet.path("_deleted").asBoolean(false)) {
        continue; // a deletion marker carries no content to check
      }
      Schema schema = facets.find(facet.path("_schemaURL").asText(""), entry.getKey());
      String at = pointer + "/" + escape(entry.getKey());
      if (schema == null) {
        found.unknownFacets.add(at);
        continue;
      }
      CleanFacet key = new CleanFacet(schema, facet);
      if (clean.containsKey(key)) {
        continue;
      }
      if (found.validate(schema, facet, at)) {
        remember(key);
      }
    }
  }

  /**
   * A pointer inside one facet of the run, the job, a dataset, or an input's or output's facets.
   */
  private static final java.util.regex.Pattern IN_FACET =
      java.util.regex.Pattern.compile(
          "^(/run|/job|/dataset|/inputs/\\d+|/outputs/\\d+)/(facets|inputFacets|outputFacets)/(?!tributary_)[^/]+/.+");

  /** The violations and warnings of one event, each listed once, and its unknown facets. */
  private static final class Findings {
    final List<Violation> violations = new ArrayList<>();
    final List<EventWarning> warnings = new ArrayList<>();
    final List<String> unknownFacets = new ArrayList<>();

    /**
     * Validates {@code node}, found at {@code prefix} in the event; true when it has neither
     * violation nor warning.
     */
    boolean validate(Schema schema, JsonNode node, String prefix) {
      List<FormatFinding> formats = new ArrayList<>(0);
      List<Error> errors =
          schema.validate(node, context -> context.getCollectorContext().put(FINDINGS, formats));
      for (Error error : errors) {
        String pointer = prefix + error.getInstanceLocation().toString();
        if ("required".equals(error.getKeyword()) && error.getProperty() != null) {
          pointer = pointer + "/" + escape(error.getProperty());
          if (IN_FACET.matcher(pointer).matches()) {
            // A facet missing a field its schema requires still says what it has: the event is
            // kept, the mapping reads what is there, and the producer is told.
            EventWarning warning = new EventWarning("facet:required", pointer, error.getMessage());
            if (!warnings.contains(warning)) {
              warnings.add(warning);
            }
            continue;
          }
        }
        add(new Violation(pointer, error.getMessage()));
      }
      for (FormatFinding format : formats) {
        String pointer = prefix + format.error().getInstanceLocation().toString();
        String message = format.error().getMessage();
        if (prefix.isEmpty() && ENVELOPE_FORMATS.contains(pointer)) {
          add(new Violation(pointer, message));
        } else {
          EventWarning warning = new EventWarning("format:" + format.name(), pointer, message);
          if (!warnings.contains(warning)) {
            warnings.add(warning);
          }
        }
      }
      return errors.isEmpty() && formats.isEmpty();
    }

    void addAll(Findings other) {
      other.violations.forEach(this::add);
      other.warnings.stream().filter(w -> !warnings.contains(w)).forEach(warnings::add);
    }

    private void add(Violation violation) {
      if (!violations.contains(violation)) {
        violations.add(violation);
      }
    }
  }

  private record FormatFinding(String name, Error error) {}

  /**
   * A facet found clean under a schema. Streaming jobs repeat most facets unchanged in every
   * RUNNING event (schemas, data sources, job facets), and validating them again was a fifth of an
   * ingest request's time; comparing a facet with one known clean is far cheaper. Facets are never
   * changed after parsing, so a remembered tree stays what was validated.
   */
  private record CleanFacet(Schema schema, JsonNode facet) {}

  /** How many clean facets are remembered; the memory is dropped whole when full. */
  static final int CLEAN_FACETS = 4_096;

  /** Facets larger than this are validated every time rather than kept in memory. */
  static final int CLEAN_FACET_MAX_NODES = 256;

  private void remember(CleanFacet facet) {
    if (nodes(facet.facet(), CLEAN_FACET_MAX_NODES) > CLEAN_FACET_MAX_NODES) {
      return;
    }
    if (clean.size() >= CLEAN_FACETS) {
      clean.clear();
    }
    clean.put(facet, Boolean.TRUE);
  }

  /** The number of nodes of {@code node}'s tree, counting no further than {@code limit + 1}. */
  private static int nodes(JsonNode node, int limit) {
    int count = 1;
    if (node.isContainerNode()) {
      for (JsonNode child : node) {
        count += nodes(child, limit - count);
        if (count > limit) {
          return count;
        }
      }
    }
    return count;
  }

  /**
   * A format that reports a value it does not match to the validation's findings instead of failing
   * the schema: the annotation behaviour of 2020-12, made visible.
   */
  private static final class ReportingFormat implements Format {
    private final Format format;

    ReportingFormat(Format format) {
      this.format = format;
    }

    @Override
    public String getName() {
      return format.getName();
    }

    @Override
    public String getMessageKey() {
      return format.getMessageKey();
    }

    @Override
    public void validate(
        ExecutionContext context,
        SchemaContext schemaContext,
        JsonNode node,
        JsonNode rootNode,
        NodePath instanceLocation,
        boolean assertionsEnabled,
        Supplier<MessageSourceError.Builder> message,
        FormatValidator formatValidator) {
      List<FormatFinding> findings = context.getCollectorContext().get(FINDINGS);
      if (findings == null) {
        return;
      }
      List<Error> outer = context.getErrors();
      List<Error> failed = new ArrayList<>(1);
      context.setErrors(failed);
      try {
        format.validate(
            context,
            schemaContext,
            node,
            rootNode,
            instanceLocation,
            true,
            message,
            formatValidator);
      } finally {
        context.setErrors(outer);
      }
      failed.forEach(error -> findings.add(new FormatFinding(format.getName(), error)));
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
      Schema schema = byUrl.get(schemaUrl);
      if (schema != null) {
        return schema;
      }
      Map<String, Schema> byKey = byUrlAndKey.get(schemaUrl);
      return byKey == null ? null : byKey.get(facetKey);
    }
  }
}
