package io.tributary.openlineage;

import static io.tributary.openlineage.Fixtures.entity;
import static io.tributary.openlineage.Fixtures.key;
import static io.tributary.openlineage.Fixtures.related;
import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.catalog.EntityWrite;
import io.tributary.catalog.Mutation;
import io.tributary.catalog.Types;
import org.junit.jupiter.api.Test;

class JobMappingTest {

  @Test
  void shouldMapAFlinkJobToAFlinkApplicationWithItsJobFacets() {
    Mutation mutation = Fixtures.translate("run-start-flink-all-facets.json").mutation();

    EntityWrite job = entity(mutation, Types.FLINK_APPLICATION, "flink-prod/orders-enricher");
    assertThat(job.name()).isEqualTo("orders-enricher");
    assertThat(job.attributes())
        .containsEntry("namespace", "flink-prod")
        .containsEntry("processingType", "STREAMING")
        .containsEntry("integration", "FLINK")
        .containsEntry("jobType", "JOB")
        .containsEntry("description", "Enriches orders with customers")
        .containsEntry("owner", "team:payments")
        .containsEntry("sourceCodeLanguage", "java")
        .containsEntry("sourceCode", "stream.map(enrich)")
        .containsEntry("sourceCodeUrl", "https://git.example.com/orders/blob/main/Enricher.java")
        .containsEntry("sql", "INSERT INTO enriched SELECT * FROM orders")
        .containsEntry("sqlDialect", "flink");
    assertThat(job.attributes().get("owners"))
        .asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.LIST)
        .containsExactly("team:payments", "user:alice");
    assertThat(job.attributes().get("tags"))
        .asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP)
        .containsEntry("env", "prod")
        .containsEntry("tier", "gold");
  }

  @Test
  void shouldMapAKafkaStreamsJobToAKafkaStreamsApplication() {
    Mutation mutation =
        Fixtures.translate("run-running-kafka-streams-mixed-brokers.json").mutation();

    assertThat(Fixtures.find(mutation, Types.KAFKA_STREAMS_APPLICATION, "streams/fraud-scorer"))
        .isPresent();
  }

  @Test
  void shouldMapJobsOfOtherOrNoIntegrationToOpenLineageJobs() {
    assertThat(
            Fixtures.find(
                Fixtures.translate("run-required-only.json").mutation(),
                Types.GENERIC_PROCESS,
                "flink-prod/orders-enricher"))
        .isPresent();
    assertThat(
            Fixtures.find(
                Fixtures.translate("run-facet-url-without-fragment.json").mutation(),
                Types.GENERIC_PROCESS,
                "n/j"))
        .hasValueSatisfying(j -> assertThat(j.attributes()).containsEntry("integration", "SPARK"));
  }

  @Test
  void shouldLinkInputsToTheProcessAndTheProcessToOutputs() {
    Mutation mutation = Fixtures.translate("run-start-flink-all-facets.json").mutation();
    var process = key(Types.FLINK_APPLICATION, "flink-prod/orders-enricher");

    assertThat(related(mutation, Types.REL_INPUTS, key(Types.KAFKA_TOPIC, "orders@prod"), process))
        .isTrue();
    assertThat(
            related(
                mutation,
                Types.REL_INPUTS,
                key(Types.GENERIC_DATASET, "postgres://db.prod:5432/crm.public.customers"),
                process))
        .isTrue();
    assertThat(
            related(
                mutation,
                Types.REL_OUTPUTS,
                process,
                key(Types.KAFKA_TOPIC, "orders.enriched@prod")))
        .isTrue();
    assertThat(Fixtures.relationships(mutation, Types.REL_INPUTS))
        .filteredOn(r -> r.to().equals(process))
        .hasSize(2);
  }

  @Test
  void shouldMapAJobEventToAProcessWithLineageButNoRun() {
    TranslatedEvent translated = Fixtures.translate("job-event.json");
    Mutation mutation = translated.mutation();
    var process = key(Types.FLINK_APPLICATION, "flink-prod/orders-enricher");

    assertThat(Fixtures.ofType(mutation, Types.RUN)).isEmpty();
    assertThat(related(mutation, Types.REL_INPUTS, key(Types.KAFKA_TOPIC, "orders@prod"), process))
        .isTrue();
    assertThat(
            related(
                mutation,
                Types.REL_OUTPUTS,
                process,
                key(Types.KAFKA_TOPIC, "orders.enriched@prod")))
        .isTrue();
    assertThat(mutation.entities())
        .allSatisfy(e -> assertThat(e.asOf()).isEqualTo(translated.eventTime()));
    assertThat(mutation.relationships())
        .allSatisfy(r -> assertThat(r.asOf()).isEqualTo(translated.eventTime()));
  }

  @Test
  void shouldRemoveTheAttributesOfADeletedJobFacet() {
    Mutation mutation = Fixtures.translate("run-deleted-facets.json").mutation();

    EntityWrite job = entity(mutation, Types.GENERIC_PROCESS, "flink-prod/orders-enricher");
    assertThat(job.attributes()).containsEntry("description", null);
  }

  @Test
  void shouldMapAnEdgeDeviceWithWhatItReportedAndWhereItWrote() {
    Mutation mutation = Fixtures.translate("run-running-edge-device.json").mutation();

    EntityWrite device = entity(mutation, Types.EDGE_DEVICE, "edge://line-3-gw/device/pump-7");
    assertThat(device.attributes())
        .containsEntry("integration", "EDGE_DEVICE")
        .containsEntry("deviceId", "pump-7")
        .containsEntry("model", "PX-9")
        .containsEntry("firmware", "2.4.1")
        .containsEntry("location", "hall 3")
        .containsEntry("online", false)
        .containsEntry("lastSeen", java.time.Instant.parse("2026-12-04T09:59:58Z").toEpochMilli());
  }

  @Test
  void shouldMapAnEdgeNodeWithItsBacklogAndLastSync() {
    Mutation mutation = Fixtures.translate("run-running-edge-node.json").mutation();

    EntityWrite node = entity(mutation, Types.EDGE_NODE, "edge://line-3-gw/bridge");
    assertThat(node.attributes())
        .containsEntry("node", "line-3-gw")
        .containsEntry("backlog", 1250L)
        .containsEntry("oldestUnsyncedSeconds", 3600L)
        .containsEntry("mqttConnected", true)
        .containsEntry("dropped", 3L)
        .containsEntry("lastSync", java.time.Instant.parse("2026-12-04T09:00:00Z").toEpochMilli());
  }
}
