package io.tributary.tenancy;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Deterministic OpenLineage events of streaming jobs between Kafka topics of {@code
 * kafka://broker:9092} (the cluster {@code prod}), built as JSON so that a test can add Tributary's
 * {@code tributary_tenant} run facet and column lineage.
 */
final class Lineage {
  static final String KAFKA = "kafka://broker:9092";
  static final String PRODUCER = "https://github.com/tributary/tests";
  static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");

  private final String job;
  private final List<String> inputs;
  private final List<String> outputs;
  private String tenant;
  private Map<String, String> columns = Map.of();
  private int second;

  private Lineage(String job, List<String> inputs, List<String> outputs) {
    this.job = job;
    this.inputs = inputs;
    this.outputs = outputs;
  }

  /** {@code inputs -> job -> outputs}; topic names without their cluster. */
  static Lineage job(String job, List<String> inputs, List<String> outputs) {
    return new Lineage(job, inputs, outputs);
  }

  /** Names the tenant in the {@code tributary_tenant} run facet. */
  Lineage tenant(String id) {
    this.tenant = id;
    return this;
  }

  /**
   * Column lineage into the first output: output column to {@code input topic.column} of the first
   * input.
   */
  Lineage columns(Map<String, String> outputToInputColumn) {
    this.columns = Map.copyOf(outputToInputColumn);
    return this;
  }

  Lineage at(int secondsAfterT0) {
    this.second = secondsAfterT0;
    return this;
  }

  static String topic(String name) {
    return name + "@prod";
  }

  static String array(Lineage... events) {
    ArrayNode out = TenancyServer.JSON.createArrayNode();
    for (Lineage e : events) {
      out.add(e.node());
    }
    return out.toString();
  }

  String json() {
    return node().toString();
  }

  ObjectNode node() {
    ObjectNode event = TenancyServer.JSON.createObjectNode();
    event.put("eventType", "RUNNING");
    event.put("eventTime", T0.plusSeconds(second).toString());
    event.put("producer", PRODUCER);
    event.put("schemaURL", "https://openlineage.io/spec/2-0-2/OpenLineage.json#/$defs/RunEvent");
    ObjectNode run = event.putObject("run");
    run.put(
        "runId",
        UUID.nameUUIDFromBytes(("run-" + job).getBytes(StandardCharsets.UTF_8)).toString());
    if (tenant != null) {
      run.putObject("facets")
          .putObject("tributary_tenant")
          .put("_producer", PRODUCER)
          .put("_schemaURL", PRODUCER + "/TributaryTenantRunFacet.json")
          .put("tenant", tenant);
    }
    ObjectNode jobNode = event.putObject("job");
    jobNode.put("namespace", "streaming");
    jobNode.put("name", job);
    jobNode
        .putObject("facets")
        .putObject("jobType")
        .put("_producer", PRODUCER)
        .put(
            "_schemaURL",
            "https://openlineage.io/spec/facets/2-0-4/JobTypeJobFacet.json#/$defs/JobTypeJobFacet")
        .put("processingType", "STREAMING")
        .put("integration", "FLINK")
        .put("jobType", "JOB");
    ArrayNode in = event.putArray("inputs");
    for (String name : inputs) {
      ObjectNode dataset = in.addObject().put("namespace", KAFKA).put("name", name);
      if (!columns.isEmpty() && name.equals(inputs.get(0))) {
        schema(dataset.putObject("facets"), columns.values());
      }
    }
    ArrayNode out = event.putArray("outputs");
    for (String name : outputs) {
      ObjectNode dataset = out.addObject().put("namespace", KAFKA).put("name", name);
      if (!columns.isEmpty() && name.equals(outputs.get(0))) {
        ObjectNode facets = dataset.putObject("facets");
        schema(facets, columns.keySet());
        ObjectNode fields =
            facets
                .putObject("columnLineage")
                .put("_producer", PRODUCER)
                .put(
                    "_schemaURL",
                    "https://openlineage.io/spec/facets/1-2-0/ColumnLineageDatasetFacet.json#/$defs/ColumnLineageDatasetFacet")
                .putObject("fields");
        columns.forEach(
            (output, input) ->
                fields
                    .putObject(output)
                    .putArray("inputFields")
                    .addObject()
                    .put("namespace", KAFKA)
                    .put("name", inputs.get(0))
                    .put("field", input));
      }
    }
    return event;
  }

  private static void schema(ObjectNode facets, java.util.Collection<String> columns) {
    ArrayNode fields =
        facets
            .putObject("schema")
            .put("_producer", PRODUCER)
            .put(
                "_schemaURL",
                "https://openlineage.io/spec/facets/1-2-0/SchemaDatasetFacet.json#/$defs/SchemaDatasetFacet")
            .putArray("fields");
    columns.stream().sorted().forEach(c -> fields.addObject().put("name", c).put("type", "STRING"));
  }
}
