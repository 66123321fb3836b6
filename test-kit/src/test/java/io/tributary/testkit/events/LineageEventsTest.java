package io.tributary.testkit.events;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.contract.schema.EventValidator;
import java.util.List;
import org.junit.jupiter.api.Test;

class LineageEventsTest {
  private static final EventValidator VALIDATOR = EventValidator.load();

  private static LineageEvents richJob() {
    TestDataset orders =
        TestDataset.topic("orders").withFields("id:long", "customer_email:string", "amount:double");
    TestDataset payments =
        TestDataset.topic("payments").withFields("order_id:long", "amount:double");
    return LineageEvents.job("enrich-orders")
        .integration("FLINK")
        .tenant("acme")
        .input(orders, payments)
        .output(
            TestDataset.topic("enriched_orders")
                .withFields("id:long", "email:string", "total:double")
                .withColumnLineage("email", orders, "customer_email")
                .withColumnLineage("total", orders, "amount")
                .withColumnLineage("total", payments, "amount")
                .withStatistics(5000, 123456));
  }

  @Test
  void shouldBuildEveryEventTypeValidAgainstTheOfficialSchemasWithNoUnknownFacet() {
    LineageEvents job = richJob();
    List<LineageEvent> events =
        List.of(
            job.start(),
            job.secondsAfterT0(30).running(),
            job.secondsAfterT0(60).complete(),
            job.abort(),
            job.fail("Kafka broker unreachable"),
            LineageEvents.job("plain").inputTopics("a").outputTopics("b").batch().start());

    for (LineageEvent event : events) {
      EventValidator.Result result = VALIDATOR.validate(event.jsonNode());
      assertThat(result.violations()).as(event.json()).isEmpty();
      assertThat(result.unknownFacets()).as(event.json()).isEmpty();
      assertThat(result.warnings()).as(event.json()).isEmpty();
    }
  }

  @Test
  void shouldCarryTypeTimeTenantDatasetsAndColumnLineage() {
    LineageEvent event = richJob().at("2026-03-01T10:05:00Z").running();

    var node = event.jsonNode();
    assertThat(event.eventType()).isEqualTo("RUNNING");
    assertThat(node.at("/eventTime").asText()).isEqualTo("2026-03-01T10:05:00Z");
    assertThat(node.at("/run/runId").asText())
        .isEqualTo(LineageEvents.runId("enrich-orders").toString());
    assertThat(node.at("/run/facets/tributary_tenant/tenant").asText()).isEqualTo("acme");
    assertThat(node.at("/job/facets/jobType/processingType").asText()).isEqualTo("STREAMING");
    assertThat(node.at("/inputs/0/namespace").asText()).isEqualTo("kafka://broker:9092");
    assertThat(node.at("/outputs/0/facets/columnLineage/fields/total/inputFields")).hasSize(2);
    assertThat(node.at("/outputs/0/outputFacets/outputStatistics/rowCount").asLong())
        .isEqualTo(5000);
  }

  @Test
  void shouldGiveTheSameEventAsJsonTreeAndOpenLineageModel() {
    LineageEvent event = richJob().fail("boom");

    assertThat(LineageEvent.parse(event.json()).toString()).isEqualTo(event.jsonNode().toString());
    assertThat(event.runEvent().getEventType().name()).isEqualTo("FAIL");
    assertThat(event.runEvent().getRun().getFacets().getErrorMessage().getMessage())
        .isEqualTo("boom");
  }

  @Test
  void shouldNotLetACallerChangeABuiltEvent() {
    LineageEvent event = richJob().start();

    event.jsonNode().put("eventType", "FAIL");

    assertThat(event.eventType()).isEqualTo("START");
  }

  @Test
  void shouldNameAKafkaTopicAsTheCatalogDoes() {
    assertThat(TestDataset.topic("orders").qualifiedName()).isEqualTo("orders@broker:9092");
  }
}
