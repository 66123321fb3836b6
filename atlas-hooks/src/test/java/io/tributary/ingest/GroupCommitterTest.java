package io.tributary.ingest;

import static io.tributary.ingest.ScriptedCatalog.mutation;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.tributary.catalog.InvalidEntityException;
import io.tributary.catalog.MutationResult;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class GroupCommitterTest {
  private final ScriptedCatalog catalog = new ScriptedCatalog();
  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  private GroupCommitter committer;

  private GroupCommitter start(int maxBatch, int capacity) {
    committer =
        GroupCommitter.start(
            catalog,
            new GroupCommitter.Settings(
                maxBatch, capacity, Duration.ofSeconds(2), Duration.ofSeconds(10)),
            registry);
    return committer;
  }

  @AfterEach
  void stop() {
    catalog.release();
    if (committer != null) {
      committer.close();
    }
  }

  @Test
  void shouldCommitALoneMutationAtOnceInItsOwnTransaction() {
    start(100, 100);

    MutationResult result = committer.submit(mutation("one")).orTimeout(5, TimeUnit.SECONDS).join();

    assertThat(result).isNotNull();
    assertThat(catalog.transactions).containsExactly(List.of("one"));
  }

  @Test
  void shouldGroupMutationsQueuedWhileTheWriterIsBusyIntoBatchesOfAtMostMax() throws Exception {
    start(3, 100);
    catalog.hold();
    CompletableFuture<MutationResult> first = committer.submit(mutation("m0"));
    catalog.entered.await(5, TimeUnit.SECONDS);
    List<CompletableFuture<MutationResult>> rest = new ArrayList<>();
    for (int i = 1; i <= 7; i++) {
      rest.add(committer.submit(mutation("m" + i)));
    }
    assertThat(committer.queueDepth()).isEqualTo(7);

    catalog.release();
    first.orTimeout(5, TimeUnit.SECONDS).join();
    CompletableFuture.allOf(rest.toArray(CompletableFuture[]::new))
        .orTimeout(5, TimeUnit.SECONDS)
        .join();

    assertThat(catalog.transactions)
        .containsExactly(
            List.of("m0"), List.of("m1", "m2", "m3"), List.of("m4", "m5", "m6"), List.of("m7"));
    assertThat(registry.get("tributary.ingest.batch.size").summary().max()).isEqualTo(3);
    assertThat(registry.get("tributary.ingest.mutations.committed").counter().count()).isEqualTo(8);
  }

  @Test
  void shouldFailOnlyTheBadMutationsOfAFailedBatch() throws Exception {
    start(10, 100);
    catalog.hold();
    CompletableFuture<MutationResult> blocker = committer.submit(mutation("first"));
    catalog.entered.await(5, TimeUnit.SECONDS);
    List<CompletableFuture<MutationResult>> futures =
        committer.submitAll(List.of(mutation("good-1"), mutation("bad-2"), mutation("good-3")));

    catalog.release();
    blocker.orTimeout(5, TimeUnit.SECONDS).join();
    await().atMost(Duration.ofSeconds(5)).until(() -> futures.stream().allMatch(f -> f.isDone()));

    assertThat(futures.get(0)).isCompleted();
    assertThat(futures.get(2)).isCompleted();
    assertThatThrownBy(futures.get(1)::join)
        .isInstanceOf(CompletionException.class)
        .hasCauseInstanceOf(InvalidEntityException.class)
        .hasMessageContaining("bad-2");
    assertThat(catalog.transactions)
        .containsExactly(List.of("first"), List.of("good-1"), List.of("good-3"));
    assertThat(registry.get("tributary.ingest.mutations.failed").counter().count()).isEqualTo(1);
    assertThat(registry.get("tributary.ingest.batches.split").counter().count()).isEqualTo(1);
  }

  @Test
  void shouldRefuseWithRetryAfterWhenTheQueueIsFullAndQueueNothingOfARefusedBatch()
      throws Exception {
    start(10, 2);
    catalog.hold();
    committer.submit(mutation("in-flight"));
    catalog.entered.await(5, TimeUnit.SECONDS);
    committer.submit(mutation("q1"));

    assertThatThrownBy(() -> committer.submitAll(List.of(mutation("q2"), mutation("q3"))))
        .isInstanceOfSatisfying(
            IngestQueueFullException.class,
            e -> assertThat(e.retryAfter()).isEqualTo(Duration.ofSeconds(2)))
        .hasMessageContaining("capacity 2");
    assertThat(committer.queueDepth()).isEqualTo(1);
    assertThat(registry.get("tributary.ingest.mutations.rejected").counter().count()).isEqualTo(2);
    assertThat(registry.get("tributary.ingest.queue.depth").gauge().value()).isEqualTo(1);
  }

  @Test
  void shouldCommitEverythingQueuedWhenClosedAndRefuseLaterWrites() throws Exception {
    start(2, 100);
    catalog.hold();
    List<CompletableFuture<MutationResult>> futures = new ArrayList<>();
    futures.add(committer.submit(mutation("a")));
    catalog.entered.await(5, TimeUnit.SECONDS);
    for (String s : List.of("b", "c", "d", "e")) {
      futures.add(committer.submit(mutation(s)));
    }

    CompletableFuture<Void> closing = CompletableFuture.runAsync(committer::close);
    await()
        .atMost(Duration.ofSeconds(5))
        .untilAsserted(
            () ->
                assertThatThrownBy(() -> committer.submit(mutation("late")))
                    .isInstanceOf(IngestClosedException.class));
    catalog.release();
    closing.get(10, TimeUnit.SECONDS);

    assertThat(futures).allMatch(f -> f.isDone() && !f.isCompletedExceptionally());
    assertThat(catalog.transactions.stream().flatMap(List::stream))
        .containsExactly("a", "b", "c", "d", "e");
  }
}
