package io.tributary.ui;

import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * OpenLineage events of a small streaming estate, as JSON: a CDC job copies a Postgres table to the
 * {@code orders} topic; a Flink job joins {@code orders} and {@code payments} into {@code
 * enriched_orders} (with column lineage, ownership, a PII tag, quality facets, a failed run); a
 * Kafka Streams job turns {@code enriched_orders} into {@code alerts}.
 */
final class LineageEvents {
  static final String KAFKA = "kafka://broker:9092";
  static final String CLUSTER = "broker:9092";
  static final String POSTGRES = "postgres://db:5432";
  private static final String PRODUCER = "https://github.com/tributary/tests";
  private static final String SCHEMA = "https://openlineage.io/spec/2-0-2/OpenLineage.json";

  private LineageEvents() {}

  static String topic(String name) {
    return name + "@" + CLUSTER;
  }

  static UUID runId(String name) {
    return UUID.nameUUIDFromBytes(name.getBytes(java.nio.charset.StandardCharsets.UTF_8));
  }

  /** The estate, oldest event first. */
  static List<String> estate() {
    return List.of(
        run(
            "START",
            "2026-03-01T10:00:00Z",
            runId("cdc-1"),
            "batch",
            "orders-cdc",
            "DEBEZIUM",
            List.of(dataset(POSTGRES, "shop.public.orders", "")),
            List.of(
                dataset(
                    KAFKA, "orders", schema("id:long", "customer_email:string", "amount:double"))),
            ""),
        run(
            "START",
            "2026-03-01T10:01:00Z",
            runId("enrich-1"),
            "streaming",
            "enrich-orders",
            "FLINK",
            List.of(
                dataset(
                    KAFKA,
                    "orders",
                    schema("id:long", "customer_email:string", "amount:double")
                        + ","
                        + facet(
                            "tags",
                            "\"tags\":[{\"key\":\"classification\",\"value\":\"PII\",\"field\":\"customer_email\"}]")),
                dataset(KAFKA, "payments", schema("order_id:long", "amount:double"))),
            List.of(
                dataset(
                    KAFKA,
                    "enriched_orders",
                    schema("id:long", "email:string", "total:double")
                        + ","
                        + facet(
                            "ownership",
                            "\"owners\":[{\"name\":\"team-orders\",\"type\":\"MAINTAINER\"}]")
                        + ","
                        + facet(
                            "dataQualityAssertions",
                            "\"assertions\":[{\"assertion\":\"not_null\",\"success\":true,\"column\":\"id\"},"
                                + "{\"assertion\":\"unique\",\"success\":false,\"column\":\"id\"}]")
                        + ","
                        + facet(
                            "dataQualityMetrics",
                            "\"rowCount\":5000,\"bytes\":123456,\"columnMetrics\":"
                                + "{\"total\":{\"nullCount\":3,\"min\":0.5,\"max\":900}}")
                        + ","
                        + columnLineage())),
            ""),
        run(
            "FAIL",
            "2026-03-01T10:05:00Z",
            runId("enrich-0"),
            "streaming",
            "enrich-orders",
            "FLINK",
            List.of(dataset(KAFKA, "orders", "")),
            List.of(dataset(KAFKA, "enriched_orders", "")),
            facet(
                "errorMessage",
                "\"message\":\"Kafka broker unreachable\",\"programmingLanguage\":\"JAVA\"")),
        run(
            "START",
            "2026-03-01T10:02:00Z",
            runId("alerting-1"),
            "streaming",
            "alerting",
            "KAFKA_STREAMS",
            List.of(dataset(KAFKA, "enriched_orders", "")),
            List.of(dataset(KAFKA, "alerts", "")),
            ""));
  }

  /** A job that starts later and reads {@code enriched_orders}: the live update. */
  static String audit() {
    return run(
        "START",
        "2026-03-01T11:00:00Z",
        runId("audit-1"),
        "streaming",
        "audit",
        "FLINK",
        List.of(dataset(KAFKA, "enriched_orders", "")),
        List.of(dataset(KAFKA, "audit_log", "")),
        "");
  }

  static String run(
      String type,
      String time,
      UUID runId,
      String jobNamespace,
      String job,
      String integration,
      List<String> inputs,
      List<String> outputs,
      String runFacets) {
    return "{\"eventType\":\""
        + type
        + "\",\"eventTime\":\""
        + time
        + "\",\"producer\":\""
        + PRODUCER
        + "\",\"schemaURL\":\""
        + SCHEMA
        + "#/$defs/RunEvent\",\"run\":{\"runId\":\""
        + runId
        + "\",\"facets\":{"
        + runFacets
        + "}},\"job\":{\"namespace\":\""
        + jobNamespace
        + "\",\"name\":\""
        + job
        + "\",\"facets\":{"
        + facet(
            "jobType",
            "\"processingType\":\"STREAMING\",\"integration\":\""
                + integration
                + "\",\"jobType\":\"JOB\"")
        + "}},\"inputs\":["
        + String.join(",", inputs)
        + "],\"outputs\":["
        + String.join(",", outputs)
        + "]}";
  }

  static String dataset(String namespace, String name, String facets) {
    return "{\"namespace\":\""
        + namespace
        + "\",\"name\":\""
        + name
        + "\",\"facets\":{"
        + facets
        + "}}";
  }

  static String facet(String name, String body) {
    return "\""
        + name
        + "\":{\"_producer\":\""
        + PRODUCER
        + "\",\"_schemaURL\":\""
        + SCHEMA
        + "\","
        + body
        + "}";
  }

  /** Fields as {@code name:type}. */
  static String schema(String... fields) {
    return facet(
        "schema",
        "\"fields\":["
            + java.util.Arrays.stream(fields)
                .map(f -> f.split(":"))
                .map(f -> "{\"name\":\"" + f[0] + "\",\"type\":\"" + f[1] + "\"}")
                .collect(Collectors.joining(","))
            + "]");
  }

  private static String columnLineage() {
    return facet(
        "columnLineage",
        "\"fields\":{"
            + "\"email\":{\"inputFields\":["
            + inputField("orders", "customer_email")
            + "]},"
            + "\"total\":{\"inputFields\":["
            + inputField("orders", "amount")
            + ","
            + inputField("payments", "amount")
            + "]}}");
  }

  private static String inputField(String dataset, String field) {
    return "{\"namespace\":\""
        + KAFKA
        + "\",\"name\":\""
        + dataset
        + "\",\"field\":\""
        + field
        + "\"}";
  }
}
