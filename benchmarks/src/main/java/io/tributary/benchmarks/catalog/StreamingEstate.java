package io.tributary.benchmarks.catalog;

import java.time.Instant;
import java.util.UUID;

/**
 * Deterministic OpenLineage events of a streaming estate: job {@code j} reads topics {@code in-j}
 * and {@code in-(j+1)} and writes {@code out-j}, every topic with a six-field schema. A START
 * writes 23 entities (job, run, three topics, eighteen columns) and 22 relationships; a RUNNING
 * refresh repeats them with new input and output statistics, as a streaming integration sends every
 * few seconds.
 */
final class StreamingEstate {
  private static final Instant BASE = Instant.parse("2026-01-01T00:00:00Z");
  private static final String PRODUCER = "https://tributary.io/bench";
  private static final String FIELDS =
      """
      [{"name":"id","type":"long"},{"name":"customer","type":"string"},\
      {"name":"amount","type":"double"},{"name":"currency","type":"string"},\
      {"name":"status","type":"string"},{"name":"ts","type":"timestamp"}]""";

  private StreamingEstate() {}

  /** A job's START: {@code seq} orders events in time. */
  static String start(int job, long seq) {
    return event("START", job, seq, false);
  }

  /** A RUNNING refresh of a started job with statistics that change with {@code seq}. */
  static String running(int job, long seq) {
    return event("RUNNING", job, seq, true);
  }

  /** A schema-valid RUNNING event of one job writing {@code outputs} topics without schemas. */
  static String wide(String name, int outputs) {
    StringBuilder out = new StringBuilder(outputs * 64);
    for (int i = 0; i < outputs; i++) {
      if (i > 0) {
        out.append(',');
      }
      out.append("{\"namespace\":\"kafka://broker:9092\",\"name\":\"")
          .append(name)
          .append("-out-")
          .append(i)
          .append("\"}");
    }
    return """
        {"eventType":"RUNNING","eventTime":"%s","producer":"%s",
         "schemaURL":"https://openlineage.io/spec/2-0-2/OpenLineage.json#/$defs/RunEvent",
         "run":{"runId":"%s"},
         "job":{"namespace":"bench","name":"%s"},
         "inputs":[],"outputs":[%s]}
        """
        .formatted(
            BASE.plusSeconds(7_200), PRODUCER, UUID.nameUUIDFromBytes(name.getBytes()), name, out);
  }

  static UUID runId(int job) {
    return new UUID(0x0190_0000_0000_7000L, job + 1L);
  }

  private static String event(String type, int job, long seq, boolean statistics) {
    return """
        {"eventType":"%s","eventTime":"%s","producer":"%s",
         "schemaURL":"https://openlineage.io/spec/2-0-2/OpenLineage.json#/$defs/RunEvent",
         "run":{"runId":"%s"},
         "job":{"namespace":"bench","name":"job-%d",
                "facets":{"jobType":{"_producer":"%s",
                  "_schemaURL":"https://openlineage.io/spec/facets/2-0-3/JobTypeJobFacet.json#/$defs/JobTypeJobFacet",
                  "processingType":"STREAMING","integration":"KAFKA_STREAMS","jobType":"APPLICATION"}}},
         "inputs":[%s,%s],
         "outputs":[%s]}
        """
        .formatted(
            type,
            BASE.plusMillis(seq),
            PRODUCER,
            runId(job),
            job,
            PRODUCER,
            dataset("in-" + job, statistics ? input(seq) : ""),
            dataset("in-" + (job + 1), statistics ? input(seq + 1) : ""),
            dataset("out-" + job, statistics ? output(seq) : ""));
  }

  private static String dataset(String name, String ioFacets) {
    return """
        {"namespace":"kafka://broker:9092","name":"%s",
         "facets":{"schema":{"_producer":"%s",
           "_schemaURL":"https://openlineage.io/spec/facets/1-1-1/SchemaDatasetFacet.json#/$defs/SchemaDatasetFacet",
           "fields":%s}}%s}"""
        .formatted(name, PRODUCER, FIELDS, ioFacets);
  }

  private static String input(long seq) {
    return """
        ,"inputFacets":{"inputStatistics":{"_producer":"%s",
          "_schemaURL":"https://openlineage.io/spec/facets/1-0-0/InputStatisticsInputDatasetFacet.json#/$defs/InputStatisticsInputDatasetFacet",
          "rowCount":%d,"size":%d}}"""
        .formatted(PRODUCER, 1_000 + seq, 64_000 + seq * 64);
  }

  private static String output(long seq) {
    return """
        ,"outputFacets":{"outputStatistics":{"_producer":"%s",
          "_schemaURL":"https://openlineage.io/spec/facets/1-0-2/OutputStatisticsOutputDatasetFacet.json#/$defs/OutputStatisticsOutputDatasetFacet",
          "rowCount":%d,"size":%d}}"""
        .formatted(PRODUCER, 500 + seq, 32_000 + seq * 64);
  }
}
