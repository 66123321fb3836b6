package io.tributary.catalog.janus;

import static io.tributary.catalog.janus.Fixtures.T0;
import static io.tributary.catalog.janus.Fixtures.T1;
import static io.tributary.catalog.janus.Fixtures.T2;
import static io.tributary.catalog.janus.Fixtures.job;
import static io.tributary.catalog.janus.Fixtures.topic;
import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.catalog.ChangeEvent;
import io.tributary.catalog.ChangeFeed;
import io.tributary.catalog.EntityKey;
import io.tributary.catalog.EntityWrite;
import io.tributary.catalog.Mutation;
import io.tributary.catalog.MutationResult;
import io.tributary.catalog.RelationshipWrite;
import io.tributary.catalog.Types;
import io.tributary.catalog.types.TypeRegistry;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.janusgraph.core.JanusGraph;
import org.janusgraph.core.JanusGraphFactory;
import org.janusgraph.core.JanusGraphTransaction;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What the writer reads and writes for a batch, on JanusGraph's in-memory backend. */
class MutationWriterTest {
  private JanusGraph graph;
  private WriteCache cache;
  private MutationWriter writer;
  private JanusGraphTransaction tx;

  @BeforeEach
  void openGraph() {
    JanusGraphFactory.Builder builder = JanusGraphFactory.build();
    GraphSettings.of(JanusConfig.inMemory()).forEach(builder::set);
    graph = builder.open();
    GraphSchema.ensure(graph, false);
    Json json = new Json();
    cache = new WriteCache(10_000, 10_000);
    writer =
        new MutationWriter(
            new RelationshipRules(TypeRegistry.builtIn()),
            new EntityVertices(json),
            json,
            Clock.fixed(Instant.parse("2026-02-01T00:00:00Z"), ZoneOffset.UTC),
            cache);
  }

  @AfterEach
  void closeGraph() {
    if (tx != null && tx.isOpen()) {
      tx.rollback();
    }
    graph.close();
  }

  /** Writes a batch in a transaction left open for the test to inspect. */
  private MutationWriter.Outcome write(List<Mutation> batch) {
    tx =
        graph
            .buildTransaction()
            .consistencyChecks(false)
            .checkExternalVertexExistence(false)
            .start();
    return writer.write(tx, batch, () -> false);
  }

  private MutationWriter.Outcome commit(List<Mutation> batch) {
    MutationWriter.Outcome outcome = write(batch);
    tx.commit();
    outcome.committed(cache);
    return outcome;
  }

  /** A job writing {@code outputs} topics, each with two attributes, as of {@code asOf}. */
  private static Mutation wideJob(int outputs, Instant asOf, long rowCount) {
    EntityKey job = job("wide");
    List<EntityWrite> entities = new ArrayList<>();
    List<RelationshipWrite> rels = new ArrayList<>();
    entities.add(new EntityWrite(job, "wide", Map.of("owner", "bob"), Set.of(), asOf));
    for (int i = 0; i < outputs; i++) {
      EntityKey out = topic("out-" + i);
      entities.add(
          new EntityWrite(
              out, "out-" + i, Map.of("partitions", 3, "rowCount", rowCount), Set.of(), asOf));
      rels.add(new RelationshipWrite(Types.REL_OUTPUTS, job, out, Map.of(), asOf));
    }
    return new Mutation("wide", entities, rels);
  }

  @Test
  void shouldLookUpNoEdgeOfAnEntityNewInTheBatch() {
    MutationWriter.Outcome outcome = commit(List.of(wideJob(2_000, T0, 1)));

    assertThat(outcome.edgeLookups()).isZero();
    assertThat(outcome.lookups()).isEqualTo(2_001);
    assertThat(outcome.drafts())
        .filteredOn(d -> d.kind() == ChangeEvent.Kind.RELATIONSHIP_CREATED)
        .hasSize(2_000);
    assertThat(outcome.results().get(0).created()).hasSize(2_001);
  }

  @Test
  void shouldReadAndWriteNothingToRefreshAKnownJobWithUnchangedValues() {
    commit(List.of(wideJob(500, T0, 1)));

    MutationWriter.Outcome refresh = write(List.of(wideJob(500, T1, 1)));

    assertThat(refresh.lookups()).isZero();
    assertThat(refresh.edgeLookups()).isZero();
    assertThat(tx.hasModifications()).isFalse();
    assertThat(refresh.results().get(0).updated()).isEmpty();
    assertThat(refresh.drafts()).isEmpty();
  }

  @Test
  void shouldWriteOnlyWhatChangedWhenARefreshCarriesNewStatistics() {
    commit(List.of(wideJob(50, T0, 1)));

    MutationWriter.Outcome refresh = commit(List.of(wideJob(50, T1, 2)));

    assertThat(refresh.lookups()).isZero();
    assertThat(refresh.results().get(0).updated()).hasSize(50).doesNotContain(job("wide"));
    assertThat(refresh.drafts())
        .allMatch(d -> d.kind() == ChangeEvent.Kind.ENTITY_UPDATED)
        .allMatch(d -> d.attributes().equals(Set.of("rowCount")))
        .hasSize(50);
    assertThat(cache.entity(topic("out-7")).attributes().get("rowCount").asLong()).isEqualTo(2);
  }

  @Test
  void shouldGiveEachMutationOfABatchTheResultItWouldHaveAlone() {
    EntityKey orders = topic("orders");
    Mutation create =
        new Mutation(
            "create",
            List.of(new EntityWrite(orders, "orders", Map.of("owner", "bob"), Set.of(), T0)),
            List.of());
    Mutation change =
        new Mutation(
            "change",
            List.of(new EntityWrite(orders, "orders", Map.of("owner", "carol"), Set.of(), T2)),
            List.of());
    Mutation late =
        new Mutation(
            "late",
            List.of(new EntityWrite(orders, "orders", Map.of("owner", "dave"), Set.of(), T1)),
            List.of());

    MutationWriter.Outcome outcome = commit(List.of(create, change, late));

    List<MutationResult> results = outcome.results();
    assertThat(results.get(0).created()).containsExactly(orders);
    assertThat(results.get(1).created()).isEmpty();
    assertThat(results.get(1).updated()).containsExactly(orders);
    assertThat(results.get(2).updated()).isEmpty();
    assertThat(outcome.drafts())
        .extracting(ChangeFeed.Draft::kind)
        .containsExactly(ChangeEvent.Kind.ENTITY_CREATED, ChangeEvent.Kind.ENTITY_UPDATED);
    assertThat(outcome.lookups()).isEqualTo(1);
    assertThat(cache.entity(orders).attributes().get("owner").asText()).isEqualTo("carol");
  }

  @Test
  void shouldLookUpAStoredEdgeOnceAndBeforeAddingAnyRelation() {
    commit(List.of(wideJob(100, T0, 1)));
    cache.forget(List.of(job("wide")));

    MutationWriter.Outcome refresh = commit(List.of(wideJob(100, T1, 1)));

    assertThat(refresh.lookups()).isEqualTo(1);
    // The edge cache still knows the edges: the job's vertex id did not change.
    assertThat(refresh.edgeLookups()).isZero();
    assertThat(refresh.drafts()).isEmpty();
  }

  @Test
  void shouldFindStoredEdgesWithoutDuplicatingThemWhenNothingIsCached() {
    commit(List.of(wideJob(100, T0, 1)));
    cache.forget(List.of(job("wide")));
    Json json = new Json();
    cache = new WriteCache(10_000, 10_000);
    writer =
        new MutationWriter(
            new RelationshipRules(TypeRegistry.builtIn()),
            new EntityVertices(json),
            json,
            Clock.systemUTC(),
            cache);

    MutationWriter.Outcome refresh = commit(List.of(wideJob(100, T1, 1)));

    assertThat(refresh.lookups()).isEqualTo(101);
    assertThat(refresh.edgeLookups()).isEqualTo(100);
    assertThat(refresh.drafts()).isEmpty();
    JanusGraphTransaction read = graph.buildTransaction().readOnly().start();
    try {
      assertThat(
              read.traversal()
                  .V()
                  .has(GraphSchema.KEY, EntityVertices.keyValue(job("wide")))
                  .outE(Types.REL_OUTPUTS)
                  .count()
                  .next())
          .isEqualTo(100L);
    } finally {
      read.rollback();
    }
  }

  /** A writer as on a shared graph: no write cache, vertex ids and edges remembered. */
  private VertexIds sharedGraphWriter() {
    return sharedGraphWriter(RepeatedWrites.off());
  }

  private RepeatedWrites repeated = RepeatedWrites.off();

  private VertexIds sharedGraphWriter(RepeatedWrites repeatedWrites) {
    Json json = new Json();
    VertexIds ids = new VertexIds(10_000, 10_000);
    cache = WriteCache.off();
    repeated = repeatedWrites;
    writer =
        new MutationWriter(
            new RelationshipRules(TypeRegistry.builtIn()),
            new EntityVertices(json),
            json,
            Clock.systemUTC(),
            cache,
            ids,
            repeated);
    return ids;
  }

  private MutationWriter.Outcome commitShared(VertexIds ids, List<Mutation> batch) {
    repeated.batchStarted();
    MutationWriter.Outcome outcome = write(batch);
    tx.commit();
    outcome.committed(cache, ids, repeated);
    return outcome;
  }

  private String storedAttributes(EntityKey key) {
    JanusGraphTransaction read = graph.buildTransaction().readOnly().start();
    try {
      return (String)
          read.traversal()
              .V()
              .has(GraphSchema.KEY, EntityVertices.keyValue(key))
              .values(GraphSchema.ATTRIBUTES)
              .next();
    } finally {
      read.rollback();
    }
  }

  private final long[] now = {0};

  private RepeatedWrites repeatedWrites() {
    return new RepeatedWrites(10_000, java.time.Duration.ofSeconds(30), () -> now[0]);
  }

  @Test
  void shouldNeitherReadNorWriteEntitiesWhoseWritesRepeatThisWritersTrustedLastWrite() {
    VertexIds ids = sharedGraphWriter(repeatedWrites());
    commitShared(ids, List.of(wideJob(50, T0, 1)));

    MutationWriter.Outcome refresh = write(List.of(wideJob(50, T1, 1)));

    assertThat(refresh.unread()).isEqualTo(51);
    assertThat(refresh.lookups()).isZero();
    assertThat(refresh.edgeLookups()).isZero();
    assertThat(tx.hasModifications()).isFalse();
    assertThat(refresh.drafts()).isEmpty();
  }

  @Test
  void shouldReadOnlyTheEntitiesWhoseValuesChange() {
    VertexIds ids = sharedGraphWriter(repeatedWrites());
    EntityKey job = job("wide");
    commitShared(ids, List.of(wideJob(20, T0, 1)));
    Mutation refresh = wideJob(20, T1, 1);
    List<EntityWrite> entities = new ArrayList<>(refresh.entities());
    entities.set(
        3, new EntityWrite(topic("out-2"), "out-2", Map.of("partitions", 6), Set.of(), T1));

    MutationWriter.Outcome outcome =
        commitShared(ids, List.of(new Mutation("r", entities, refresh.relationships())));

    assertThat(outcome.unread()).isEqualTo(20);
    assertThat(outcome.results().get(0).updated()).containsExactly(topic("out-2"));
    assertThat(storedAttributes(topic("out-2"))).contains("\"partitions\":6", "\"rowCount\":1");
    assertThat(outcome.results().get(0).guids()).containsKey(job);
  }

  @Test
  void shouldReadAgainAnEntityAnotherServerChangedOrOnceTheTrustHasExpired() {
    RepeatedWrites repeatedWrites = repeatedWrites();
    VertexIds ids = sharedGraphWriter(repeatedWrites);
    commitShared(ids, List.of(wideJob(5, T0, 1)));

    repeatedWrites.changedElsewhere(List.of(topic("out-1")));
    MutationWriter.Outcome afterChange = commitShared(ids, List.of(wideJob(5, T1, 1)));
    now[0] += java.time.Duration.ofSeconds(31).toNanos();
    MutationWriter.Outcome afterExpiry = commitShared(ids, List.of(wideJob(5, T2, 1)));

    assertThat(afterChange.unread()).isEqualTo(5);
    assertThat(afterChange.repeats()).containsOnlyKeys(topic("out-1"));
    // Every entry but out-1's is older than the trust; out-1 was read again at the second batch.
    assertThat(afterExpiry.unread()).isZero();
    assertThat(afterExpiry.repeats()).hasSize(6);
  }

  @Test
  void shouldNotRecordAnEntityAnotherServerChangedWhileTheBatchWasWritten() {
    RepeatedWrites repeatedWrites = repeatedWrites();
    VertexIds ids = sharedGraphWriter(repeatedWrites);
    repeatedWrites.batchStarted();
    MutationWriter.Outcome outcome = write(List.of(wideJob(2, T0, 1)));
    repeatedWrites.changedElsewhere(List.of(topic("out-0")));
    tx.commit();
    outcome.committed(cache, ids, repeatedWrites);

    assertThat(repeatedWrites.trusted(topic("out-0"))).isNull();
    assertThat(repeatedWrites.trusted(topic("out-1"))).isNotNull();
  }

  private static Mutation newReaderOf(EntityKey topic) {
    EntityKey reader = job("reader");
    return new Mutation(
        "new reader",
        List.of(
            new EntityWrite(reader, "reader", Map.of(), Set.of(), T1),
            new EntityWrite(topic, "out-0", Map.of("partitions", 3, "rowCount", 1L), Set.of(), T1)),
        List.of(new RelationshipWrite(Types.REL_INPUTS, topic, reader, Map.of(), T1)));
  }

  @Test
  void shouldAddAnEdgeToASkippedEntityOnlyOnceItsVertexIsConfirmed() {
    VertexIds ids = sharedGraphWriter(repeatedWrites());
    commitShared(ids, List.of(wideJob(2, T0, 1)));

    MutationWriter.Outcome outcome = commitShared(ids, List.of(newReaderOf(topic("out-0"))));

    assertThat(outcome.unread()).isEqualTo(1);
    assertThat(outcome.drafts())
        .filteredOn(d -> d.kind() == ChangeEvent.Kind.RELATIONSHIP_CREATED)
        .hasSize(1);
  }

  @Test
  void shouldGiveUpTrustInASkippedEntityWhoseVertexAnotherServerDeleted() {
    RepeatedWrites repeatedWrites = repeatedWrites();
    VertexIds ids = sharedGraphWriter(repeatedWrites);
    commitShared(ids, List.of(wideJob(2, T0, 1)));
    JanusGraphTransaction other = graph.newTransaction();
    other
        .traversal()
        .V()
        .has(GraphSchema.KEY, EntityVertices.keyValue(topic("out-0")))
        .drop()
        .iterate();
    other.commit();

    repeatedWrites.batchStarted();
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> write(List.of(newReaderOf(topic("out-0")))))
        .isInstanceOf(MutationWriter.StaleEntityException.class)
        .satisfies(e -> assertThat(JanusCatalog.isConflict(e)).isTrue());
    tx.rollback();
    repeatedWrites.batchFailed();
    MutationWriter.Outcome retried = commitShared(ids, List.of(newReaderOf(topic("out-0"))));

    assertThat(retried.results().get(0).created()).containsExactly(job("reader"), topic("out-0"));
    assertThat(retried.unread()).isZero();
  }

  @Test
  void shouldRefreshByRememberedVertexIdsWithoutIndexOrEdgeLookupsWhenNothingIsCached() {
    VertexIds ids = sharedGraphWriter();
    commitShared(ids, List.of(wideJob(100, T0, 1)));

    MutationWriter.Outcome refresh = commitShared(ids, List.of(wideJob(100, T1, 2)));

    assertThat(refresh.lookups()).isZero();
    assertThat(refresh.edgeLookups()).isZero();
    assertThat(refresh.staleIds()).isEmpty();
    assertThat(refresh.results().get(0).updated()).hasSize(100);
    assertThat(refresh.drafts()).allMatch(d -> d.kind() == ChangeEvent.Kind.ENTITY_UPDATED);
    JanusGraphTransaction read = graph.buildTransaction().readOnly().start();
    try {
      assertThat(read.traversal().V().has(GraphSchema.KEY).count().next()).isEqualTo(101L);
      assertThat(read.traversal().E().count().next()).isEqualTo(100L);
    } finally {
      read.rollback();
    }
  }

  @Test
  void shouldLookUpByKeyAnEntityWhoseRememberedVertexWasDeletedElsewhere() {
    VertexIds ids = sharedGraphWriter();
    commitShared(ids, List.of(wideJob(3, T0, 1)));
    // Another writer deletes a topic and creates it again: a new vertex under the same key.
    JanusGraphTransaction other = graph.newTransaction();
    other
        .traversal()
        .V()
        .has(GraphSchema.KEY, EntityVertices.keyValue(topic("out-1")))
        .drop()
        .iterate();
    other.commit();
    commitShared(
        VertexIds.off(),
        List.of(
            new Mutation(
                "other",
                List.of(
                    new EntityWrite(topic("out-1"), "out-1", Map.of("owner", "eve"), Set.of(), T1)),
                List.of())));

    MutationWriter.Outcome refresh = commitShared(ids, List.of(wideJob(3, T2, 2)));

    assertThat(refresh.staleIds()).containsExactly(topic("out-1"));
    assertThat(refresh.lookups()).isEqualTo(1);
    assertThat(refresh.drafts())
        .filteredOn(d -> d.kind() == ChangeEvent.Kind.RELATIONSHIP_CREATED)
        .hasSize(1);
    JanusGraphTransaction read = graph.buildTransaction().readOnly().start();
    try {
      assertThat(
              read.traversal()
                  .V()
                  .has(GraphSchema.KEY, EntityVertices.keyValue(topic("out-1")))
                  .values(GraphSchema.ATTRIBUTES)
                  .toList())
          .singleElement()
          .asString()
          .contains("\"owner\":\"eve\"", "\"rowCount\":2");
      assertThat(
              read.traversal()
                  .V()
                  .has(GraphSchema.KEY, EntityVertices.keyValue(job("wide")))
                  .outE(Types.REL_OUTPUTS)
                  .count()
                  .next())
          .isEqualTo(3L);
    } finally {
      read.rollback();
    }
    // The new vertex is remembered: the next refresh reads it by id.
    assertThat(commitShared(ids, List.of(wideJob(3, T2.plusSeconds(1), 3))).lookups()).isZero();
  }
}
