package io.tributary.search.insights;

import static io.tributary.search.estate.Estate.Dataset.topic;
import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.search.estate.Estate;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunStatesTest {
  private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
  @TempDir Path dir;
  private Estate estate;
  private RunStates runs;

  @BeforeEach
  void open() {
    estate = Estate.open(dir.resolve("catalog"));
  }

  @AfterEach
  void close() {
    if (runs != null) {
      runs.close();
    }
    estate.close();
  }

  private static Estate.Job job(String name) {
    return Estate.Job.flink(name, List.of(topic(name + ".in")), List.of(topic(name + ".out")));
  }

  @Test
  void runsWrittenBeforeStartAreFoundByTheirState() {
    estate.run(job("a"), "START", T0).run(job("b"), "FAIL", T0).run(job("c"), "COMPLETE", T0);
    estate.flush();
    runs = RunStates.observe(estate.catalog());

    assertThat(runs.inState(Set.of("FAIL"))).hasSize(1);
    assertThat(runs.inState(Set.of("START", "RUNNING"))).hasSize(1);
  }

  @Test
  void aRunThatFailsAfterStartIsReadOnceAndItsRefreshesNotAtAll() {
    runs = RunStates.observe(estate.catalog());
    estate.run(job("a"), "START", T0).flush();
    assertThat(runs.inState(Set.of("START", "RUNNING"))).hasSize(1);
    long reads = runs.reads();

    for (int i = 1; i <= 10; i++) {
      estate.run(job("a"), "RUNNING", T0.plusSeconds(i), T0).flush();
    }
    List<RunStates.Run> active = runs.inState(Set.of("START", "RUNNING"));

    assertThat(active).hasSize(1);
    assertThat(active.get(0).lastSeen()).isEqualTo(T0.plusSeconds(10));
    assertThat(runs.reads()).isEqualTo(reads + 1);
  }

  @Test
  void aCompletedOrFailedRunLeavesTheActiveOnes() {
    runs = RunStates.observe(estate.catalog());
    estate.run(job("a"), "START", T0).run(job("b"), "START", T0).flush();
    assertThat(runs.inState(Set.of("START", "RUNNING"))).hasSize(2);

    estate
        .run(job("a"), "COMPLETE", T0.plusSeconds(5), T0)
        .run(job("b"), "FAIL", T0.plusSeconds(5), T0);
    estate.flush();

    assertThat(runs.inState(Set.of("START", "RUNNING"))).isEmpty();
    assertThat(runs.inState(Set.of("FAIL"))).hasSize(1);
  }

  @Test
  void moreRunsThanOnePageOfTheCatalogAreAllFound() {
    for (int i = 0; i < 1_001; i++) {
      estate.run(Estate.Job.flink("job-" + i, List.of(), List.of()), "START", T0);
    }
    estate.flush();
    runs = RunStates.observe(estate.catalog());

    assertThat(runs.inState(Set.of("START"))).hasSize(1_001);
  }
}
