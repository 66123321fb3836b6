package io.tributary.search.estate;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.tributary.catalog.Catalog;
import io.tributary.catalog.ChangeFeed;
import io.tributary.catalog.Mutation;
import io.tributary.catalog.spi.CatalogBackends;
import io.tributary.catalog.spi.CatalogContext;
import io.tributary.catalog.types.TypeRegistry;
import io.tributary.contract.TenantId;
import io.tributary.openlineage.EventTranslator;
import io.tributary.openlineage.NamespaceResolver;
import io.tributary.testkit.events.LineageEvents;
import io.tributary.testkit.events.TestDataset;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A catalog (embedded in-memory JanusGraph) filled through the OpenLineage mapping, as the server
 * fills it: tests and benchmarks describe jobs and datasets, and the estate turns them into events.
 */
public final class Estate implements AutoCloseable {
  public static final String KAFKA = TestDataset.KAFKA;

  private final Catalog catalog;
  private final TypeRegistry types;
  private final EventTranslator translator;
  private final List<Mutation> buffered = new ArrayList<>();

  private Estate(Catalog catalog, TypeRegistry types) {
    this.catalog = catalog;
    this.types = types;
    this.translator = EventTranslator.create(NamespaceResolver.defaults(), types);
  }

  public static Estate open(Path dataDir) {
    return open(dataDir, "embedded-inmemory");
  }

  public static Estate open(Path dataDir, String backend) {
    TypeRegistry types = TypeRegistry.builtIn();
    ChangeFeed feed = new ChangeFeed(1_000_000, Clock.systemUTC());
    Catalog catalog =
        CatalogBackends.named(backend)
            .open(new CatalogContext(dataDir, new SimpleMeterRegistry(), types, feed, Map.of()));
    return new Estate(catalog, types);
  }

  public Catalog catalog() {
    return catalog;
  }

  public TypeRegistry types() {
    return types;
  }

  /** A dataset as a job reads or writes it. */
  public record Dataset(
      String namespace,
      String name,
      List<String> fields,
      String description,
      List<String> owners,
      Map<String, String> fieldTags,
      List<String> tags,
      Boolean qualityPassed,
      List<String[]> columnLineage) {
    public static Dataset topic(String name, String... fields) {
      return new Dataset(
          KAFKA, name, List.of(fields), null, List.of(), Map.of(), List.of(), null, List.of());
    }

    public static Dataset table(String namespace, String name, String... fields) {
      return new Dataset(
          namespace, name, List.of(fields), null, List.of(), Map.of(), List.of(), null, List.of());
    }

    /** Column lineage: {@code field} is computed from {@code input}'s {@code inputField}. */
    public Dataset from(String field, Dataset input, String inputField) {
      List<String[]> more = new ArrayList<>(columnLineage);
      more.add(new String[] {field, input.namespace(), input.name(), inputField});
      return new Dataset(
          namespace, name, fields, description, owners, fieldTags, tags, qualityPassed, more);
    }

    public Dataset described(String text) {
      return new Dataset(
          namespace, name, fields, text, owners, fieldTags, tags, qualityPassed, columnLineage);
    }

    public Dataset ownedBy(String... names) {
      return new Dataset(
          namespace,
          name,
          fields,
          description,
          List.of(names),
          fieldTags,
          tags,
          qualityPassed,
          columnLineage);
    }

    /** Classifies a field (PII, SENSITIVE). */
    public Dataset fieldTag(String field, String classification) {
      Map<String, String> more = new java.util.LinkedHashMap<>(fieldTags);
      more.put(field, classification);
      return new Dataset(
          namespace, name, fields, description, owners, more, tags, qualityPassed, columnLineage);
    }

    public Dataset tagged(String... classifications) {
      return new Dataset(
          namespace,
          name,
          fields,
          description,
          owners,
          fieldTags,
          List.of(classifications),
          qualityPassed,
          columnLineage);
    }

    public Dataset quality(boolean passed) {
      return new Dataset(
          namespace, name, fields, description, owners, fieldTags, tags, passed, columnLineage);
    }
  }

  /** A job's run event. */
  public record Job(
      String namespace,
      String name,
      String integration,
      List<Dataset> inputs,
      List<Dataset> outputs,
      String description,
      List<String> owners) {
    public static Job flink(String name, List<Dataset> inputs, List<Dataset> outputs) {
      return new Job("streaming", name, "FLINK", inputs, outputs, null, List.of());
    }

    public static Job streams(String name, List<Dataset> inputs, List<Dataset> outputs) {
      return new Job("streaming", name, "KAFKA_STREAMS", inputs, outputs, null, List.of());
    }

    public Job described(String text) {
      return new Job(namespace, name, integration, inputs, outputs, text, owners);
    }

    public Job ownedBy(String... names) {
      return new Job(namespace, name, integration, inputs, outputs, description, List.of(names));
    }
  }

  /** Writes the job's event of {@code eventType} (START, RUNNING, COMPLETE, FAIL) at a time. */
  public Estate run(Job job, String eventType, Instant at) {
    buffered.add(mutation(job, eventType, at, at));
    return this;
  }

  /** As {@link #run(Job, String, Instant)}, an event of the run that started at {@code started}. */
  public Estate run(Job job, String eventType, Instant at, Instant started) {
    buffered.add(mutation(job, eventType, at, started));
    return this;
  }

  public Estate run(Job job) {
    return run(job, "RUNNING", LineageEvents.T0);
  }

  /** Applies what was written since the last flush, in one transaction per 50 events. */
  public Estate flush() {
    for (int i = 0; i < buffered.size(); i += 50) {
      catalog.applyAll(buffered.subList(i, Math.min(buffered.size(), i + 50)));
    }
    buffered.clear();
    return this;
  }

  private Mutation mutation(Job job, String eventType, Instant at, Instant started) {
    LineageEvents builder =
        LineageEvents.job(job.name())
            .namespace(job.namespace())
            .integration(job.integration())
            .runId(LineageEvents.runId(job.namespace() + "/" + job.name() + "@" + started))
            .at(at);
    builder.input(job.inputs().stream().map(Estate::testDataset).toArray(TestDataset[]::new));
    builder.output(job.outputs().stream().map(Estate::testDataset).toArray(TestDataset[]::new));
    ObjectNode event =
        switch (eventType) {
          case "START" -> builder.start().node();
          case "COMPLETE" -> builder.complete().node();
          case "FAIL" -> builder.fail("task failed").node();
          default -> builder.running().node();
        };
    ObjectNode jobFacets = (ObjectNode) event.path("job").path("facets");
    decorate(jobFacets, job.description(), job.owners(), List.of(), Map.of(), null);
    decorateAll((ArrayNode) event.path("inputs"), job.inputs());
    decorateAll((ArrayNode) event.path("outputs"), job.outputs());
    return translator.translate(event, TenantId.DEFAULT).mutation();
  }

  private static TestDataset testDataset(Dataset d) {
    TestDataset t = TestDataset.of(d.namespace(), d.name());
    return d.fields().isEmpty()
        ? t
        : t.withFields(d.fields().stream().map(f -> f + ":string").toArray(String[]::new));
  }

  private static void decorateAll(ArrayNode nodes, List<Dataset> datasets) {
    for (int i = 0; i < datasets.size(); i++) {
      Dataset d = datasets.get(i);
      decorate(
          (ObjectNode) nodes.get(i).path("facets"),
          d.description(),
          d.owners(),
          d.tags(),
          d.fieldTags(),
          d.qualityPassed());
    }
  }

  private static void decorate(
      ObjectNode facets,
      String description,
      List<String> owners,
      List<String> tags,
      Map<String, String> fieldTags,
      Boolean qualityPassed) {
    if (description != null) {
      facet(facets, "documentation").put("description", description);
    }
    if (!owners.isEmpty()) {
      ArrayNode list = facet(facets, "ownership").putArray("owners");
      owners.forEach(o -> list.addObject().put("name", o).put("type", "TEAM"));
    }
    if (!tags.isEmpty() || !fieldTags.isEmpty()) {
      ArrayNode list = facet(facets, "tags").putArray("tags");
      tags.forEach(
          t ->
              list.addObject()
                  .put("key", "classification")
                  .put("value", t)
                  .put("source", "MANUAL"));
      fieldTags.forEach(
          (field, t) ->
              list.addObject()
                  .put("key", "classification")
                  .put("value", t)
                  .put("source", "MANUAL")
                  .put("field", field));
    }
    if (qualityPassed != null) {
      facet(facets, "dataQualityAssertions")
          .putArray("assertions")
          .addObject()
          .put("assertion", "not_null")
          .put("success", qualityPassed.booleanValue());
    }
  }

  private static ObjectNode facet(ObjectNode facets, String key) {
    ObjectNode facet = facets.putObject(key);
    facet.put("_producer", LineageEvents.PRODUCER);
    facet.put("_schemaURL", "https://openlineage.io/spec/facets/1-0-0/" + key + ".json");
    return facet;
  }

  @Override
  public void close() {
    catalog.close();
  }
}
