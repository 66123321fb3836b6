package io.tributary.catalog.janus;

import static io.tributary.catalog.janus.Fixtures.T0;
import static io.tributary.catalog.janus.Fixtures.T1;
import static io.tributary.catalog.janus.Fixtures.T2;
import static io.tributary.catalog.janus.Fixtures.job;
import static io.tributary.catalog.janus.Fixtures.mutation;
import static io.tributary.catalog.janus.Fixtures.process;
import static io.tributary.catalog.janus.Fixtures.topic;
import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.catalog.ChangeFeed;
import io.tributary.catalog.Direction;
import io.tributary.catalog.Entity;
import io.tributary.catalog.EntityKey;
import io.tributary.catalog.EntityWrite;
import io.tributary.catalog.Guid;
import io.tributary.catalog.LineageGraph;
import io.tributary.catalog.LineageLevel;
import io.tributary.catalog.LineageQuery;
import io.tributary.catalog.Mutation;
import io.tributary.catalog.SearchQuery;
import io.tributary.catalog.Types;
import io.tributary.catalog.Visibility;
import io.tributary.catalog.types.TypeRegistry;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Two catalog instances on one keyspace, as two servers of one catalog would run. */
class SharedKeyspaceIT {
  private static final CqlKeyspace KEYSPACE = new CqlKeyspace("shared");
  private static boolean opened;

  private JanusCatalog first;
  private JanusCatalog second;
  private ChangeFeed firstFeed;
  private ChangeFeed secondFeed;

  @BeforeEach
  void openBoth() {
    if (opened) {
      KEYSPACE.wipe();
    }
    opened = true;
    firstFeed = new ChangeFeed();
    secondFeed = new ChangeFeed();
    first = JanusCatalog.open(KEYSPACE.config(), TypeRegistry.builtIn(), firstFeed);
    second = JanusCatalog.open(KEYSPACE.config(), TypeRegistry.builtIn(), secondFeed);
  }

  @AfterEach
  void closeBoth() {
    first.close();
    second.close();
  }

  @AfterAll
  static void closeKeyspace() {
    KEYSPACE.close();
  }

  @Test
  void eachInstanceReadsWhatTheOtherWrote() {
    first.apply(process(job("enrich"), List.of(topic("orders")), List.of(topic("enriched"))));

    Entity orders = second.get(topic("orders"), Visibility.all()).orElseThrow();
    assertThat(orders.guid()).isEqualTo(Guid.forKey(topic("orders")));

    second.apply(process(job("score"), List.of(topic("enriched")), List.of(topic("scores"))));

    LineageGraph lineage =
        first.lineage(
            new LineageQuery(
                Guid.forKey(topic("orders")), Direction.DOWNSTREAM, 5, LineageLevel.DATASET),
            Visibility.all());
    assertThat(lineage.entities().values())
        .extracting(Entity::name)
        .contains("orders", "enriched", "scores", "enrich", "score");
    assertThat(first.search(SearchQuery.byType(Types.DATASET), Visibility.all()).total())
        .isEqualTo(3);
    assertThat(second.countByType(Visibility.all())).isEqualTo(first.countByType(Visibility.all()));
  }

  @Test
  void concurrentCreatesOfOneQualifiedNameEndAsOneEntityWithBothWrites() throws Exception {
    int rounds = 5;
    int entitiesPerBatch = 10;
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      List<EntityKey> all = new ArrayList<>();
      for (int round = 0; round < rounds; round++) {
        List<EntityKey> keys = new ArrayList<>();
        for (int i = 0; i < entitiesPerBatch; i++) {
          keys.add(topic("race-" + round + "-" + i));
        }
        all.addAll(keys);
        CyclicBarrier start = new CyclicBarrier(2);
        // The same keys from both instances at once; each writes one attribute of its own.
        Future<?> a = pool.submit(() -> writeAfter(start, first, keys, "writtenBy", "first", T0));
        Future<?> b = pool.submit(() -> writeAfter(start, second, keys, "seenBy", "second", T1));
        a.get();
        b.get();
      }

      assertThat(KEYSPACE.entityVertices()).isEqualTo(all.size());
      for (EntityKey key : all) {
        for (JanusCatalog reader : List.of(first, second)) {
          Entity entity = reader.get(key, Visibility.all()).orElseThrow();
          assertThat(entity.guid()).isEqualTo(Guid.forKey(key));
          assertThat(entity.attributes())
              .containsEntry("writtenBy", "first")
              .containsEntry("seenBy", "second");
        }
      }
      assertThat(first.search(SearchQuery.byType(Types.KAFKA_TOPIC), Visibility.all()).total())
          .isEqualTo(all.size());
    } finally {
      pool.shutdownNow();
    }
  }

  /** What the cluster's change log does: the second's commits reach the first's feed. */
  private void changeLogFromSecondToFirst() {
    secondFeed.relay(firstFeed::publishRemote);
  }

  private static Mutation write(EntityKey key, Map<String, Object> attributes, Instant asOf) {
    return mutation(
        List.of(new EntityWrite(key, Fixtures.nameOf(key), attributes, Set.of(), asOf)), List.of());
  }

  @Test
  void aRepeatedWriteIsReadAgainAndWinsOnceTheOtherInstancesChangeArrives() {
    changeLogFromSecondToFirst();
    EntityKey orders = topic("orders");
    first.apply(write(orders, Map.of("owner", "bob", "partitions", 3), T0));
    first.apply(write(orders, Map.of("owner", "bob", "partitions", 3), T0.plusSeconds(1)));

    second.apply(write(orders, Map.of("owner", "carol"), T1));
    // Newer than the second's write and equal to the first's last write: read again, it wins.
    first.apply(write(orders, Map.of("owner", "bob", "partitions", 3), T2));

    for (JanusCatalog reader : List.of(first, second)) {
      assertThat(reader.get(orders, Visibility.all()).orElseThrow().attributes())
          .containsEntry("owner", "bob")
          .containsEntry("partitions", 3);
    }
  }

  @Test
  void aRepeatedRefreshCreatesAgainAnEntityTheOtherInstanceDeleted() {
    changeLogFromSecondToFirst();
    Mutation enrich = process(job("enrich"), List.of(topic("orders")), List.of(topic("enriched")));
    first.apply(enrich);
    first.apply(enrich);

    assertThat(second.delete(Guid.forKey(topic("orders")))).isTrue();
    first.apply(enrich);

    LineageGraph lineage =
        second.lineage(
            new LineageQuery(
                Guid.forKey(topic("orders")), Direction.DOWNSTREAM, 2, LineageLevel.DATASET),
            Visibility.all());
    assertThat(lineage.entities().values())
        .extracting(Entity::name)
        .contains("orders", "enrich", "enriched");
    assertThat(KEYSPACE.entityVertices()).isEqualTo(3);
  }

  @Test
  void aChangedRefreshFindsTheNewVertexOfAnEntityTheOtherInstanceDeletedAndCreatedAgain() {
    EntityKey orders = topic("orders");
    first.apply(process(job("enrich"), List.of(orders), List.of(topic("enriched"))));
    second.delete(Guid.forKey(orders));
    second.apply(write(orders, Map.of("owner", "carol"), T1));

    // No change log here: the first's remembered vertex id of orders is stale, and found so.
    first.apply(write(orders, Map.of("partitions", 6), T2));
    first.apply(process(job("enrich"), List.of(orders), List.of(topic("enriched"))));

    Entity stored = second.get(orders, Visibility.all()).orElseThrow();
    assertThat(stored.attributes()).containsEntry("owner", "carol").containsEntry("partitions", 6);
    assertThat(KEYSPACE.entityVertices()).isEqualTo(3);
    assertThat(
            second.related(Guid.forKey(orders), Types.REL_INPUTS, Direction.BOTH, Visibility.all()))
        .extracting(Entity::name)
        .containsExactly("enrich");
  }

  private static Void writeAfter(
      CyclicBarrier start,
      JanusCatalog catalog,
      List<EntityKey> keys,
      String attribute,
      String value,
      java.time.Instant asOf)
      throws Exception {
    List<EntityWrite> writes = new ArrayList<>();
    for (EntityKey key : keys) {
      writes.add(
          new EntityWrite(key, Fixtures.nameOf(key), Map.of(attribute, value), Set.of(), asOf));
    }
    Mutation m = mutation(writes, List.of());
    start.await();
    catalog.apply(m);
    return null;
  }
}
