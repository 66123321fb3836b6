package io.tributary.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.tributary.catalog.ChangeFeed;
import io.tributary.catalog.Direction;
import io.tributary.catalog.EntityKey;
import io.tributary.catalog.EntityWrite;
import io.tributary.catalog.Guid;
import io.tributary.catalog.Mutation;
import io.tributary.catalog.MutationResult;
import io.tributary.catalog.RelationshipWrite;
import io.tributary.catalog.Types;
import io.tributary.catalog.Visibility;
import io.tributary.catalog.janus.JanusCatalog;
import io.tributary.catalog.janus.JanusConfig;
import io.tributary.catalog.types.TypeRegistry;
import io.tributary.contract.TenantId;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The committer on the embedded catalog: a large event among small ones, and shutdown. */
class GroupCommitterOnCatalogTest {
  private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

  @TempDir Path dataDir;

  private JanusCatalog catalog;
  private GroupCommitter committer;

  @BeforeEach
  void open() {
    catalog =
        JanusCatalog.open(JanusConfig.berkeley(dataDir), TypeRegistry.builtIn(), new ChangeFeed());
  }

  @AfterEach
  void close() {
    if (committer != null) {
      committer.close();
    }
    catalog.close();
  }

  private static EntityKey key(String type, String name) {
    return new EntityKey(TenantId.DEFAULT, type, name);
  }

  /** A job writing {@code outputs} new topics. */
  private static Mutation wide(String job, int outputs) {
    EntityKey process = key(Types.FLINK_APPLICATION, job);
    List<EntityWrite> entities = new ArrayList<>();
    List<RelationshipWrite> rels = new ArrayList<>();
    entities.add(new EntityWrite(process, job, Map.of("owner", "bob"), Set.of(), T0));
    for (int i = 0; i < outputs; i++) {
      EntityKey topic = key(Types.KAFKA_TOPIC, job + "-out-" + i);
      entities.add(new EntityWrite(topic, null, Map.of("partitions", 3), Set.of(), T0));
      rels.add(new RelationshipWrite(Types.REL_OUTPUTS, process, topic, Map.of(), T0));
    }
    return new Mutation("wide " + job, entities, rels);
  }

  /** A streaming job's START: one input, one output, all new. */
  private static Mutation small(int i) {
    EntityKey process = key(Types.FLINK_APPLICATION, "small-" + i);
    EntityKey in = key(Types.KAFKA_TOPIC, "small-in-" + i);
    EntityKey out = key(Types.KAFKA_TOPIC, "small-out-" + i);
    return new Mutation(
        "small " + i,
        List.of(
            new EntityWrite(process, "small-" + i, Map.of(), Set.of(), T0),
            EntityWrite.of(in, T0),
            EntityWrite.of(out, T0)),
        List.of(
            new RelationshipWrite(Types.REL_INPUTS, in, process, Map.of(), T0),
            new RelationshipWrite(Types.REL_OUTPUTS, process, out, Map.of(), T0)));
  }

  @Test
  void shouldKeepSmallEventsQuickWhileAnEventWithTenThousandOutputsCommits() {
    committer =
        GroupCommitter.start(
            catalog, GroupCommitter.Settings.defaults(), new SimpleMeterRegistry());
    committer.submit(small(-1)).orTimeout(30, TimeUnit.SECONDS).join();

    CompletableFuture<MutationResult> large = committer.submit(wide("wide", 10_000));
    List<Long> latencies = new ArrayList<>();
    int i = 0;
    // Small events posted one after another, each waiting for its commit, as a client does.
    while (!large.isDone() || i < 20) {
      long start = System.nanoTime();
      committer.submit(small(i++)).orTimeout(30, TimeUnit.SECONDS).join();
      latencies.add((System.nanoTime() - start) / 1_000_000);
    }
    MutationResult result = large.orTimeout(120, TimeUnit.SECONDS).join();

    long[] sorted = latencies.stream().mapToLong(Long::longValue).sorted().toArray();
    long p99 = sorted[(int) Math.ceil(sorted.length * 0.99) - 1];
    assertThat(sorted[sorted.length - 1])
        .as("slowest small event in ms; p99 %d, all %s", p99, Arrays.toString(sorted))
        .isLessThan(2_000);
    assertThat(result.created()).hasSize(10_001);
    assertThat(
            catalog.related(
                Guid.forKey(key(Types.FLINK_APPLICATION, "wide")),
                Types.REL_OUTPUTS,
                Direction.DOWNSTREAM,
                Visibility.all()))
        .hasSize(10_000);
    for (int k = 0; k < i; k++) {
      assertThat(catalog.get(key(Types.FLINK_APPLICATION, "small-" + k), Visibility.all()))
          .isPresent();
    }
  }

  @Test
  void shouldCloseWithinItsTimeoutAndRollBackAHugeTransactionInFlight() throws Exception {
    committer =
        GroupCommitter.start(
            catalog,
            new GroupCommitter.Settings(256, 100, Duration.ofSeconds(1), Duration.ofSeconds(3))
                .withChunkWrites(1_000_000),
            new SimpleMeterRegistry());
    MutationResult acknowledged = committer.submit(small(0)).orTimeout(30, TimeUnit.SECONDS).join();
    CompletableFuture<MutationResult> huge = committer.submit(wide("huge", 50_000));
    // The writer has taken the huge event off the queue: it is writing it.
    await().atMost(Duration.ofSeconds(10)).until(() -> committer.queueDepth() == 0);

    long start = System.nanoTime();
    committer.close();
    long closedAfter = (System.nanoTime() - start) / 1_000_000;

    assertThat(closedAfter).isLessThan(3_500);
    assertThatThrownBy(() -> huge.get(1, TimeUnit.SECONDS))
        .hasCauseInstanceOf(IngestClosedException.class);
    // The writer rolled back and let go of the catalog: closing it does not wait for the write.
    assertThat(CompletableFuture.runAsync(catalog::close)).succeedsWithin(Duration.ofSeconds(10));
    catalog =
        JanusCatalog.open(JanusConfig.berkeley(dataDir), TypeRegistry.builtIn(), new ChangeFeed());
    assertThat(acknowledged.created()).hasSize(3);
    assertThat(catalog.get(key(Types.FLINK_APPLICATION, "small-0"), Visibility.all())).isPresent();
    assertThat(catalog.get(key(Types.FLINK_APPLICATION, "huge"), Visibility.all())).isEmpty();
    assertThat(catalog.countByType(t -> true, Visibility.all()))
        .containsEntry(Types.KAFKA_TOPIC, 2L)
        .containsEntry(Types.FLINK_APPLICATION, 1L);
  }
}
