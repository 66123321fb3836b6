package io.tributary.openlineage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.JsonNode;
import io.tributary.contract.schema.EventKind;
import io.tributary.contract.schema.EventWarning;
import io.tributary.contract.schema.Violation;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class ValidationCorpusTest {

  static List<String> validEvents() {
    return Fixtures.corpus("valid");
  }

  static List<String> invalidEvents() {
    return Fixtures.corpus("invalid");
  }

  static List<String> warnedEvents() {
    return Fixtures.corpus("warned");
  }

  /** How the translator refuses {@code event}; it must refuse it. */
  private static InvalidEventException refusal(JsonNode event) {
    InvalidEventException e =
        catchThrowableOfType(
            InvalidEventException.class,
            () -> Fixtures.TRANSLATOR.translate(event, Fixtures.TENANT));
    assertThat(e).as("refused " + event).isNotNull();
    return e;
  }

  private static List<Violation> violations(JsonNode event) {
    return refusal(event).violations();
  }

  @Test
  void shouldShipACorpusOfEdgeCases() {
    assertThat(validEvents()).hasSizeGreaterThanOrEqualTo(25);
    assertThat(invalidEvents()).hasSizeGreaterThanOrEqualTo(25);
    assertThat(warnedEvents()).hasSizeGreaterThanOrEqualTo(12);
  }

  @ParameterizedTest
  @MethodSource("validEvents")
  void shouldAcceptEveryValidEvent(String name) {
    TranslatedEvent translated = Fixtures.translate(name);

    assertThat(translated.mutation().entities()).isNotEmpty();
    assertThat(translated.mutation().entities())
        .allSatisfy(e -> assertThat(e.key().tenant()).isEqualTo(Fixtures.TENANT))
        .allSatisfy(e -> assertThat(e.asOf()).isEqualTo(translated.eventTime()));
    assertThat(translated.warnings()).isEmpty();
  }

  @ParameterizedTest
  @MethodSource("warnedEvents")
  void
      shouldAcceptEveryEventBreakingOnlyAFacetFormatOrLeavingOutAFacetFieldWithAWarningAtThePointer(
          String name) {
    JsonNode fixture = Fixtures.read("/openlineage/events/warned/" + name);

    TranslatedEvent translated =
        Fixtures.TRANSLATOR.translate(fixture.get("event"), Fixtures.TENANT);

    assertThat(translated.mutation().entities())
        .as(fixture.path("description").asText())
        .isNotEmpty();
    assertThat(translated.warnings())
        .extracting(EventWarning::pointer, EventWarning::kind)
        .contains(
            tuple(fixture.path("expectedWarning").asText(), fixture.path("expectedKind").asText()));
    assertThat(translated.warnings()).allSatisfy(w -> assertThat(w.message()).isNotBlank());
  }

  @Test
  void shouldWarnAboutTheSparkDataSourceUriOfEveryDatasetAndMapTheEventAsUsual() {
    JsonNode spark =
        Fixtures.read("/openlineage/events/warned/spark-local-file-datasource-uri.json")
            .get("event");

    TranslatedEvent translated = Fixtures.TRANSLATOR.translate(spark, Fixtures.TENANT);

    assertThat(translated.kind()).isEqualTo(EventKind.RUN);
    assertThat(translated.eventType()).isEqualTo("COMPLETE");
    assertThat(translated.warnings())
        .extracting(EventWarning::pointer)
        .containsExactly("/inputs/0/facets/dataSource/uri", "/outputs/0/facets/dataSource/uri");
    assertThat(translated.warnings().get(0).toString()).contains("uri");
  }

  @Test
  void shouldStillRefuseFormatViolationsOfTheEnvelopeFieldsTheCatalogReads() {
    JsonNode event =
        Fixtures.json(
            """
            {"eventTime":"2026-11-28T10:00:00","producer":"not a uri",
             "schemaURL":"https://openlineage.io/spec/2-0-2/OpenLineage.json#/$defs/RunEvent",
             "run":{"runId":"run-1"},"job":{"namespace":"n","name":"j"}}
            """);

    assertThat(violations(event))
        .extracting(Violation::pointer)
        .containsExactlyInAnyOrder("/eventTime", "/producer", "/run/runId");
  }

  @Test
  void shouldWarnRatherThanRefuseWhenAFacetsOwnProducerIsNoUri() {
    JsonNode event =
        Fixtures.json(
            """
            {"eventTime":"2026-11-28T10:00:00Z","producer":"https://example.com/p",
             "schemaURL":"https://openlineage.io/spec/2-0-2/OpenLineage.json#/$defs/RunEvent",
             "run":{"runId":"0190d5c8-8a43-7c43-9f2e-3f1f1a7d0b11","facets":{
               "nominalTime":{"_producer":"airflow",
                 "_schemaURL":"https://openlineage.io/spec/facets/1-0-1/NominalTimeRunFacet.json#/$defs/NominalTimeRunFacet",
                 "nominalStartTime":"2026-11-28T10:00:00Z"}}},
             "job":{"namespace":"n","name":"j"}}
            """);

    TranslatedEvent translated = Fixtures.TRANSLATOR.translate(event, Fixtures.TENANT);

    assertThat(translated.warnings())
        .extracting(EventWarning::pointer, EventWarning::kind)
        .containsExactly(tuple("/run/facets/nominalTime/_producer", "format:uri"));
  }

  @ParameterizedTest
  @MethodSource("invalidEvents")
  void shouldRejectEveryInvalidEventAtTheOffendingPointer(String name) {
    JsonNode fixture = Fixtures.read("/openlineage/events/invalid/" + name);
    String expected = fixture.path("expectedPointer").asText();

    List<Violation> violations = violations(fixture.get("event"));

    assertThat(violations)
        .extracting(Violation::pointer)
        .as("%s: violations %s", fixture.path("description").asText(), violations)
        .contains(expected);
  }

  @Test
  void shouldExplainAnInvalidRunIdWithPointerAndMessage() {
    JsonNode event =
        Fixtures.json(
            """
            {"eventTime":"2026-11-28T10:00:00Z","producer":"https://example.com/p",
             "schemaURL":"https://openlineage.io/spec/2-0-2/OpenLineage.json#/$defs/RunEvent",
             "run":{"runId":"1234"},"job":{"namespace":"n","name":"j"}}
            """);

    InvalidEventException e = refusal(event);

    assertThat(e.violations()).hasSize(1);
    assertThat(e.violations().get(0).pointer()).isEqualTo("/run/runId");
    assertThat(e.violations().get(0).message()).contains("uuid");
    assertThat(e.getMessage()).contains("/run/runId").contains("uuid");
  }

  @Test
  void shouldReportEveryViolationOfAnEvent() {
    JsonNode event =
        Fixtures.json(
            """
            {"eventTime":"yesterday","producer":"https://example.com/p",
             "schemaURL":"https://openlineage.io/spec/2-0-2/OpenLineage.json#/$defs/RunEvent",
             "eventType":"BEGIN","run":{"runId":"1234"},"job":{"namespace":"n"}}
            """);

    assertThat(violations(event))
        .extracting(Violation::pointer)
        .containsExactlyInAnyOrder("/eventTime", "/eventType", "/run/runId", "/job/name");
  }

  @Test
  void shouldTellEventKindsApartByKeysNotByEventType() {
    assertThat(Fixtures.translate("run-required-only.json").kind()).isEqualTo(EventKind.RUN);
    assertThat(Fixtures.translate("run-required-only.json").eventType()).isNull();
    assertThat(Fixtures.translate("dataset-event-required-only.json").kind())
        .isEqualTo(EventKind.DATASET);
    assertThat(Fixtures.translate("dataset-event-with-run-key.json").kind())
        .isEqualTo(EventKind.DATASET);
    assertThat(Fixtures.translate("job-event-required-only.json").kind()).isEqualTo(EventKind.JOB);
    // Not a valid DatasetEvent, so the schema's oneOf makes it a JobEvent.
    assertThat(Fixtures.translate("job-event-with-stray-dataset-key.json").kind())
        .isEqualTo(EventKind.JOB);
    assertThat(Fixtures.translate("job-event.json").runId()).isNull();
  }

  @Test
  void shouldAcceptEventsAsOpenLineageJavaClientSerialisesThem() {
    for (var type : io.openlineage.client.OpenLineage.RunEvent.EventType.values()) {
      TranslatedEvent run =
          Fixtures.TRANSLATOR.translate(
              Fixtures.json(ClientEvents.runEvent(type)), Fixtures.TENANT);
      assertThat(run.kind()).isEqualTo(EventKind.RUN);
      assertThat(run.eventType()).isEqualTo(type.name());
      assertThat(run.runId()).isEqualTo(ClientEvents.RUN_ID);
      assertThat(run.eventTime()).isEqualTo(ClientEvents.TIME.toInstant());
    }
    assertThat(
            Fixtures.TRANSLATOR
                .translate(Fixtures.json(ClientEvents.datasetEvent()), Fixtures.TENANT)
                .kind())
        .isEqualTo(EventKind.DATASET);
    assertThat(
            Fixtures.TRANSLATOR
                .translate(Fixtures.json(ClientEvents.jobEvent()), Fixtures.TENANT)
                .kind())
        .isEqualTo(EventKind.JOB);
  }

  @Test
  void shouldKeepTheCheckedInClientCorpusInStepWithTheClient() {
    assertThat(Fixtures.event("client-run-start.json"))
        .isEqualTo(
            Fixtures.json(
                ClientEvents.runEvent(io.openlineage.client.OpenLineage.RunEvent.EventType.START)));
    assertThat(Fixtures.event("client-dataset-event.json"))
        .isEqualTo(Fixtures.json(ClientEvents.datasetEvent()));
  }

  @Test
  void shouldNotValidateCustomFacetsOrUnpublishedVersionsAgainstAnySchema() {
    TranslatedEvent translated = Fixtures.translate("run-custom-facets.json");

    assertThat(translated.kind()).isEqualTo(EventKind.RUN);
  }

  @Test
  void shouldRejectAnEventThatIsNotAnObject() {
    assertThatThrownBy(() -> Fixtures.TRANSLATOR.translate(Fixtures.json("\"x\""), Fixtures.TENANT))
        .isInstanceOf(InvalidEventException.class)
        .hasMessageContaining("JSON object");
    assertThatThrownBy(() -> Fixtures.TRANSLATOR.translate(null, Fixtures.TENANT))
        .isInstanceOf(InvalidEventException.class);
  }
}
