package io.tributary.catalog.janus;

import static io.tributary.catalog.janus.Fixtures.ACME;
import static io.tributary.catalog.janus.Fixtures.GLOBEX;
import static io.tributary.catalog.janus.Fixtures.T0;
import static io.tributary.catalog.janus.Fixtures.T1;
import static io.tributary.catalog.janus.Fixtures.T2;
import static io.tributary.catalog.janus.Fixtures.column;
import static io.tributary.catalog.janus.Fixtures.columnLineage;
import static io.tributary.catalog.janus.Fixtures.entity;
import static io.tributary.catalog.janus.Fixtures.job;
import static io.tributary.catalog.janus.Fixtures.mutation;
import static io.tributary.catalog.janus.Fixtures.process;
import static io.tributary.catalog.janus.Fixtures.rel;
import static io.tributary.catalog.janus.Fixtures.topic;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tributary.catalog.ChangeEvent;
import io.tributary.catalog.ChangeFeed;
import io.tributary.catalog.Direction;
import io.tributary.catalog.Entity;
import io.tributary.catalog.EntityKey;
import io.tributary.catalog.EntityNotFoundException;
import io.tributary.catalog.EntityWrite;
import io.tributary.catalog.Guid;
import io.tributary.catalog.ImpactEntry;
import io.tributary.catalog.InvalidEntityException;
import io.tributary.catalog.LineageEdge;
import io.tributary.catalog.LineageGraph;
import io.tributary.catalog.LineageLevel;
import io.tributary.catalog.LineagePath;
import io.tributary.catalog.LineageQuery;
import io.tributary.catalog.Mutation;
import io.tributary.catalog.MutationResult;
import io.tributary.catalog.SearchQuery;
import io.tributary.catalog.SearchResult;
import io.tributary.catalog.Types;
import io.tributary.catalog.Visibility;
import io.tributary.catalog.types.TypeRegistry;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The behaviour every backend of the embedded catalog must show; one subclass per backend. */
abstract class JanusCatalogContract {
  @TempDir Path dataDir;

  protected TypeRegistry types;
  protected ChangeFeed feed;
  protected JanusCatalog catalog;
  protected final List<ChangeEvent> events = new CopyOnWriteArrayList<>();

  protected abstract JanusConfig config(Path dataDir);

  @BeforeEach
  void openCatalog() {
    types = TypeRegistry.builtIn();
    feed =
        new ChangeFeed(10_000, Clock.fixed(Instant.parse("2026-02-01T00:00:00Z"), ZoneOffset.UTC));
    feed.subscribe(0, events::add);
    catalog = JanusCatalog.open(config(dataDir), types, feed);
  }

  @AfterEach
  void closeCatalog() {
    catalog.close();
  }

  protected Guid guid(EntityKey key) {
    return catalog.get(key, Visibility.all()).orElseThrow().guid();
  }

  // ---- writes ----------------------------------------------------------------------------

  @Test
  void shouldCreateEntityWithKeyDerivedGuidAndReadItByGuidAndKey() {
    EntityKey orders = topic("orders");
    MutationResult result =
        catalog.apply(
            mutation(
                List.of(
                    new EntityWrite(orders, "orders", Map.of("partitions", 12), Set.of("PII"), T0)),
                List.of()));

    assertThat(result.created()).containsExactly(orders);
    assertThat(result.guids()).containsEntry(orders, Guid.forKey(orders));
    Entity byKey = catalog.get(orders, Visibility.all()).orElseThrow();
    Entity byGuid = catalog.get(Guid.forKey(orders), Visibility.all()).orElseThrow();
    assertThat(byGuid).isEqualTo(byKey);
    assertThat(byKey.name()).isEqualTo("orders");
    assertThat(byKey.typeName()).isEqualTo(Types.KAFKA_TOPIC);
    assertThat(byKey.tenant()).isEqualTo(ACME);
    assertThat(byKey.attributes()).containsEntry("partitions", 12);
    assertThat(byKey.classifications()).containsExactly("PII");
    assertThat(byKey.createTime()).isNotNull();
    assertThat(byKey.updateTime()).isEqualTo(byKey.createTime());
  }

  @Test
  void shouldReturnEmptyForUnknownGuidAndKey() {
    assertThat(catalog.get(Guid.forKey(topic("nothing")), Visibility.all())).isEmpty();
    assertThat(catalog.get(topic("nothing"), Visibility.all())).isEmpty();
  }

  @Test
  void shouldNotDuplicateOrPublishOnRedelivery() {
    Mutation m = process(job("enrich"), List.of(topic("in")), List.of(topic("out")));
    catalog.apply(m);
    int eventsAfterFirst = events.size();

    MutationResult again = catalog.apply(m);

    assertThat(again.created()).isEmpty();
    assertThat(again.updated()).isEmpty();
    assertThat(again.guids()).hasSize(3);
    assertThat(events).hasSize(eventsAfterFirst);
    assertThat(catalog.search(SearchQuery.byType(Types.DATASET), Visibility.all()).total())
        .isEqualTo(2);
    assertThat(
            catalog.related(
                guid(topic("in")), Types.REL_INPUTS, Direction.DOWNSTREAM, Visibility.all()))
        .hasSize(1);
  }

  @Test
  void shouldKeepTheNewestValueOfEachAttributeWhateverTheDeliveryOrder() {
    EntityKey orders = topic("orders");
    catalog.apply(
        mutation(
            List.of(
                new EntityWrite(
                    orders, "orders-new", Map.of("owner", "bob", "retention", 7), Set.of(), T2)),
            List.of()));

    MutationResult late =
        catalog.apply(
            mutation(
                List.of(
                    new EntityWrite(
                        orders,
                        "orders-old",
                        Map.of("owner", "alice", "description", "late but new attribute"),
                        Set.of(),
                        T1)),
                List.of()));

    Entity e = catalog.get(orders, Visibility.all()).orElseThrow();
    assertThat(e.name()).isEqualTo("orders-new");
    assertThat(e.attributes())
        .containsEntry("owner", "bob")
        .containsEntry("retention", 7)
        .containsEntry("description", "late but new attribute");
    assertThat(late.updated()).containsExactly(orders);
  }

  @Test
  void shouldTreatEqualAsOfAsRedeliveryAndRemoveAttributeOnNewerNull() {
    EntityKey orders = topic("orders");
    catalog.apply(mutation(List.of(entity(orders, "orders", Map.of("owner", "bob"))), List.of()));

    MutationResult same =
        catalog.apply(
            mutation(List.of(entity(orders, "orders", Map.of("owner", "carol"))), List.of()));
    Map<String, Object> removal = new HashMap<>();
    removal.put("owner", null);
    catalog.apply(
        mutation(List.of(new EntityWrite(orders, null, removal, Set.of(), T1)), List.of()));
    MutationResult older =
        catalog.apply(
            mutation(List.of(entity(orders, "orders", Map.of("owner", "dave"))), List.of()));

    assertThat(same.updated()).isEmpty();
    assertThat(older.updated()).isEmpty();
    assertThat(catalog.get(orders, Visibility.all()).orElseThrow().attributes())
        .doesNotContainKey("owner");
  }

  @Test
  void shouldAddClassificationsWithoutRemovingOthers() {
    EntityKey orders = topic("orders");
    catalog.apply(
        mutation(
            List.of(new EntityWrite(orders, "orders", Map.of(), Set.of("PII"), T0)), List.of()));
    MutationResult second =
        catalog.apply(
            mutation(
                List.of(new EntityWrite(orders, null, Map.of(), Set.of("SENSITIVE"), T0)),
                List.of()));

    assertThat(second.updated()).containsExactly(orders);
    assertThat(catalog.get(orders, Visibility.all()).orElseThrow().classifications())
        .containsExactlyInAnyOrder("PII", "SENSITIVE");
  }

  @Test
  void shouldPublishCreatedRelationshipAndUpdatedEventsAfterCommitInOrder() {
    EntityKey in = topic("in");
    EntityKey enrich = job("enrich");
    catalog.apply(process(enrich, List.of(in), List.of()));
    catalog.apply(
        mutation(
            List.of(new EntityWrite(in, "in", Map.of("owner", "bob"), Set.of(), T1)), List.of()));

    assertThat(events)
        .extracting(ChangeEvent::kind)
        .containsExactly(
            ChangeEvent.Kind.ENTITY_CREATED,
            ChangeEvent.Kind.ENTITY_CREATED,
            ChangeEvent.Kind.RELATIONSHIP_CREATED,
            ChangeEvent.Kind.ENTITY_UPDATED);
    ChangeEvent rel = events.get(2);
    assertThat(rel.subject().key()).isEqualTo(in);
    assertThat(rel.target().key()).isEqualTo(enrich);
    assertThat(rel.relationshipType()).isEqualTo(Types.REL_INPUTS);
    assertThat(events.get(3).subject().guid()).isEqualTo(Guid.forKey(in));
    assertThat(events.get(3).attributes()).containsExactly("owner");
    assertThat(events.get(0).attributes()).isEmpty();
  }

  @Test
  void shouldNameTheChangedAttributesAndAddedClassificationsOfAnUpdate() {
    EntityKey orders = topic("orders");
    catalog.apply(
        mutation(
            List.of(
                new EntityWrite(
                    orders, "orders", Map.of("owner", "bob", "rowCount", 1), Set.of(), T0)),
            List.of()));
    catalog.apply(
        mutation(
            List.of(
                new EntityWrite(
                    orders, "orders", Map.of("owner", "bob", "rowCount", 2), Set.of("PII"), T1)),
            List.of()));

    ChangeEvent update = events.get(events.size() - 1);
    assertThat(update.kind()).isEqualTo(ChangeEvent.Kind.ENTITY_UPDATED);
    assertThat(update.attributes())
        .containsExactlyInAnyOrder("rowCount", ChangeEvent.CLASSIFICATIONS);
    assertThat(update.mayChange(Set.of("owner", "description"))).isFalse();
    assertThat(update.mayChange(Set.of(ChangeEvent.CLASSIFICATIONS))).isTrue();
  }

  @Test
  void shouldCommitNothingAndPublishNothingWhenAnyMutationOfTheBatchFails() {
    EntityKey missing = topic("missing");
    Mutation good = process(job("good"), List.of(topic("a")), List.of(topic("b")));
    Mutation bad =
        mutation(List.of(entity(job("bad"))), List.of(rel(Types.REL_OUTPUTS, job("bad"), missing)));

    assertThatThrownBy(() -> catalog.applyAll(List.of(good, bad)))
        .isInstanceOf(InvalidEntityException.class)
        .hasMessageContaining(missing.toString());

    assertThat(catalog.get(topic("a"), Visibility.all())).isEmpty();
    assertThat(catalog.get(job("good"), Visibility.all())).isEmpty();
    assertThat(catalog.get(job("bad"), Visibility.all())).isEmpty();
    assertThat(events).isEmpty();
  }

  @Test
  void shouldRejectUnknownEntityTypeNamingIt() {
    EntityKey odd = new EntityKey(ACME, "no_such_type", "x@y");
    assertThatThrownBy(() -> catalog.apply(mutation(List.of(entity(odd)), List.of())))
        .isInstanceOf(InvalidEntityException.class)
        .hasMessageContaining("no_such_type");
    assertThat(events).isEmpty();
  }

  @Test
  void shouldRejectUnknownRelationshipTypeNamingIt() {
    Mutation m =
        mutation(
            List.of(entity(topic("a")), entity(job("j"))),
            List.of(rel("no_such_relationship", topic("a"), job("j"))));
    assertThatThrownBy(() -> catalog.apply(m))
        .isInstanceOf(InvalidEntityException.class)
        .hasMessageContaining("no_such_relationship");
    assertThat(catalog.get(topic("a"), Visibility.all())).isEmpty();
  }

  @Test
  void shouldLinkToEntitiesStoredByEarlierMutations() {
    catalog.apply(mutation(List.of(entity(topic("in"))), List.of()));
    catalog.apply(
        mutation(List.of(entity(job("j"))), List.of(rel(Types.REL_INPUTS, topic("in"), job("j")))));

    assertThat(
            catalog.related(guid(job("j")), Types.REL_INPUTS, Direction.UPSTREAM, Visibility.all()))
        .extracting(Entity::key)
        .containsExactly(topic("in"));
  }

  @Test
  void shouldKeepOneEdgePerTypeBetweenTwoEntitiesAndMergeItsAttributes() {
    EntityKey in = topic("in");
    EntityKey j = job("j");
    catalog.apply(
        mutation(
            List.of(entity(in), entity(j)),
            List.of(
                new io.tributary.catalog.RelationshipWrite(
                    Types.REL_INPUTS, in, j, Map.of("mode", "read"), T1))));
    catalog.apply(
        mutation(
            List.of(),
            List.of(
                new io.tributary.catalog.RelationshipWrite(
                    Types.REL_INPUTS, in, j, Map.of("mode", "old"), T0))));

    LineageGraph g =
        catalog.lineage(
            new LineageQuery(guid(in), Direction.DOWNSTREAM, 3, LineageLevel.DATASET),
            Visibility.all());
    assertThat(g.edges()).hasSize(1);
    assertThat(events)
        .filteredOn(e -> e.kind() == ChangeEvent.Kind.RELATIONSHIP_CREATED)
        .hasSize(1);
  }

  @Test
  void shouldStoreInputsInDataFlowDirectionWhenWrittenInAtlasEndOrder() {
    // Atlas's dataset_process_inputs has the process as end1: accept the ends either way round.
    catalog.apply(
        mutation(
            List.of(entity(topic("in")), entity(job("j"))),
            List.of(rel(Types.REL_INPUTS, job("j"), topic("in")))));

    LineageGraph g =
        catalog.lineage(
            new LineageQuery(guid(topic("in")), Direction.DOWNSTREAM, 1, LineageLevel.DATASET),
            Visibility.all());
    assertThat(g.edges())
        .containsExactly(new LineageEdge(guid(topic("in")), guid(job("j")), Types.REL_INPUTS));
  }

  @Test
  void shouldAcceptARelationshipTypeRegisteredAfterOpening() throws Exception {
    types.register(
        new com.fasterxml.jackson.databind.ObjectMapper()
            .readTree(
                "{\"relationshipDefs\": [{\"name\": \"topic_mirrors\","
                    + " \"endDef1\": {\"type\": \"kafka_topic\"},"
                    + " \"endDef2\": {\"type\": \"kafka_topic\"}}]}"));

    catalog.apply(
        mutation(
            List.of(entity(topic("eu")), entity(topic("us"))),
            List.of(rel("topic_mirrors", topic("eu"), topic("us")))));

    assertThat(
            catalog.related(
                guid(topic("eu")), "topic_mirrors", Direction.DOWNSTREAM, Visibility.all()))
        .extracting(Entity::key)
        .containsExactly(topic("us"));
  }

  @Test
  void shouldBeSafeToApplyFromSeveralThreads() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<?>> futures = new ArrayList<>();
      for (int t = 0; t < 4; t++) {
        int thread = t;
        futures.add(
            pool.submit(
                () -> {
                  for (int i = 0; i < 10; i++) {
                    catalog.apply(
                        process(
                            job("job-" + thread + "-" + i),
                            List.of(topic("shared")),
                            List.of(topic("out-" + thread + "-" + i))));
                  }
                }));
      }
      for (Future<?> f : futures) {
        f.get();
      }
    } finally {
      pool.shutdownNow();
    }
    assertThat(catalog.countByType(Visibility.all()))
        .containsEntry(Types.KAFKA_TOPIC, 41L)
        .containsEntry(Types.FLINK_APPLICATION, 40L);
    assertThat(
            catalog.related(
                guid(topic("shared")), Types.REL_INPUTS, Direction.DOWNSTREAM, Visibility.all()))
        .hasSize(40);
  }

  // ---- search ----------------------------------------------------------------------------

  private void searchFixture() {
    catalog.apply(
        mutation(
            List.of(
                new EntityWrite(
                    topic("Orders"), "Orders", Map.of("owner", "bob"), Set.of("PII"), T0),
                new EntityWrite(
                    topic("orders_eu"), "orders_eu", Map.of("owner", "eve"), Set.of(), T0),
                new EntityWrite(
                    topic("payments"), "payments", Map.of("partitions", 3), Set.of(), T0),
                new EntityWrite(topic(GLOBEX, "orders"), "orders", Map.of(), Set.of("PII"), T0),
                new EntityWrite(job("order-router"), "order-router", Map.of(), Set.of(), T0),
                new EntityWrite(
                    new EntityKey(ACME, Types.KAFKA_TOPIC, "zz.inventory@prod"),
                    "stock",
                    Map.of(),
                    Set.of(),
                    T0)),
            List.of()));
  }

  @Test
  void shouldSearchByNameOrQualifiedNamePrefixCaseInsensitively() {
    searchFixture();

    assertThat(names(catalog.search(SearchQuery.byName("ORD"), Visibility.all())))
        .containsExactly("Orders", "order-router", "orders", "orders_eu");
    assertThat(names(catalog.search(SearchQuery.byName("orders_"), Visibility.all())))
        .containsExactly("orders_eu");
    assertThat(names(catalog.search(SearchQuery.byName("zz.inv"), Visibility.all())))
        .containsExactly("stock");
    assertThat(names(catalog.search(SearchQuery.byName("ZZ.Inventory@prod"), Visibility.all())))
        .containsExactly("stock");
    assertThat(catalog.search(SearchQuery.byName("zz.inventory@prodx"), Visibility.all()).total())
        .isZero();
    assertThat(catalog.search(SearchQuery.byName("x"), Visibility.all()).total()).isZero();
  }

  @Test
  void shouldSearchByTypeIncludingSubtypes() {
    searchFixture();

    assertThat(catalog.search(SearchQuery.byType(Types.DATASET), Visibility.all()).total())
        .isEqualTo(5);
    assertThat(names(catalog.search(SearchQuery.byType(Types.PROCESS), Visibility.all())))
        .containsExactly("order-router");
    assertThat(catalog.search(SearchQuery.byType(Types.KAFKA_TOPIC), Visibility.all()).total())
        .isEqualTo(5);
  }

  @Test
  void shouldSearchByClassificationTenantAndAttribute() {
    searchFixture();

    assertThat(names(catalog.search(query(null, null, "PII", null, Map.of()), Visibility.all())))
        .containsExactly("Orders", "orders");
    assertThat(catalog.search(query(null, null, null, GLOBEX, Map.of()), Visibility.all()).total())
        .isEqualTo(1);
    assertThat(
            names(
                catalog.search(
                    query(null, null, null, null, Map.of("owner", "eve")), Visibility.all())))
        .containsExactly("orders_eu");
    assertThat(
            names(
                catalog.search(
                    query(null, null, null, null, Map.of("partitions", "3")), Visibility.all())))
        .containsExactly("payments");
    assertThat(
            names(
                catalog.search(
                    query("ord", Types.DATASET, "PII", ACME, Map.of("owner", "bob")),
                    Visibility.all())))
        .containsExactly("Orders");
  }

  @Test
  void shouldPageInStableOrderAndCountEveryMatch() {
    List<EntityWrite> writes = new ArrayList<>();
    for (int i = 0; i < 12; i++) {
      writes.add(entity(topic(String.format("t%02d", i))));
    }
    catalog.apply(mutation(writes, List.of()));

    SearchResult first =
        catalog.search(query("t", null, null, null, Map.of(), 5, 0), Visibility.all());
    SearchResult third =
        catalog.search(query("t", null, null, null, Map.of(), 5, 10), Visibility.all());

    assertThat(first.total()).isEqualTo(12);
    assertThat(names(first)).containsExactly("t00", "t01", "t02", "t03", "t04");
    assertThat(names(third)).containsExactly("t10", "t11");
  }

  @Test
  void shouldLeaveInvisibleEntitiesOutOfSearchAndTheirCount() {
    searchFixture();

    SearchResult acmeOnly =
        catalog.search(SearchQuery.byName("orders"), Visibility.tenants(Set.of(ACME)));

    assertThat(acmeOnly.total()).isEqualTo(2);
    assertThat(acmeOnly.entities()).allMatch(e -> e.tenant().equals(ACME));
  }

  private static SearchQuery query(
      String prefix,
      String type,
      String classification,
      io.tributary.contract.TenantId tenant,
      Map<String, String> attributes) {
    return query(prefix, type, classification, tenant, attributes, 100, 0);
  }

  private static SearchQuery query(
      String prefix,
      String type,
      String classification,
      io.tributary.contract.TenantId tenant,
      Map<String, String> attributes,
      int limit,
      int offset) {
    return new SearchQuery(prefix, type, classification, tenant, attributes, limit, offset);
  }

  private static List<String> names(SearchResult result) {
    return result.entities().stream().map(Entity::name).toList();
  }

  // ---- lineage ---------------------------------------------------------------------------

  /** raw → [clean] → cleaned → [enrich] → enriched → [publish] → published, plus a side input. */
  private void chain() {
    catalog.applyAll(
        List.of(
            process(job("clean"), List.of(topic("raw")), List.of(topic("cleaned"))),
            process(
                job("enrich"),
                List.of(topic("cleaned"), topic("customers")),
                List.of(topic("enriched"))),
            process(job("publish"), List.of(topic("enriched")), List.of(topic("published")))));
  }

  private LineageGraph lineage(EntityKey start, Direction direction, int depth) {
    return catalog.lineage(
        new LineageQuery(guid(start), direction, depth, LineageLevel.DATASET), Visibility.all());
  }

  private Set<EntityKey> keys(LineageGraph g) {
    return g.entities().values().stream()
        .map(Entity::key)
        .collect(java.util.stream.Collectors.toSet());
  }

  @Test
  void shouldWalkDownstreamCountingProcessHops() {
    chain();

    LineageGraph one = lineage(topic("raw"), Direction.DOWNSTREAM, 1);
    LineageGraph two = lineage(topic("raw"), Direction.DOWNSTREAM, 2);

    assertThat(keys(one)).containsExactlyInAnyOrder(topic("raw"), job("clean"), topic("cleaned"));
    assertThat(keys(two))
        .containsExactlyInAnyOrder(
            topic("raw"), job("clean"), topic("cleaned"), job("enrich"), topic("enriched"));
    assertThat(two.distances())
        .containsEntry(guid(topic("raw")), 0)
        .containsEntry(guid(job("clean")), 1)
        .containsEntry(guid(topic("cleaned")), 1)
        .containsEntry(guid(job("enrich")), 2)
        .containsEntry(guid(topic("enriched")), 2);
    assertThat(two.edges())
        .contains(
            new LineageEdge(guid(topic("raw")), guid(job("clean")), Types.REL_INPUTS),
            new LineageEdge(guid(job("clean")), guid(topic("cleaned")), Types.REL_OUTPUTS))
        .hasSize(4);
    assertThat(two.redacted()).isEmpty();
    assertThat(two.start()).isEqualTo(guid(topic("raw")));
  }

  @Test
  void shouldWalkUpstreamWithEdgesStillInDataFlowDirection() {
    chain();

    LineageGraph up = lineage(topic("enriched"), Direction.UPSTREAM, 1);

    assertThat(keys(up))
        .containsExactlyInAnyOrder(
            topic("enriched"), job("enrich"), topic("cleaned"), topic("customers"));
    assertThat(up.edges())
        .containsExactlyInAnyOrder(
            new LineageEdge(guid(job("enrich")), guid(topic("enriched")), Types.REL_OUTPUTS),
            new LineageEdge(guid(topic("cleaned")), guid(job("enrich")), Types.REL_INPUTS),
            new LineageEdge(guid(topic("customers")), guid(job("enrich")), Types.REL_INPUTS));
  }

  @Test
  void shouldWalkBothWaysWithoutMixingDirectionsOnOnePath() {
    chain();

    LineageGraph both = lineage(topic("cleaned"), Direction.BOTH, 1);

    // customers feeds enrich too, but reaching it would need downstream then upstream.
    assertThat(keys(both))
        .containsExactlyInAnyOrder(
            topic("raw"), job("clean"), topic("cleaned"), job("enrich"), topic("enriched"));
  }

  @Test
  void shouldPutAProcessStartsDirectInputsAndOutputsAtDepthOne() {
    chain();

    LineageGraph g =
        catalog.lineage(
            new LineageQuery(guid(job("enrich")), Direction.BOTH, 1, LineageLevel.DATASET),
            Visibility.all());

    assertThat(keys(g))
        .containsExactlyInAnyOrder(
            job("enrich"), topic("cleaned"), topic("customers"), topic("enriched"));
    assertThat(g.distances()).containsEntry(guid(topic("enriched")), 1);
  }

  @Test
  void shouldCountEachNodesNeighboursInTheWholeGraphNotJustThoseReached() {
    chain();

    LineageGraph g = lineage(topic("cleaned"), Direction.DOWNSTREAM, 1);

    // The walk did not reach publish or customers: they are counted all the same.
    assertThat(g.degrees())
        .containsEntry(guid(topic("cleaned")), new LineageGraph.Degree(1, 1))
        .containsEntry(guid(job("enrich")), new LineageGraph.Degree(2, 1))
        .containsEntry(guid(topic("enriched")), new LineageGraph.Degree(1, 1))
        .hasSize(3);
    LineageGraph end = lineage(topic("published"), Direction.UPSTREAM, 1);
    assertThat(end.degrees())
        .containsEntry(guid(topic("published")), new LineageGraph.Degree(1, 0));
  }

  @Test
  void shouldNotCountNeighboursTheCallerMayNotSee() {
    crossTenantChain();

    LineageGraph g =
        catalog.lineage(
            new LineageQuery(guid(topic("raw")), Direction.DOWNSTREAM, 0, LineageLevel.DATASET),
            Visibility.tenants(Set.of(ACME)));

    // raw feeds globex's bridge and secret jobs: neither is acme's to see, not even as a count.
    assertThat(g.degrees()).containsEntry(guid(topic("raw")), new LineageGraph.Degree(0, 0));
  }

  @Test
  void shouldReturnOnlyTheStartAtDepthZero() {
    chain();
    assertThat(keys(lineage(topic("raw"), Direction.BOTH, 0))).containsExactly(topic("raw"));
  }

  @Test
  void shouldFailLineageOfUnknownEntity() {
    assertThatThrownBy(
            () ->
                catalog.lineage(
                    new LineageQuery(
                        Guid.forKey(topic("nope")), Direction.BOTH, 1, LineageLevel.DATASET),
                    Visibility.all()))
        .isInstanceOf(EntityNotFoundException.class)
        .hasMessageContaining(Guid.forKey(topic("nope")).value());
  }

  @Test
  void shouldWalkColumnLineageFromADatasetsColumns() {
    EntityKey in = topic("in");
    EntityKey out = topic("out");
    EntityKey j = job("j");
    EntityKey inId = column(in, "id");
    EntityKey inName = column(in, "name");
    EntityKey outId = column(out, "id");
    EntityKey idLineage = columnLineage(j, "id");
    catalog.applyAll(
        List.of(
            process(j, List.of(in), List.of(out)),
            mutation(
                List.of(entity(inId), entity(inName), entity(outId), entity(idLineage)),
                List.of(
                    rel(Types.REL_COLUMNS, in, inId),
                    rel(Types.REL_COLUMNS, in, inName),
                    rel(Types.REL_COLUMNS, out, outId),
                    rel(Types.REL_INPUTS, inId, idLineage),
                    rel(Types.REL_OUTPUTS, idLineage, outId)))));

    LineageGraph fromDataset =
        catalog.lineage(
            new LineageQuery(guid(in), Direction.DOWNSTREAM, 3, LineageLevel.COLUMN),
            Visibility.all());
    LineageGraph fromColumn =
        catalog.lineage(
            new LineageQuery(guid(outId), Direction.UPSTREAM, 3, LineageLevel.COLUMN),
            Visibility.all());

    assertThat(keys(fromDataset)).containsExactlyInAnyOrder(in, inId, inName, idLineage, outId);
    assertThat(fromDataset.edges())
        .contains(
            new LineageEdge(guid(in), guid(inId), Types.REL_COLUMNS),
            new LineageEdge(guid(inId), guid(idLineage), Types.REL_INPUTS),
            new LineageEdge(guid(idLineage), guid(outId), Types.REL_OUTPUTS));
    assertThat(fromDataset.distances()).containsEntry(guid(outId), 1);
    assertThat(keys(fromColumn)).containsExactlyInAnyOrder(outId, idLineage, inId);
    // Dataset-level lineage does not wander into columns.
    assertThat(keys(lineage(in, Direction.DOWNSTREAM, 3))).containsExactlyInAnyOrder(in, j, out);
  }

  @Test
  void shouldFindTheShortestDownstreamPath() {
    chain();

    LineagePath path =
        catalog
            .path(guid(topic("raw")), guid(topic("enriched")), 5, Visibility.all())
            .orElseThrow();

    assertThat(path.guids())
        .containsExactly(
            guid(topic("raw")),
            guid(job("clean")),
            guid(topic("cleaned")),
            guid(job("enrich")),
            guid(topic("enriched")));
    assertThat(path.visible()).hasSize(5);
    assertThat(path.edges()).hasSize(4);
    assertThat(path.edges().get(0))
        .isEqualTo(new LineageEdge(guid(topic("raw")), guid(job("clean")), Types.REL_INPUTS));
    assertThat(catalog.path(guid(topic("raw")), guid(topic("enriched")), 1, Visibility.all()))
        .isEmpty();
    assertThat(catalog.path(guid(topic("enriched")), guid(topic("raw")), 5, Visibility.all()))
        .isEmpty();
  }

  /**
   * A ladder of {@code length} steps, each a job reading the step's topic and a side topic, writing
   * the next step's topic and a dead-end topic: the search's levels grow wide around the path.
   */
  private void ladder(int length) {
    List<Mutation> steps = new ArrayList<>();
    for (int i = 0; i < length; i++) {
      steps.add(
          process(
              job("step-" + i),
              List.of(topic("s-" + i), topic("side-" + i)),
              List.of(topic("s-" + (i + 1)), topic("dead-end-" + i))));
    }
    catalog.applyAll(steps);
  }

  @Test
  void shouldFindALongPathOneLevelAtATime() {
    ladder(40);

    LineagePath path =
        catalog.path(guid(topic("s-0")), guid(topic("s-40")), 50, Visibility.all()).orElseThrow();

    assertThat(path.guids()).hasSize(81);
    assertThat(path.guids().get(40)).isEqualTo(guid(topic("s-20")));
    assertThat(path.guids().get(41)).isEqualTo(guid(job("step-20")));
    assertThat(path.visible()).hasSize(81);
    assertThat(path.edges()).hasSize(80);
    assertThat(path.edges().get(79))
        .isEqualTo(new LineageEdge(guid(job("step-39")), guid(topic("s-40")), Types.REL_OUTPUTS));
    // Forty process hops: a depth of 39 falls one short.
    assertThat(catalog.path(guid(topic("s-0")), guid(topic("s-40")), 39, Visibility.all()))
        .isEmpty();
    // From a job the first hop is counted too: step-0 to s-40 is forty hops.
    assertThat(catalog.path(guid(job("step-0")), guid(topic("s-40")), 40, Visibility.all()))
        .hasValueSatisfying(p -> assertThat(p.guids()).hasSize(80));
    assertThat(catalog.path(guid(job("step-0")), guid(topic("s-40")), 39, Visibility.all()))
        .isEmpty();
  }

  @Test
  void shouldSayThereIsNoPathWhenTheWholeReachIsSearched() {
    ladder(30);

    // Everything downstream of s-0 is searched; a side topic is only ever read, never written.
    assertThat(catalog.path(guid(topic("s-0")), guid(topic("side-29")), 50, Visibility.all()))
        .isEmpty();
    // Upstream is not downstream, and a dead end leads nowhere.
    assertThat(catalog.path(guid(topic("s-30")), guid(topic("s-0")), 50, Visibility.all()))
        .isEmpty();
    assertThat(catalog.path(guid(topic("dead-end-3")), guid(topic("s-30")), 50, Visibility.all()))
        .isEmpty();
    assertThat(catalog.path(guid(topic("s-0")), guid(topic("dead-end-29")), 50, Visibility.all()))
        .hasValueSatisfying(p -> assertThat(p.guids()).hasSize(61));
  }

  @Test
  void shouldListImpactNearestFirst() {
    chain();

    List<ImpactEntry> impact = catalog.impact(guid(topic("cleaned")), 5, Visibility.all());

    assertThat(impact)
        .extracting(e -> e.entity().key(), ImpactEntry::distance)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(job("enrich"), 1),
            org.assertj.core.groups.Tuple.tuple(topic("enriched"), 1),
            org.assertj.core.groups.Tuple.tuple(job("publish"), 2),
            org.assertj.core.groups.Tuple.tuple(topic("published"), 2));
  }

  // ---- visibility ------------------------------------------------------------------------

  /** acme's raw → globex's job → globex's topic → acme's job → acme's report; globex's dead end. */
  private void crossTenantChain() {
    catalog.applyAll(
        List.of(
            process(job(GLOBEX, "bridge"), List.of(topic("raw")), List.of(topic(GLOBEX, "mid"))),
            process(job("report"), List.of(topic(GLOBEX, "mid")), List.of(topic("report"))),
            process(
                job(GLOBEX, "secret"), List.of(topic("raw")), List.of(topic(GLOBEX, "hidden")))));
  }

  @Test
  void shouldRedactAnotherTenantsEntitiesOnTheWayAndKeepWalking() {
    crossTenantChain();
    Visibility acme = Visibility.tenants(Set.of(ACME));

    LineageGraph g =
        catalog.lineage(
            new LineageQuery(guid(topic("raw")), Direction.DOWNSTREAM, 5, LineageLevel.DATASET),
            acme);

    assertThat(keys(g)).containsExactlyInAnyOrder(topic("raw"), job("report"), topic("report"));
    assertThat(g.redacted())
        .containsExactlyInAnyOrder(guid(job(GLOBEX, "bridge")), guid(topic(GLOBEX, "mid")));
    // The dead end through globex's secret job leads to nothing acme may see: not revealed.
    assertThat(g.redacted()).doesNotContain(guid(job(GLOBEX, "secret")));
    assertThat(g.edges())
        .contains(
            new LineageEdge(guid(topic(GLOBEX, "mid")), guid(job("report")), Types.REL_INPUTS))
        .hasSize(4);
    assertThat(g.distances()).containsEntry(guid(topic("report")), 2);
  }

  @Test
  void shouldDecideEveryEntityOfAReadAheadLevelAndOfTheRingBeyondForTheCaller() {
    // raw fans out to two jobs of each tenant, interleaved in one level; each job's topic feeds
    // one more job of the same tenant, beyond depth 1: read ahead in one batch for the counts.
    List<Mutation> estate = new ArrayList<>();
    for (int i = 0; i < 2; i++) {
      for (io.tributary.contract.TenantId tenant : List.of(ACME, GLOBEX)) {
        String n = tenant.value() + i;
        estate.add(
            process(job(tenant, "fan-" + n), List.of(topic("raw")), List.of(topic(tenant, n))));
        estate.add(
            process(
                job(tenant, "next-" + n),
                List.of(topic(tenant, n)),
                List.of(topic(tenant, "end-" + n))));
      }
    }
    catalog.applyAll(estate);
    Visibility acme = Visibility.tenants(Set.of(ACME));
    String a0 = ACME.value() + 0;
    String a1 = ACME.value() + 1;

    LineageGraph g =
        catalog.lineage(
            new LineageQuery(guid(topic("raw")), Direction.DOWNSTREAM, 1, LineageLevel.DATASET),
            acme);

    assertThat(keys(g))
        .containsExactlyInAnyOrder(
            topic("raw"), job("fan-" + a0), job("fan-" + a1), topic(a0), topic(a1));
    assertThat(g.redacted()).isEmpty();
    assertThat(g.degrees())
        .containsEntry(guid(topic("raw")), new LineageGraph.Degree(0, 2))
        .containsEntry(guid(topic(a0)), new LineageGraph.Degree(1, 1))
        .hasSize(5);
    assertThat(catalog.impact(guid(topic("raw")), 5, acme))
        .extracting(e -> e.entity().tenant())
        .hasSize(8)
        .containsOnly(ACME);
  }

  @Test
  void shouldTreatInvisibleEntitiesAsAbsentInReads() {
    crossTenantChain();
    Visibility acme = Visibility.tenants(Set.of(ACME));
    Guid bridge = guid(job(GLOBEX, "bridge"));

    assertThat(catalog.get(bridge, acme)).isEmpty();
    assertThat(catalog.get(job(GLOBEX, "bridge"), acme)).isEmpty();
    assertThat(catalog.related(guid(topic("raw")), Types.REL_INPUTS, Direction.DOWNSTREAM, acme))
        .isEmpty();
    assertThatThrownBy(
            () ->
                catalog.lineage(
                    new LineageQuery(bridge, Direction.BOTH, 1, LineageLevel.DATASET), acme))
        .isInstanceOf(EntityNotFoundException.class);
    assertThat(catalog.impact(guid(topic("raw")), 5, acme))
        .extracting(e -> e.entity().key())
        .containsExactly(job("report"), topic("report"));
    assertThat(catalog.countByType(acme))
        .containsEntry(Types.KAFKA_TOPIC, 2L)
        .containsEntry(Types.FLINK_APPLICATION, 1L);
  }

  @Test
  void shouldShowOnlyGuidsOfInvisibleStepsOfAPath() {
    crossTenantChain();
    Visibility acme = Visibility.tenants(Set.of(ACME));

    LineagePath path =
        catalog.path(guid(topic("raw")), guid(topic("report")), 5, acme).orElseThrow();

    assertThat(path.guids()).hasSize(5).contains(guid(job(GLOBEX, "bridge")));
    assertThat(path.visible())
        .extracting(Entity::key)
        .containsExactly(topic("raw"), job("report"), topic("report"));
    assertThat(catalog.path(guid(topic("raw")), guid(topic(GLOBEX, "mid")), 5, acme)).isEmpty();
  }

  // ---- delete, related, counts -----------------------------------------------------------

  @Test
  void shouldDeleteEntityWithItsRelationshipsAndPublishIt() {
    chain();
    Guid clean = guid(job("clean"));

    assertThat(catalog.delete(clean)).isTrue();

    assertThat(catalog.get(clean, Visibility.all())).isEmpty();
    assertThat(keys(lineage(topic("raw"), Direction.DOWNSTREAM, 5))).containsExactly(topic("raw"));
    assertThat(events.get(events.size() - 1).kind()).isEqualTo(ChangeEvent.Kind.ENTITY_DELETED);
    assertThat(events.get(events.size() - 1).subject().guid()).isEqualTo(clean);
    assertThat(catalog.delete(clean)).isFalse();
  }

  @Test
  void shouldListRelatedEntitiesInEitherDirection() {
    EntityKey in = topic("in");
    catalog.apply(
        mutation(
            List.of(entity(in), entity(column(in, "b")), entity(column(in, "a"))),
            List.of(
                rel(Types.REL_COLUMNS, in, column(in, "b")),
                rel(Types.REL_COLUMNS, in, column(in, "a")))));

    assertThat(catalog.related(guid(in), Types.REL_COLUMNS, Direction.DOWNSTREAM, Visibility.all()))
        .extracting(Entity::key)
        .containsExactly(column(in, "a"), column(in, "b"));
    assertThat(
            catalog.related(
                guid(column(in, "a")), Types.REL_COLUMNS, Direction.BOTH, Visibility.all()))
        .extracting(Entity::key)
        .containsExactly(in);
    assertThatThrownBy(
            () ->
                catalog.related(guid(in), "no_such_relationship", Direction.BOTH, Visibility.all()))
        .isInstanceOf(InvalidEntityException.class)
        .hasMessageContaining("no_such_relationship");
  }

  @Test
  void shouldReturnTheFeedItWasGiven() {
    assertThat(catalog.changes()).isSameAs(feed);
  }

  @Test
  void shouldRefuseUseAfterClose() {
    catalog.close();
    assertThatThrownBy(() -> catalog.get(Guid.forKey(topic("a")), Visibility.all()))
        .isInstanceOf(io.tributary.catalog.CatalogException.class)
        .hasMessageContaining("closed");
    Optional<Entity> none = Optional.empty();
    assertThat(none).isEmpty();
  }
}
