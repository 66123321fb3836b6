package io.tributary.benchmarks.catalog;

import java.time.Instant;
import java.util.UUID;

/**
 * Deterministic OpenLineage RunEvents for the ingest figures: a job reading two Kafka topics and
 * writing a third with a three-column schema, so one event writes nine entities and eight
 * relationships, as a typical streaming job's START does.
 */
final class Events {
  private static final Instant BASE = Instant.parse("2026-01-01T00:00:00Z");

  private Events() {}

  static String runEvent(int i) {
    UUID runId = new UUID(0x0190_0000_0000_7000L, i + 1L);
    int job = i % 5_000;
    return """
        {"eventType":"START","eventTime":"%s","producer":"https://tributary.io/bench",
         "schemaURL":"https://openlineage.io/spec/2-0-2/OpenLineage.json#/$defs/RunEvent",
         "run":{"runId":"%s"},
         "job":{"namespace":"bench","name":"job-%d",
                "facets":{"jobType":{"_producer":"https://tributary.io/bench",
                  "_schemaURL":"https://openlineage.io/spec/facets/2-0-3/JobTypeJobFacet.json#/$defs/JobTypeJobFacet",
                  "processingType":"STREAMING","integration":"KAFKA_STREAMS","jobType":"APPLICATION"}}},
         "inputs":[{"namespace":"kafka://broker:9092","name":"in-%d"},
                   {"namespace":"kafka://broker:9092","name":"in-%d"}],
         "outputs":[{"namespace":"kafka://broker:9092","name":"out-%d",
           "facets":{"schema":{"_producer":"https://tributary.io/bench",
             "_schemaURL":"https://openlineage.io/spec/facets/1-1-1/SchemaDatasetFacet.json#/$defs/SchemaDatasetFacet",
             "fields":[{"name":"id","type":"long"},{"name":"amount","type":"double"},{"name":"ts","type":"timestamp"}]}}}]}
        """
        .formatted(BASE.plusMillis(i), runId, job, job, job + 1, job);
  }
}
