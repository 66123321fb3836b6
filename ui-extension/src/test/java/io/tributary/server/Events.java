package io.tributary.server;

import io.openlineage.client.OpenLineage;
import io.openlineage.client.OpenLineageClientUtils;
import io.tributary.testkit.events.LineageEvent;
import io.tributary.testkit.events.LineageEvents;
import io.tributary.testkit.events.TestDataset;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.UUID;

/**
 * The server tests' shorthand over the test kit's {@link LineageEvents}: a streaming job that reads
 * one Kafka topic and writes another, {@code <in>@broker:9092 -> <job> -> <out>@broker:9092}.
 */
final class Events {
  static final String KAFKA = TestDataset.KAFKA;
  static final ZonedDateTime T0 = LineageEvents.T0.atZone(ZoneOffset.UTC);

  private Events() {}

  static UUID runId(int n) {
    return LineageEvents.runId("run-" + n);
  }

  static OpenLineage.RunEvent streaming(
      OpenLineage.RunEvent.EventType type,
      UUID runId,
      String job,
      String in,
      String out,
      int secondsAfterT0) {
    LineageEvents events =
        LineageEvents.job(job)
            .integration("FLINK")
            .runId(runId)
            .secondsAfterT0(secondsAfterT0)
            .inputTopics(in)
            .outputTopics(out);
    LineageEvent event =
        switch (type) {
          case START -> events.start();
          case RUNNING -> events.running();
          case COMPLETE -> events.complete();
          case ABORT -> events.abort();
          case FAIL -> events.fail("failed");
          default -> throw new IllegalArgumentException("No fixture for " + type);
        };
    return event.runEvent();
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
