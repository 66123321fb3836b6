package io.tributary.catalog.janus;

import static io.tributary.catalog.janus.Fixtures.ACME;
import static io.tributary.catalog.janus.Fixtures.GLOBEX;
import static io.tributary.catalog.janus.Fixtures.T0;
import static io.tributary.catalog.janus.Fixtures.T1;
import static io.tributary.catalog.janus.Fixtures.T2;
import static io.tributary.catalog.janus.Fixtures.job;
import static io.tributary.catalog.janus.Fixtures.process;
import static io.tributary.catalog.janus.Fixtures.topic;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tributary.catalog.CatalogException;
import io.tributary.catalog.ChangeFeed;
import io.tributary.catalog.EntityKey;
import io.tributary.catalog.EntityWrite;
import io.tributary.catalog.InvalidEntityException;
import io.tributary.catalog.Mutation;
import io.tributary.catalog.MutationResult;
import io.tributary.catalog.RelationshipWrite;
import io.tributary.catalog.Types;
import io.tributary.catalog.Visibility;
import io.tributary.catalog.types.TypeRegistry;
import io.tributary.contract.TenantId;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import org.apache.tinkerpop.gremlin.structure.Vertex;
import org.janusgraph.core.JanusGraph;
import org.janusgraph.core.JanusGraphFactory;
import org.janusgraph.core.JanusGraphTransaction;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The write path's caches, deferred times, counts and cancellation, on BerkeleyJE. */
class JanusCatalogWritePathTest {
  @TempDir Path dataDir;

  private final TypeRegistry types = TypeRegistry.builtIn();
  private JanusCatalog catalog;

  @BeforeEach
  void open() {
    catalog = JanusCatalog.open(JanusConfig.berkeley(dataDir), types, new ChangeFeed());
  }

  @AfterEach
  void close() {
    catalog.close();
  }

  private void reopen() {
    catalog.close();
    catalog = JanusCatalog.open(JanusConfig.berkeley(dataDir), types, new ChangeFeed());
  }

  private static Mutation owner(EntityKey key, String owner, java.time.Instant asOf) {
    return new Mutation(
        "owner", List.of(new EntityWrite(key, null, Map.of("owner", owner), Set.of(), asOf)), null);
  }

  private String ownerOf(EntityKey key) {
    return (String) catalog.get(key, Visibility.all()).orElseThrow().attributes().get("owner");
  }

  @Test
  void shouldRejectALateWriteAfterARefreshThatChangedNoValue() {
    EntityKey orders = topic("orders");
    catalog.apply(owner(orders, "bob", T0));
    MutationResult refresh = catalog.apply(owner(orders, "bob", T2));

    MutationResult late = catalog.apply(owner(orders, "alice", T1));

    assertThat(refresh.updated()).isEmpty();
    assertThat(late.updated()).isEmpty();
    assertThat(ownerOf(orders)).isEqualTo("bob");
  }

  @Test
  void shouldKeepTheTimesOfARefreshThatChangedNoValueAcrossARestart() {
    EntityKey orders = topic("orders");
    catalog.apply(owner(orders, "bob", T0));
    catalog.apply(owner(orders, "bob", T2));

    reopen();
    catalog.apply(owner(orders, "alice", T1));

    assertThat(ownerOf(orders)).isEqualTo("bob");
  }

  @Test
  void shouldKeepTheTimesOfARepeatedWriteWhenALaterWriteChangesAnotherAttribute() {
    EntityKey orders = topic("orders");
    Map<String, Object> both = Map.of("owner", "bob", "team", "payments");
    catalog.apply(
        new Mutation("both", List.of(new EntityWrite(orders, null, both, Set.of(), T0)), null));
    catalog.apply(
        new Mutation("again", List.of(new EntityWrite(orders, null, both, Set.of(), T2)), null));
    catalog.apply(owner(orders, "carol", T2.plusSeconds(60)));

    MutationResult late =
        catalog.apply(
            new Mutation(
                "late",
                List.of(new EntityWrite(orders, null, Map.of("team", "risk"), Set.of(), T1)),
                null));

    assertThat(late.updated()).isEmpty();
    assertThat(catalog.get(orders, Visibility.all()).orElseThrow().attributes())
        .containsEntry("owner", "carol")
        .containsEntry("team", "payments");
  }

  @Test
  void shouldStartAfreshWhenADeletedEntityIsWrittenAgain() {
    EntityKey orders = topic("orders");
    catalog.apply(owner(orders, "bob", T2));
    assertThat(catalog.delete(catalog.get(orders, Visibility.all()).orElseThrow().guid())).isTrue();

    MutationResult again = catalog.apply(owner(orders, "alice", T0));

    assertThat(again.created()).containsExactly(orders);
    assertThat(ownerOf(orders)).isEqualTo("alice");
  }

  @Test
  void shouldLeaveTheCatalogAsItWasWhenABatchFails() {
    EntityKey orders = topic("orders");
    catalog.apply(owner(orders, "bob", T0));
    Mutation bad =
        new Mutation(
            "bad",
            List.of(new EntityWrite(orders, null, Map.of("owner", "carol"), Set.of(), T1)),
            List.of(new RelationshipWrite(Types.REL_INPUTS, orders, job("missing"), null, T1)));

    assertThatThrownBy(() -> catalog.applyAll(List.of(owner(orders, "dave", T1), bad)))
        .isInstanceOf(InvalidEntityException.class);

    assertThat(ownerOf(orders)).isEqualTo("bob");
    assertThat(catalog.apply(owner(orders, "erin", T1)).updated()).containsExactly(orders);
    assertThat(ownerOf(orders)).isEqualTo("erin");
  }

  @Test
  void shouldRollBackABatchWhoseWriterIsCancelled() {
    List<Mutation> batch = new ArrayList<>();
    for (int i = 0; i < 600; i++) {
      batch.add(process(job("job-" + i), List.of(topic("in-" + i)), List.of(topic("out-" + i))));
    }
    AtomicInteger polls = new AtomicInteger();

    assertThatThrownBy(() -> catalog.applyAll(batch, () -> polls.incrementAndGet() > 2))
        .isInstanceOf(CatalogException.class)
        .hasMessageContaining("cancelled");

    assertThat(catalog.get(job("job-0"), Visibility.all())).isEmpty();
    assertThat(catalog.countByType(t -> true, Visibility.all())).isEmpty();
    assertThat(catalog.apply(batch.get(0)).created()).hasSize(3);
  }

  @Test
  void shouldRefuseALargeMutationNamingAnEntityNoOneHolds() {
    Mutation dangling =
        new Mutation(
            "dangling",
            List.of(new EntityWrite(topic("orders"), null, Map.of(), Set.of(), T0)),
            List.of(
                new RelationshipWrite(Types.REL_INPUTS, topic("orders"), job("nobody"), null, T0)));

    assertThatThrownBy(() -> catalog.validate(dangling))
        .isInstanceOf(InvalidEntityException.class)
        .hasMessageContaining("nobody");
    catalog.apply(process(job("nobody"), List.of(), List.of()));
    catalog.validate(dangling);
  }

  // ---- counts ----------------------------------------------------------------------------

  private void twoTenants() {
    catalog.apply(process(job("clean"), List.of(topic("raw")), List.of(topic("cleaned"))));
    catalog.apply(
        process(job(GLOBEX, "bridge"), List.of(topic(GLOBEX, "a")), List.of(topic(GLOBEX, "b"))));
    catalog.apply(process(job(GLOBEX, "other"), List.of(topic(GLOBEX, "b")), List.of()));
  }

  private static Predicate<TenantId> only(TenantId tenant) {
    return tenant::equals;
  }

  @Test
  void shouldCountWholeTenantsFromCountsAndOtherTenantsByWhatThePartialVisibilityShows() {
    twoTenants();
    Visibility globexB =
        entity -> entity.key().equals(topic(GLOBEX, "b")) || entity.tenant().equals(ACME);

    assertThat(catalog.countByType(only(ACME), entity -> false))
        .containsExactlyInAnyOrderEntriesOf(
            Map.of(Types.KAFKA_TOPIC, 2L, Types.FLINK_APPLICATION, 1L));
    assertThat(catalog.countByType(only(ACME), globexB))
        .containsExactlyInAnyOrderEntriesOf(
            Map.of(Types.KAFKA_TOPIC, 3L, Types.FLINK_APPLICATION, 1L))
        .isEqualTo(catalog.countByType(globexB));
    assertThat(catalog.countByType(t -> true, entity -> false))
        .isEqualTo(catalog.countByType(Visibility.all()))
        .containsEntry(Types.KAFKA_TOPIC, 4L)
        .containsEntry(Types.FLINK_APPLICATION, 3L);
  }

  @Test
  void shouldKeepCountsThroughDeletesRedeliveriesAndRestarts() {
    twoTenants();
    twoTenants();
    catalog.delete(catalog.get(job(GLOBEX, "other"), Visibility.all()).orElseThrow().guid());

    reopen();

    assertThat(catalog.countByType(t -> true, entity -> false))
        .isEqualTo(catalog.countByType(Visibility.all()))
        .containsEntry(Types.KAFKA_TOPIC, 4L)
        .containsEntry(Types.FLINK_APPLICATION, 2L);
  }

  @Test
  void shouldCountAGraphWrittenBeforeCountsWereKeptOnceAtOpen() {
    twoTenants();
    catalog.close();
    JanusGraphFactory.Builder builder = JanusGraphFactory.build();
    GraphSettings.of(JanusConfig.berkeley(dataDir)).forEach(builder::set);
    JanusGraph graph = builder.open();
    try {
      JanusGraphTransaction tx = graph.newTransaction();
      Vertex state =
          EntityVertices.lookup(tx, GraphSchema.KEY, EntityCounts.STATE_KEY).iterator().next();
      state.remove();
      tx.commit();
    } finally {
      graph.close();
    }

    catalog = JanusCatalog.open(JanusConfig.berkeley(dataDir), types, new ChangeFeed());

    assertThat(catalog.countByType(only(GLOBEX), entity -> false))
        .containsExactlyInAnyOrderEntriesOf(
            Map.of(Types.KAFKA_TOPIC, 2L, Types.FLINK_APPLICATION, 2L));
  }

  @Test
  void shouldNotCountTheCatalogsOwnStateAsAnEntity() {
    twoTenants();

    assertThat(
            catalog
                .search(io.tributary.catalog.SearchQuery.byName("~"), Visibility.all())
                .entities())
        .isEmpty();
    assertThat(catalog.countByType(Visibility.all()).values().stream().mapToLong(n -> n).sum())
        .isEqualTo(7);
  }
}
