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
    return start(
        new GroupCommitter.Settings(
            maxBatch, capacity, Duration.ofSeconds(2), Duration.ofSeconds(10)));
  }

  private GroupCommitter start(GroupCommitter.Settings settings) {
    committer = GroupCommitter.start(catalog, settings, registry);
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

  @Test
  void shouldCommitALargeMutationInChunksBetweenBatchesOfSmallOnes() throws Exception {
    start(GroupCommitter.Settings.defaults().withChunkWrites(10));
    catalog.afterCommit =
        sources -> {
          if (sources.equals(List.of("large [part 1]"))) {
            committer.submit(mutation("posted-meanwhile"));
          }
        };
    catalog.hold();
    CompletableFuture<MutationResult> first = committer.submit(mutation("first"));
    catalog.entered.await(5, TimeUnit.SECONDS);
    CompletableFuture<MutationResult> large = committer.submit(mutation("large", 25));
    CompletableFuture<MutationResult> small = committer.submit(mutation("small", 3));

    catalog.release();
    MutationResult result = large.orTimeout(5, TimeUnit.SECONDS).join();

    // Futures complete on two acknowledgement threads: the first may be answered just after.
    assertThat(first.orTimeout(5, TimeUnit.SECONDS).join()).isNotNull();
    assertThat(small.orTimeout(5, TimeUnit.SECONDS).join().created()).hasSize(3);
    assertThat(result.created()).hasSize(25).doesNotHaveDuplicates();
    assertThat(result.guids()).hasSize(25);
    await().atMost(Duration.ofSeconds(5)).until(() -> catalog.transactions.size() == 6);
    assertThat(catalog.transactions)
        .containsExactly(
            List.of("first"),
            List.of("small"),
            List.of("large [part 1]"),
            List.of("posted-meanwhile"),
            List.of("large [part 2]"),
            List.of("large [part 3]"));
    assertThat(registry.get("tributary.ingest.chunks").counter().count()).isEqualTo(3);
  }

  @Test
  void shouldKeepABatchWithinTheWriteLimit() throws Exception {
    start(GroupCommitter.Settings.defaults().withChunkWrites(10));
    catalog.hold();
    committer.submit(mutation("first"));
    catalog.entered.await(5, TimeUnit.SECONDS);
    List<CompletableFuture<MutationResult>> futures = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      futures.add(committer.submit(mutation("four-" + i, 4)));
    }

    catalog.release();
    CompletableFuture.allOf(futures.toArray(CompletableFuture[]::new))
        .orTimeout(5, TimeUnit.SECONDS)
        .join();

    assertThat(catalog.transactions)
        .containsExactly(
            List.of("first"), List.of("four-0", "four-1"), List.of("four-2", "four-3"));
  }

  @Test
  void shouldRefuseAnInvalidLargeMutationBeforeCommittingAnyOfIt() {
    start(GroupCommitter.Settings.defaults().withChunkWrites(10));

    CompletableFuture<MutationResult> bad = committer.submit(mutation("bad-large", 25));

    assertThatThrownBy(() -> bad.orTimeout(5, TimeUnit.SECONDS).join())
        .hasCauseInstanceOf(InvalidEntityException.class);
    assertThat(catalog.transactions).isEmpty();
    assertThat(committer.submit(mutation("after")).orTimeout(5, TimeUnit.SECONDS).join())
        .isNotNull();
  }

  @Test
  void shouldNeverKeepTheJvmAlive() {
    start(10, 10);

    assertThat(Thread.getAllStackTraces().keySet())
        .filteredOn(t -> t.getName().equals("tributary-group-committer"))
        .isNotEmpty()
        .allMatch(Thread::isDaemon);
  }

  @Test
  void shouldFailWhatIsStillQueuedWhenTheShutdownTimeoutEnds() throws Exception {
    start(new GroupCommitter.Settings(1, 100, Duration.ofSeconds(1), Duration.ofMillis(800)));
    catalog.hold();
    CompletableFuture<MutationResult> held = committer.submit(mutation("held"));
    catalog.entered.await(5, TimeUnit.SECONDS);
    CompletableFuture<MutationResult> queued = committer.submit(mutation("queued"));

    long start = System.nanoTime();
    committer.close();
    long elapsedMillis = (System.nanoTime() - start) / 1_000_000;

    assertThat(elapsedMillis).isLessThan(2_000);
    assertThatThrownBy(queued::join).hasCauseInstanceOf(IngestClosedException.class);
    assertThatThrownBy(held::join).hasCauseInstanceOf(IngestClosedException.class);
  }
}
