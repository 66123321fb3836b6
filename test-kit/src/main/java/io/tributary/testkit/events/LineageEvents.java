package io.tributary.testkit.events;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tributary.contract.TributaryFacets;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * Builds deterministic OpenLineage run events of one streaming job for tests, each valid against
 * the official OpenLineage schemas (and Tributary's facet schemas for the tenant facet).
 *
 * <pre>{@code
 * TestDataset orders = TestDataset.topic("orders").withFields("id:long", "email:string");
 * LineageEvents enrich =
 *     LineageEvents.job("enrich-orders")
 *         .integration("FLINK")
 *         .tenant("acme")
 *         .input(orders)
 *         .output(TestDataset.topic("enriched").withFields("email:string")
 *             .withColumnLineage("email", orders, "email")
 *             .withStatistics(100, 4096));
 * String start = enrich.start().json();
 * String complete = enrich.at("2026-03-01T10:05:00Z").complete().json();
 * }</pre>
 *
 * <p>Defaults: job namespace {@code streaming}, integration {@code FLINK}, processing type {@code
 * STREAMING}, a run id derived from the job name, event time {@link #T0}. The builder is mutable
 * and not thread-safe; each event method returns an independent {@link LineageEvent}.
 */
public final class LineageEvents {
  /** The default event time: 2026-03-01T10:00:00Z. */
  public static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");

  /** The {@code producer} of every event. */
  public static final String PRODUCER = "https://github.com/tributary/test-kit";

  static final String SPEC = "https://openlineage.io/spec/";
  static final String RUN_EVENT_SCHEMA = SPEC + "2-0-2/OpenLineage.json#/$defs/RunEvent";
  static final String SCHEMA_FACET = facetUrl("1-2-0", "SchemaDatasetFacet");
  static final String STATISTICS_FACET = facetUrl("1-0-2", "OutputStatisticsOutputDatasetFacet");
  static final String COLUMN_LINEAGE_FACET = facetUrl("1-2-0", "ColumnLineageDatasetFacet");
  static final String JOB_TYPE_FACET = facetUrl("2-0-4", "JobTypeJobFacet");
  static final String ERROR_FACET = facetUrl("1-0-1", "ErrorMessageRunFacet");

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private final String name;
  private String namespace = "streaming";
  private String integration = "FLINK";
  private String processingType = "STREAMING";
  private UUID runId;
  private Instant eventTime = T0;
  private String tenant;
  private final List<TestDataset> inputs = new ArrayList<>();
  private final List<TestDataset> outputs = new ArrayList<>();

  private LineageEvents(String name) {
    this.name = Objects.requireNonNull(name, "name");
    this.runId = runId(name);
  }

  /**
   * Starts building the events of a job.
   *
   * @param name the job name
   * @return a builder with the defaults described above
   */
  public static LineageEvents job(String name) {
    return new LineageEvents(name);
  }

  /**
   * A run id derived from a name, the same in every test run.
   *
   * @param name any name
   * @return a name-based (version 3) UUID
   */
  public static UUID runId(String name) {
    return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8));
  }

  /**
   * Sets the job namespace.
   *
   * @param jobNamespace for example {@code streaming}
   * @return this builder
   */
  public LineageEvents namespace(String jobNamespace) {
    this.namespace = Objects.requireNonNull(jobNamespace, "jobNamespace");
    return this;
  }

  /**
   * Sets the job type facet's integration.
   *
   * @param name for example {@code FLINK}, {@code KAFKA_STREAMS}, {@code KAFKA}
   * @return this builder
   */
  public LineageEvents integration(String name) {
    this.integration = Objects.requireNonNull(name, "name");
    return this;
  }

  /**
   * Marks the job as a batch job (processing type {@code BATCH}) instead of a streaming one.
   *
   * @return this builder
   */
  public LineageEvents batch() {
    this.processingType = "BATCH";
    return this;
  }

  /**
   * Sets the run id.
   *
   * @param id the run id of every event built from now on
   * @return this builder
   */
  public LineageEvents runId(UUID id) {
    this.runId = Objects.requireNonNull(id, "id");
    return this;
  }

  /**
   * Sets the event time of the events built from now on.
   *
   * @param time the event time
   * @return this builder
   */
  public LineageEvents at(Instant time) {
    this.eventTime = Objects.requireNonNull(time, "time");
    return this;
  }

  /**
   * Sets the event time of the events built from now on.
   *
   * @param isoInstant an ISO-8601 instant such as {@code 2026-03-01T10:05:00Z}
   * @return this builder
   */
  public LineageEvents at(String isoInstant) {
    return at(Instant.parse(isoInstant));
  }

  /**
   * Sets the event time to {@link #T0} plus some seconds.
   *
   * @param seconds seconds after {@link #T0}
   * @return this builder
   */
  public LineageEvents secondsAfterT0(long seconds) {
    return at(T0.plusSeconds(seconds));
  }

  /**
   * Adds Tributary's tenant run facet.
   *
   * @param tenantId a tenant id (lower-case letters, digits and dashes)
   * @return this builder
   */
  public LineageEvents tenant(String tenantId) {
    this.tenant = Objects.requireNonNull(tenantId, "tenantId");
    return this;
  }

  /**
   * Adds inputs.
   *
   * @param datasets the datasets the job reads
   * @return this builder
   */
  public LineageEvents input(TestDataset... datasets) {
    inputs.addAll(List.of(datasets));
    return this;
  }

  /**
   * Adds Kafka topics (in {@link TestDataset#KAFKA}) as inputs.
   *
   * @param topics topic names
   * @return this builder
   */
  public LineageEvents inputTopics(String... topics) {
    for (String t : topics) {
      inputs.add(TestDataset.topic(t));
    }
    return this;
  }

  /**
   * Adds outputs.
   *
   * @param datasets the datasets the job writes
   * @return this builder
   */
  public LineageEvents output(TestDataset... datasets) {
    outputs.addAll(List.of(datasets));
    return this;
  }

  /**
   * Adds Kafka topics (in {@link TestDataset#KAFKA}) as outputs.
   *
   * @param topics topic names
   * @return this builder
   */
  public LineageEvents outputTopics(String... topics) {
    for (String t : topics) {
      outputs.add(TestDataset.topic(t));
    }
    return this;
  }

  /**
   * The START event.
   *
   * @return the event
   */
  public LineageEvent start() {
    return event("START", null);
  }

  /**
   * A RUNNING event (a streaming job's periodic snapshot).
   *
   * @return the event
   */
  public LineageEvent running() {
    return event("RUNNING", null);
  }

  /**
   * The COMPLETE event.
   *
   * @return the event
   */
  public LineageEvent complete() {
    return event("COMPLETE", null);
  }

  /**
   * The ABORT event.
   *
   * @return the event
   */
  public LineageEvent abort() {
    return event("ABORT", null);
  }

  /**
   * The FAIL event, with an error message facet.
   *
   * @param message the error message
   * @return the event
   */
  public LineageEvent fail(String message) {
    return event("FAIL", Objects.requireNonNull(message, "message"));
  }

  private LineageEvent event(String type, String error) {
    ObjectNode event = NODES.objectNode();
    event.put("eventType", type);
    event.put("eventTime", eventTime.toString());
    event.put("producer", PRODUCER);
    event.put("schemaURL", RUN_EVENT_SCHEMA);
    ObjectNode run = event.putObject("run");
    run.put("runId", runId.toString());
    ObjectNode runFacets = run.putObject("facets");
    if (tenant != null) {
      facet(runFacets, TributaryFacets.TENANT, TributaryFacets.schemaUrl("TributaryTenantRunFacet"))
          .put(TributaryFacets.TENANT_FIELD, tenant);
    }
    if (error != null) {
      facet(runFacets, "errorMessage", ERROR_FACET)
          .put("message", error)
          .put("programmingLanguage", "JAVA");
    }
    ObjectNode job = event.putObject("job");
    job.put("namespace", namespace);
    job.put("name", name);
    facet(job.putObject("facets"), "jobType", JOB_TYPE_FACET)
        .put("processingType", processingType)
        .put("integration", integration)
        .put("jobType", "JOB");
    ArrayNode in = event.putArray("inputs");
    inputs.forEach(d -> in.add(dataset(d, false)));
    ArrayNode out = event.putArray("outputs");
    outputs.forEach(d -> out.add(dataset(d, true)));
    return new LineageEvent(event);
  }

  private static ObjectNode dataset(TestDataset d, boolean output) {
    ObjectNode node = NODES.objectNode();
    node.put("namespace", d.namespace());
    node.put("name", d.name());
    ObjectNode facets = node.putObject("facets");
    if (!d.fields().isEmpty()) {
      ArrayNode fields = facet(facets, "schema", SCHEMA_FACET).putArray("fields");
      for (String f : d.fields()) {
        int colon = f.indexOf(':');
        fields.addObject().put("name", f.substring(0, colon)).put("type", f.substring(colon + 1));
      }
    }
    if (!d.columnLineage().isEmpty()) {
      ObjectNode fields = facet(facets, "columnLineage", COLUMN_LINEAGE_FACET).putObject("fields");
      d.columnLineage()
          .forEach(
              (field, from) -> {
                ArrayNode inputFields = fields.putObject(field).putArray("inputFields");
                from.forEach(
                    f ->
                        inputFields
                            .addObject()
                            .put("namespace", f.namespace())
                            .put("name", f.name())
                            .put("field", f.field()));
              });
    }
    if (output && d.statistics() != null) {
      facet(node.putObject("outputFacets"), "outputStatistics", STATISTICS_FACET)
          .put("rowCount", d.statistics().rowCount())
          .put("size", d.statistics().bytes());
    }
    return node;
  }

  private static ObjectNode facet(ObjectNode facets, String key, String schemaUrl) {
    ObjectNode facet = facets.putObject(key);
    facet.put("_producer", PRODUCER);
    facet.put("_schemaURL", schemaUrl);
    return facet;
  }

  private static String facetUrl(String version, String facet) {
    return SPEC + "facets/" + version + "/" + facet + ".json#/$defs/" + facet;
  }
}
