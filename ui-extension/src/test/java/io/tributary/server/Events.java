package io.tributary.server;

import io.openlineage.client.OpenLineage;
import io.openlineage.client.OpenLineageClientUtils;
import java.net.URI;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.UUID;

/**
 * Deterministic OpenLineage events of a streaming job that reads one Kafka topic and writes
 * another: {@code <in>@broker:9092 -> <job> -> <out>@broker:9092}.
 */
final class Events {
  static final String KAFKA = "kafka://broker:9092";
  static final ZonedDateTime T0 = ZonedDateTime.parse("2026-03-01T10:00:00Z");

  private static final OpenLineage OL =
      new OpenLineage(URI.create("https://github.com/tributary/tests"));

  private Events() {}

  static UUID runId(int n) {
    return UUID.nameUUIDFromBytes(("run-" + n).getBytes(java.nio.charset.StandardCharsets.UTF_8));
  }

  static OpenLineage.RunEvent streaming(
      OpenLineage.RunEvent.EventType type,
      UUID runId,
      String job,
      String in,
      String out,
      int secondsAfterT0) {
    return OL.newRunEventBuilder()
        .eventType(type)
        .eventTime(T0.plusSeconds(secondsAfterT0))
        .run(OL.newRunBuilder().runId(runId).build())
        .job(
            OL.newJobBuilder()
                .namespace("streaming")
                .name(job)
                .facets(
                    OL.newJobFacetsBuilder()
                        .jobType(
                            OL.newJobTypeJobFacetBuilder()
                                .processingType("STREAMING")
                                .integration("FLINK")
                                .jobType("JOB")
                                .build())
                        .build())
                .build())
        .inputs(List.of(OL.newInputDatasetBuilder().namespace(KAFKA).name(in).build()))
        .outputs(List.of(OL.newOutputDatasetBuilder().namespace(KAFKA).name(out).build()))
        .build();
  }

  static String json(OpenLineage.RunEvent event) {
    return OpenLineageClientUtils.toJson(event);
  }

  static String startJson(int n) {
    return json(
        streaming(
            OpenLineage.RunEvent.EventType.START, runId(n), "job-" + n, "in-" + n, "out-" + n, n));
  }

  static String topic(String name) {
    return name + "@broker:9092";
  }
}
