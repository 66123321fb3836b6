package io.tributary.emitters.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.openlineage.client.OpenLineage.RunEvent;
import io.openlineage.client.OpenLineage.RunEvent.EventType;
import io.tributary.contract.TributaryFacets;
import io.tributary.emitters.DatasetSnapshot;
import io.tributary.emitters.EmitterConfig;
import io.tributary.emitters.JobIdentity;
import io.tributary.emitters.Snapshot;
import io.tributary.emitters.Statistics;
import io.tributary.emitters.Tenant;
import io.tributary.emitters.facets.KafkaStreamsTopologyJobFacet;
import io.tributary.emitters.facets.KafkaStreamsTopologyJobFacet.Node;
import io.tributary.emitters.facets.KafkaStreamsTopologyJobFacet.Subtopology;
import io.tributary.emitters.facets.StreamingMetricsRunFacet;
import io.tributary.emitters.testing.OpenLineageSchemas;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Every Tributary facet the emitters write conforms to its schema in the wire contract. */
class TributaryFacetsConformanceTest {
  private static final OpenLineageSchemas SCHEMAS = new OpenLineageSchemas();
  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2026-03-01T10:00:00Z"), ZoneOffset.UTC);
  private static final UUID RUN = UUID.fromString("01890000-0000-7000-8000-000000000003");

  private static RunEvent eventWithEveryFacet() {
    EmitterConfig config =
        EmitterConfig.builder()
            .tenant(new Tenant("acme"))
            .clusterResolver(ns -> Optional.of("prod"))
            .abortOnJvmExit(false)
            .build();
    Node source = new Node("KSTREAM-SOURCE-0", "SOURCE", List.of("orders"), null, null, null);
    Node sink =
        new Node("KSTREAM-SINK-1", "SINK", List.of("orders-enriched"), null, null, List.of());
    Node store = new Node("GLOBAL-STORE", "PROCESSOR", null, null, List.of("customers"), null);
    Snapshot snapshot =
        new Snapshot(
            List.of(DatasetSnapshot.of("kafka://b1:9092", "orders", new Statistics(10, 100))),
            List.of(
                DatasetSnapshot.of("kafka://b1:9092", "orders-enriched", new Statistics(10, 90))),
            Map.of(
                StreamingMetricsRunFacet.NAME,
                new StreamingMetricsRunFacet(
                    RunEvents.PRODUCER,
                    "RUNNING",
                    12.5,
                    3L,
                    Map.of("orders", 3L),
                    Map.of("checkpoints", 4))),
            Map.of(
                KafkaStreamsTopologyJobFacet.NAME,
                new KafkaStreamsTopologyJobFacet(
                    RunEvents.PRODUCER,
                    "orders-enricher",
                    List.of(new Subtopology(0, List.of(source, sink))),
                    List.of(store))));
    JobIdentity job = new JobIdentity("streams", "orders-enricher", "KAFKA_STREAMS", "APPLICATION");
    return new RunEvents(job, config, CLOCK).build(EventType.RUNNING, RUN, snapshot, null);
  }

  @Test
  void shouldWriteEveryTributaryFacet() {
    RunEvent event = eventWithEveryFacet();

    assertThat(event.getRun().getFacets().getAdditionalProperties())
        .containsKeys(TributaryFacets.TENANT, TributaryFacets.STREAMING_METRICS);
    assertThat(event.getJob().getFacets().getAdditionalProperties())
        .containsKey(TributaryFacets.KAFKA_STREAMS_TOPOLOGY);
    assertThat(event.getInputs().get(0).getFacets().getAdditionalProperties())
        .containsKey(TributaryFacets.CLUSTER);
  }

  @Test
  void shouldWriteTributaryFacetsThatConformToTheirContractSchemas() {
    assertThat(SCHEMAS.violations(eventWithEveryFacet())).isEmpty();
  }
}
