package io.tributary.openlineage;

import static io.tributary.openlineage.Fixtures.entity;
import static io.tributary.openlineage.Fixtures.key;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tributary.catalog.EntityWrite;
import io.tributary.catalog.Mutation;
import io.tributary.catalog.Types;
import io.tributary.contract.schema.EventValidator;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RunMappingTest {
  private static final String RUN = "0190d5c8-8a43-7c43-9f2e-3f1f1a7d0b11";
  private static final Instant TIME = Instant.parse("2026-11-28T10:00:00Z");

  private static EntityWrite run(Mutation mutation) {
    return entity(mutation, Types.RUN, RUN);
  }

  private static TranslatedEvent withType(String eventType) {
    return withType("run-required-only.json", eventType);
  }

  private static TranslatedEvent withType(String file, String eventType) {
    ObjectNode event = (ObjectNode) Fixtures.event(file).deepCopy();
    event.put("eventType", eventType);
    return Fixtures.TRANSLATOR.translate(event, Fixtures.TENANT);
  }

  @Test
  void shouldCreateOneRunPerRunIdLinkedToItsProcess() {
    TranslatedEvent translated = Fixtures.translate("run-required-only.json");

    assertThat(translated.runId()).isEqualTo(UUID.fromString(RUN));
    assertThat(Fixtures.ofType(translated.mutation(), Types.RUN)).hasSize(1);
    assertThat(
            Fixtures.related(
                translated.mutation(),
                Types.REL_RUNS,
                key(Types.GENERIC_PROCESS, "flink-prod/orders-enricher"),
                key(Types.RUN, RUN)))
        .isTrue();
    assertThat(run(translated.mutation()).attributes())
        .containsEntry("jobQualifiedName", "flink-prod/orders-enricher")
        .containsEntry("lastSeen", TIME.toEpochMilli());
  }

  @Test
  void shouldKeepTheWindowsRecordsReadAndWrittenAndItsLengthOnTheRun() {
    ObjectNode event = (ObjectNode) Fixtures.event("run-required-only.json").deepCopy();
    event.put("eventType", "RUNNING");
    event
        .withObject("/job")
        .withObject("/facets")
        .set(
            "jobType",
            event
                .objectNode()
                .put("_producer", "https://github.com/tributary/tests/v1")
                .put(
                    "_schemaURL",
                    "https://openlineage.io/spec/facets/2-0-4/JobTypeJobFacet.json#/$defs/JobTypeJobFacet")
                .put("processingType", "STREAMING")
                .put("integration", "KAFKA")
                .set(
                    "emissionPattern",
                    event
                        .objectNode()
                        .put("eventTrigger", "PERIODIC")
                        .put("eventContentMode", "COMPLETE_SNAPSHOT")
                        .put("windowDuration", 30)));
    for (String[] side :
        new String[][] {
          {
            "inputs",
            "inputFacets",
            "inputStatistics",
            "orders",
            "40",
            "InputStatisticsInputDatasetFacet"
          },
          {
            "inputs",
            "inputFacets",
            "inputStatistics",
            "refunds",
            "2",
            "InputStatisticsInputDatasetFacet"
          },
          {
            "outputs",
            "outputFacets",
            "outputStatistics",
            "enriched",
            "33",
            "OutputStatisticsOutputDatasetFacet"
          }
        }) {
      ObjectNode dataset = event.withArray(side[0]).addObject();
      dataset.put("namespace", "kafka://broker:9092").put("name", side[3]);
      dataset
          .withObject("/" + side[1])
          .withObject("/" + side[2])
          .put("_producer", "https://github.com/tributary/tests/v1")
          .put(
              "_schemaURL",
              "https://openlineage.io/spec/facets/1-0-2/" + side[5] + ".json#/$defs/" + side[5])
          .put("rowCount", Long.parseLong(side[4]));
    }

    EntityWrite run = run(Fixtures.TRANSLATOR.translate(event, Fixtures.TENANT).mutation());

    assertThat(run.attributes())
        .containsEntry("windowInputRecords", 42L)
        .containsEntry("windowOutputRecords", 33L)
        .containsEntry("windowSeconds", 30L);
    assertThat(run(withType("RUNNING").mutation()).attributes())
        .doesNotContainKeys("windowInputRecords", "windowOutputRecords", "windowSeconds");
  }

  private static ObjectNode withLag(ObjectNode lag) {
    ObjectNode event = (ObjectNode) Fixtures.event("run-required-only.json").deepCopy();
    event.put("eventType", "RUNNING");
    lag.put("_producer", "https://github.com/tributary/tests/v1")
        .put(
            "_schemaURL",
            "https://tributary.io/spec/facets/1-0-0/TributaryStreamingMetricsRunFacet.json"
                + "#/$defs/TributaryStreamingMetricsRunFacet");
    event.withObject("/run").withObject("/facets").set("tributary_streaming_metrics", lag);
    assertThat(EventValidator.load().validate(event).valid()).isTrue();
    return event;
  }

  @Test
  void shouldKeepTheConsumerLagAndWhenItWasReportedOnTheRun() {
    ObjectNode reported = JsonNodeFactory.instance.objectNode().put("totalLag", 1500);
    reported.withObject("/lagByPartition").put("orders-0", 1200).put("orders-1", 300);

    EntityWrite run =
        run(Fixtures.TRANSLATOR.translate(withLag(reported), Fixtures.TENANT).mutation());

    assertThat(run.attributes())
        .containsEntry("consumerLag", 1500L)
        .containsEntry("consumerLagTime", TIME.toEpochMilli());
  }

  @Test
  void shouldSumTheConsumerLagPerPartitionWhenNoTotalIsReported() {
    ObjectNode reported = JsonNodeFactory.instance.objectNode();
    reported.withObject("/lagByPartition").put("orders-0", 7).put("orders-1", 0);

    EntityWrite run =
        run(Fixtures.TRANSLATOR.translate(withLag(reported), Fixtures.TENANT).mutation());

    assertThat(run.attributes()).containsEntry("consumerLag", 7L);
  }

  @Test
  void shouldWriteNoConsumerLagFromAnEventThatReportsNone() {
    ObjectNode noLag = JsonNodeFactory.instance.objectNode().put("recordsPerSecond", 12.5);

    assertThat(
            run(Fixtures.TRANSLATOR.translate(withLag(noLag), Fixtures.TENANT).mutation())
                .attributes())
        .doesNotContainKeys("consumerLag", "consumerLagTime");
    assertThat(run(withType("RUNNING").mutation()).attributes())
        .doesNotContainKeys("consumerLag", "consumerLagTime");
  }

  @Test
  void shouldRemoveTheConsumerLagWhenItsFacetIsDeleted() {
    ObjectNode deleted = JsonNodeFactory.instance.objectNode().put("_deleted", true);

    assertThat(
            run(Fixtures.TRANSLATOR.translate(withLag(deleted), Fixtures.TENANT).mutation())
                .attributes())
        .containsEntry("consumerLag", null)
        .containsEntry("consumerLagTime", null);
  }

  @Test
  void shouldWriteNoStateWithoutAnEventType() {
    assertThat(run(Fixtures.translate("run-required-only.json").mutation()).attributes())
        .doesNotContainKeys("state", "startTime", "endTime");
  }

  @Test
  void shouldWriteStartTimeOnlyFromStart() {
    EntityWrite run = run(withType("START").mutation());

    assertThat(run.attributes())
        .containsEntry("state", "START")
        .containsEntry("startTime", TIME.toEpochMilli())
        .doesNotContainKey("endTime");
  }

  @Test
  void shouldOnlyRefreshStateAndLastSeenFromRunning() {
    EntityWrite run = run(withType("RUNNING").mutation());

    assertThat(run.attributes())
        .containsEntry("state", "RUNNING")
        .containsEntry("lastSeen", TIME.toEpochMilli())
        .doesNotContainKeys("startTime", "endTime");
  }

  @ParameterizedTest
  @ValueSource(strings = {"COMPLETE", "FAIL", "ABORT"})
  void shouldWriteEndTimeFromTerminalEvents(String eventType) {
    EntityWrite run = run(withType(eventType).mutation());

    assertThat(run.attributes())
        .containsEntry("state", eventType)
        .containsEntry("endTime", TIME.toEpochMilli())
        .doesNotContainKey("startTime");
  }

  @Test
  void shouldNotChangeStateFromOtherEvents() {
    EntityWrite run = run(Fixtures.translate("run-other.json").mutation());

    assertThat(run.attributes())
        .doesNotContainKeys("state", "startTime", "endTime")
        .containsEntry("lastSeen", Instant.parse("2026-11-28T12:32:00Z").toEpochMilli());
  }

  @Test
  void shouldKeepTheErrorMessageQueryable() {
    EntityWrite run = run(Fixtures.translate("run-fail-error-message.json").mutation());

    assertThat(run.attributes())
        .containsEntry("state", "FAIL")
        .containsEntry("errorMessage", "Checkpoint 42 expired before completing")
        .containsEntry("errorLanguage", "JAVA")
        .containsEntry(
            "errorStackTrace", "java.util.concurrent.TimeoutException\n\tat Checkpoint.await");
  }

  @Test
  void shouldKeepRunFacetsAsJsonAndMapTheKnownOnes() {
    EntityWrite run = run(Fixtures.translate("run-start-flink-all-facets.json").mutation());

    JsonNode facets = Fixtures.json((String) run.attributes().get("runFacets"));
    assertThat(facets.fieldNames())
        .toIterable()
        .containsExactly(
            "nominalTime", "parent", "processing_engine", "tags", "tributary_checkpoint");
    assertThat(facets.path("tributary_checkpoint").path("checkpointId").asInt()).isEqualTo(42);
    assertThat(run.attributes())
        .containsEntry("nominalStartTime", TIME.toEpochMilli())
        .containsEntry("nominalEndTime", Instant.parse("2026-11-28T11:00:00Z").toEpochMilli())
        .containsEntry("parentRunId", "0190d5c8-8a43-7c43-9f2e-3f1f1a7d0b22")
        .containsEntry("parentJob", "airflow/daily.orders")
        .containsEntry("processingEngine", "flink 2.3.0");
  }

  @Test
  void shouldNotWriteRunFacetsFromAnEventWithoutThem() {
    assertThat(run(withType("RUNNING").mutation()).attributes()).doesNotContainKey("runFacets");
  }

  @Test
  void shouldWriteEverythingAsOfTheEventTimeForTheTenant() {
    TranslatedEvent translated = Fixtures.translate("run-running-kafka-streams-mixed-brokers.json");

    assertThat(translated.eventTime()).isEqualTo(Instant.parse("2026-11-28T09:05:00.123Z"));
    assertThat(translated.mutation().entities())
        .allSatisfy(e -> assertThat(e.asOf()).isEqualTo(translated.eventTime()))
        .allSatisfy(e -> assertThat(e.key().tenant()).isEqualTo(Fixtures.TENANT));
    assertThat(translated.mutation().relationships())
        .allSatisfy(r -> assertThat(r.asOf()).isEqualTo(translated.eventTime()))
        .allSatisfy(r -> assertThat(r.from().tenant()).isEqualTo(Fixtures.TENANT));
  }

  @Test
  void shouldWriteTheFullLineageFromEveryRunningSnapshot() {
    Mutation start = withType("run-start-flink-all-facets.json", "START").mutation();
    Mutation running = withType("run-start-flink-all-facets.json", "RUNNING").mutation();

    assertThat(running.relationships()).hasSizeGreaterThan(10);
    assertThat(running.relationships()).isEqualTo(start.relationships());
    assertThat(running.entities())
        .extracting(EntityWrite::key)
        .isEqualTo(start.entities().stream().map(EntityWrite::key).toList());
  }

  @Test
  void shouldReadEveryRfc3339FormTheSchemaAccepts() {
    assertThat(Fixtures.translate("run-event-time-space-separator.json").eventTime())
        .isEqualTo(Instant.parse("2026-11-28T10:00:00.500Z"));
    // java.time has no leap seconds: 23:59:60 reads as 23:59:59.
    assertThat(Fixtures.translate("run-event-time-leap-second.json").eventTime())
        .isEqualTo(Instant.parse("2016-12-31T23:59:59Z"));
  }
}
