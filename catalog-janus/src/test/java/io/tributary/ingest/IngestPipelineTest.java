package io.tributary.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.tributary.catalog.ChangeFeed;
import io.tributary.catalog.EntityKey;
import io.tributary.catalog.EntityWrite;
import io.tributary.catalog.Mutation;
import io.tributary.catalog.Types;
import io.tributary.catalog.Visibility;
import io.tributary.catalog.janus.JanusCatalog;
import io.tributary.catalog.janus.JanusConfig;
import io.tributary.catalog.types.TypeRegistry;
import io.tributary.contract.TenantId;
import io.tributary.contract.schema.EventWarning;
import io.tributary.openlineage.EventTranslator;
import io.tributary.openlineage.InvalidEventException;
import io.tributary.openlineage.NamespaceResolver;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The pipeline over a real in-memory JanusGraph catalog, real schemas and a scripted admission. */
class IngestPipelineTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final EventTranslator TRANSLATOR =
      EventTranslator.create(NamespaceResolver.defaults());
  private static final TenantId ACME = new TenantId("acme");
  private static final TenantId GLOBEX = new TenantId("globex");
  private static final TenantId HOME = new TenantId("home");

  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  private JanusCatalog catalog;
  private GroupCommitter committer;
  private IngestPipeline pipeline;
  private ScriptedAdmission admission;

  /** Writes the tenants it was given; counts what it was asked; refuses quota when told to. */
  private static final class ScriptedAdmission implements Admission {
    final Set<TenantId> writable;
    final Map<TenantId, Integer> charged = new HashMap<>();
    final List<TenantId> checked = new ArrayList<>();
    TenantId overQuota;

    ScriptedAdmission(Set<TenantId> writable) {
      this.writable = writable;
    }

    @Override
    public TenantId homeTenant() {
      return HOME;
    }

    @Override
    public void checkWrite(TenantId tenant) {
      checked.add(tenant);
      if (!writable.contains(tenant)) {
        throw new IngestRefusedException("may not write " + tenant, null);
      }
    }

    @Override
    public void acquire(TenantId tenant, int events) {
      if (tenant.equals(overQuota)) {
        throw new IngestRefusedException(tenant + " is over its quota", java.time.Duration.ZERO);
      }
      charged.merge(tenant, events, Integer::sum);
    }
  }

  @BeforeEach
  void start() {
    catalog = JanusCatalog.open(JanusConfig.inMemory(), TypeRegistry.builtIn(), new ChangeFeed());
    committer = GroupCommitter.start(catalog, GroupCommitter.Settings.defaults(), registry);
    pipeline = pipeline(EventLimits.DEFAULTS);
    admission = new ScriptedAdmission(Set.of(ACME, HOME));
  }

  private IngestPipeline pipeline(EventLimits limits) {
    return IngestPipeline.builder()
        .translator(TRANSLATOR)
        .committer(committer)
        .limits(limits)
        .meterRegistry(registry)
        .build();
  }

  @AfterEach
  void stop() {
    committer.close();
    catalog.close();
  }

  private static JsonNode event(String job, String tenantFacet) {
    String facets =
        tenantFacet == null
            ? ""
            : """
              ,"facets":{"tributary_tenant":{"_producer":"https://example.com/p",
                "_schemaURL":"https://tributary.io/spec/facets/1-0-0/TenantRunFacet.json",
                "tenant":"%s"}}"""
                .formatted(tenantFacet);
    String text =
        """
        {"eventType":"START","eventTime":"2026-11-28T10:00:00Z",
         "producer":"https://example.com/p",
         "schemaURL":"https://openlineage.io/spec/2-0-2/OpenLineage.json#/$defs/RunEvent",
         "run":{"runId":"%s"%s},
         "job":{"namespace":"streaming","name":"%s"},
         "inputs":[{"namespace":"kafka://broker:9092","name":"%s-in"}],
         "outputs":[{"namespace":"kafka://broker:9092","name":"%s-out"}]}
        """
            .formatted(UUID.nameUUIDFromBytes(job.getBytes()), facets, job, job, job);
    return json(text);
  }

  private static JsonNode json(String text) {
    try {
      return JSON.readTree(text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static NamedTenant named(TenantId tenant) {
    return new NamedTenant(tenant, "header X-Tributary-Tenant");
  }

  private boolean hasTopic(TenantId tenant, String name) {
    return catalog
        .get(new EntityKey(tenant, Types.KAFKA_TOPIC, name + "@broker:9092"), Visibility.all())
        .isPresent();
  }

  private IngestPipeline.Ingested ingest(NamedTenant named, JsonNode event) {
    return pipeline.ingest(admission, named, () -> event).orTimeout(30, TimeUnit.SECONDS).join();
  }

  @Test
  void shouldWriteTheTenantTheRequestNamesOverTheFacetlessDefault() {
    IngestPipeline.Ingested done = ingest(named(ACME), event("named", null));

    assertThat(done.tenant()).isEqualTo(ACME);
    assertThat(hasTopic(ACME, "named-in")).isTrue();
    assertThat(admission.charged).containsEntry(ACME, 1);
  }

  @Test
  void shouldTakeTheTenantOfTheRunFacetWhenTheRequestNamesNone() {
    IngestPipeline.Ingested done = ingest(null, event("faceted", "acme"));

    assertThat(done.tenant()).isEqualTo(ACME);
    assertThat(hasTopic(ACME, "faceted-out")).isTrue();
  }

  @Test
  void shouldFallBackToTheHomeTenantWhenNothingNamesOne() {
    IngestPipeline.Ingested done = ingest(null, event("homeless", null));

    assertThat(done.tenant()).isEqualTo(HOME);
    assertThat(hasTopic(HOME, "homeless-in")).isTrue();
    assertThat(admission.checked).containsExactly(HOME);
  }

  @Test
  void shouldAcceptAFacetThatAgreesWithTheRequest() {
    assertThat(ingest(named(ACME), event("agreed", "acme")).tenant()).isEqualTo(ACME);
  }

  @Test
  void shouldRefuseAnEventWhoseFacetNamesAnotherTenantThanTheRequest() {
    assertThatThrownBy(() -> ingest(named(ACME), event("torn", "globex")))
        .isInstanceOfSatisfying(
            InvalidEventException.class,
            e -> {
              assertThat(e.violations().get(0).pointer())
                  .isEqualTo("/run/facets/tributary_tenant/tenant");
              assertThat(e.getMessage())
                  .contains("'globex'")
                  .contains("'acme'")
                  .contains("header X-Tributary-Tenant");
            });
    assertThat(hasTopic(ACME, "torn-in")).isFalse();
    assertThat(hasTopic(GLOBEX, "torn-in")).isFalse();
  }

  @Test
  void shouldRefuseATenantTheWriterMayNotWriteWhateverNamesIt() {
    AtomicInteger reads = new AtomicInteger();
    Supplier<JsonNode> body =
        () -> {
          reads.incrementAndGet();
          return event("planted", null);
        };

    assertThatThrownBy(() -> pipeline.ingest(admission, named(GLOBEX), body))
        .isInstanceOf(IngestRefusedException.class);
    assertThat(reads).as("a named tenant is admitted before the body is read").hasValue(0);
    assertThatThrownBy(() -> ingest(null, event("planted", "globex")))
        .isInstanceOf(IngestRefusedException.class);
    assertThat(hasTopic(GLOBEX, "planted-in")).isFalse();
  }

  @Test
  void shouldResolveTheClaimsOfARequestToOneTenantOrRefuseThem() {
    assertThat(
            NamedTenant.resolve(
                List.of(
                    new NamedTenant.Claim("record header tributary.tenant", "acme"),
                    new NamedTenant.Claim("record key", "acme"))))
        .contains(new NamedTenant(ACME, "record header tributary.tenant"));
    assertThat(
            NamedTenant.resolve(
                List.of(
                    new NamedTenant.Claim("header X-Tributary-Tenant", ""),
                    new NamedTenant.Claim("parameter tenant", null))))
        .isEmpty();
    assertThatThrownBy(
            () ->
                NamedTenant.resolve(
                    List.of(
                        new NamedTenant.Claim("record header tributary.tenant", "acme"),
                        new NamedTenant.Claim("record key", "globex"))))
        .isInstanceOf(InvalidEventException.class)
        .hasMessageContaining("record key names tenant 'globex'")
        .hasMessageContaining("record header tributary.tenant names 'acme'");
    assertThatThrownBy(
            () -> NamedTenant.resolve(List.of(new NamedTenant.Claim("record key", "Bad\u0007"))))
        .isInstanceOf(InvalidEventException.class)
        .hasMessageContaining("record key")
        .hasMessageContaining("\\u0007");
  }

  @Test
  void shouldReturnAndCountTheWarningsOfAnAcceptedEvent() throws IOException {
    JsonNode spark;
    try (InputStream in =
        getClass()
            .getResourceAsStream(
                "/openlineage/events/warned/spark-local-file-datasource-uri.json")) {
      spark = JSON.readTree(in).get("event");
    }

    IngestPipeline.Ingested done = ingest(named(ACME), spark);

    assertThat(done.event().warnings())
        .extracting(EventWarning::pointer)
        .containsExactly("/inputs/0/facets/dataSource/uri", "/outputs/0/facets/dataSource/uri");
    assertThat(
            registry.get("tributary.ingest.warnings").tag("kind", "format:uri").counter().count())
        .isEqualTo(2);
  }

  @Test
  void shouldRefuseAnEventOverALimitBeforeChargingItsQuotaAndCountIt() {
    pipeline = pipeline(new EventLimits(1, 10, 10, 1 << 20));

    assertThatThrownBy(() -> ingest(null, event("wide", "acme")))
        .isInstanceOfSatisfying(
            EventLimitException.class, e -> assertThat(e.limit()).isEqualTo(EventLimit.DATASETS));
    assertThat(admission.charged).isEmpty();
    assertThat(
            registry
                .get("tributary.ingest.events.over.limit")
                .tag("limit", "datasets")
                .counter()
                .count())
        .isEqualTo(1);
  }

  @Test
  void shouldCommitTheGoodEventsOfABatchAndReportEachBadOneAtItsIndex() {
    JsonNode batch =
        JSON.createArrayNode()
            .add(event("b0", "acme"))
            .add(event("b1", "globex"))
            .add(json("{\"eventType\":\"START\"}"))
            .add(event("b3", null))
            .add(event("b4", "globex"));

    List<IngestPipeline.BatchItem> items =
        pipeline.ingestBatch(admission, null, () -> batch).orTimeout(30, TimeUnit.SECONDS).join();

    assertThat(items).extracting(IngestPipeline.BatchItem::index).containsExactly(0, 1, 2, 3, 4);
    assertThat(items)
        .extracting(IngestPipeline.BatchItem::committed)
        .containsExactly(true, false, false, true, false);
    assertThat(items.get(1).error()).isInstanceOf(IngestRefusedException.class);
    assertThat(items.get(2).error()).isInstanceOf(InvalidEventException.class);
    assertThat(items.get(3).ingested().tenant()).isEqualTo(HOME);
    assertThat(admission.checked).as("asked once per tenant").containsExactly(ACME, GLOBEX, HOME);
    assertThat(admission.charged).containsEntry(ACME, 1).containsEntry(HOME, 1);
    assertThat(hasTopic(ACME, "b0-in")).isTrue();
  }

  @Test
  void shouldQueueNothingOfABatchWhenOneOfItsTenantsIsOverQuota() {
    admission.overQuota = HOME;
    JsonNode batch = JSON.createArrayNode().add(event("q0", "acme")).add(event("q1", null));

    assertThatThrownBy(() -> pipeline.ingestBatch(admission, null, () -> batch))
        .isInstanceOf(IngestRefusedException.class)
        .hasMessageContaining("home is over its quota");
    assertThat(hasTopic(ACME, "q0-in")).isFalse();
  }

  @Test
  void shouldRefuseABatchThatIsNotAnArray() {
    assertThatThrownBy(() -> pipeline.ingestBatch(admission, null, () -> event("solo", null)))
        .isInstanceOf(InvalidEventException.class)
        .hasMessageContaining("JSON array");
  }

  @Test
  void shouldAdmitAndGroupCommitWritesOfTheAtlasModel() {
    EntityKey key = new EntityKey(ACME, Types.KAFKA_TOPIC, "atlas-written@broker:9092");
    Mutation mutation =
        new Mutation(
            "atlas:entity/bulk",
            List.of(new EntityWrite(key, "atlas-written", Map.of(), Set.of(), Instant.EPOCH)),
            List.of());

    pipeline.write(admission, ACME, mutation).orTimeout(30, TimeUnit.SECONDS).join();

    assertThat(catalog.get(key, Visibility.all())).isPresent();
    assertThat(admission.charged).containsEntry(ACME, 1);
    assertThatThrownBy(() -> pipeline.write(admission, GLOBEX, mutation))
        .isInstanceOf(IngestRefusedException.class);
  }

  private static JsonNode stamped(String job, String eventType, long sequence, String time) {
    com.fasterxml.jackson.databind.node.ObjectNode event =
        (com.fasterxml.jackson.databind.node.ObjectNode) event(job, null);
    event.put("eventType", eventType).put("eventTime", time);
    ((com.fasterxml.jackson.databind.node.ObjectNode) event.path("run"))
        .putObject("facets")
        .set(
            "tributary_edge_event",
            json(
                """
                {"_producer":"https://example.com/p",
                 "_schemaURL":"https://tributary.io/spec/facets/1-0-0/TributaryEdgeEventRunFacet.json#/$defs/TributaryEdgeEventRunFacet",
                 "eventId":"gw-1:%d","node":"gw-1","sequence":%d,
                 "hlc":{"physicalTime":1700000000000,"logical":%d}}
                """
                    .formatted(sequence, sequence, sequence)));
    return event;
  }

  private double sequenced(String outcome) {
    return registry
        .get("tributary.ingest.sequenced.events")
        .tag("outcome", outcome)
        .counter()
        .count();
  }

  @Test
  void shouldAcknowledgeARedeliveredEdgeEventWithoutApplyingOrChargingItAgain() {
    JsonNode batch =
        JSON.createArrayNode()
            .add(stamped("pump", "START", 1, "2026-11-28T10:00:00Z"))
            .add(stamped("pump", "RUNNING", 2, "2026-11-28T10:00:01Z"));
    List<IngestPipeline.BatchItem> first =
        pipeline.ingestBatch(admission, null, () -> batch).orTimeout(30, TimeUnit.SECONDS).join();
    List<IngestPipeline.BatchItem> again =
        pipeline.ingestBatch(admission, null, () -> batch).orTimeout(30, TimeUnit.SECONDS).join();

    assertThat(first).allMatch(IngestPipeline.BatchItem::committed);
    assertThat(again).allMatch(IngestPipeline.BatchItem::committed);
    assertThat(again).allMatch(item -> item.ingested().result().guids().isEmpty());
    assertThat(sequenced("applied")).isEqualTo(2.0);
    assertThat(sequenced("redelivery")).isEqualTo(2.0);
    assertThat(admission.charged).containsEntry(HOME, 2);
  }

  @Test
  void shouldRecogniseARedeliveryAfterARestartFromTheStoredRun() {
    pipeline
        .ingestBatch(
            admission,
            null,
            () -> JSON.createArrayNode().add(stamped("fan", "RUNNING", 7, "2026-11-28T10:00:00Z")))
        .orTimeout(30, TimeUnit.SECONDS)
        .join();
    IngestPipeline restarted =
        IngestPipeline.builder()
            .translator(TRANSLATOR)
            .committer(committer)
            .meterRegistry(new SimpleMeterRegistry())
            .catalog(catalog)
            .build();

    IngestPipeline.Ingested old =
        restarted
            .ingest(admission, null, () -> stamped("fan", "RUNNING", 7, "2026-11-28T10:00:00Z"))
            .orTimeout(30, TimeUnit.SECONDS)
            .join();
    IngestPipeline.Ingested next =
        restarted
            .ingest(admission, null, () -> stamped("fan", "RUNNING", 8, "2026-11-28T10:00:05Z"))
            .orTimeout(30, TimeUnit.SECONDS)
            .join();

    assertThat(old.result().guids()).isEmpty();
    assertThat(next.result().guids()).isNotEmpty();
  }
}
