package io.tributary.emitters.flink;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.emitters.EmitterConfig;
import io.tributary.emitters.JobIdentity;
import io.tributary.emitters.LineageEmitter;
import io.tributary.emitters.StreamingRun;
import io.tributary.testkit.transport.CapturingTransport;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class FlinkRunsTest {
  private static StreamingRun run() {
    EmitterConfig config = EmitterConfig.builder().abortOnJvmExit(false).build();
    JobIdentity job = new JobIdentity("flink", "alerts", "FLINK", "JOB");
    return StreamingRun.create(
        job,
        config,
        LineageEmitter.start(job.name(), new CapturingTransport(), config, null),
        Clock.systemUTC());
  }

  @Test
  void shouldReportTheEndOfAJobWithoutARunAtOnce() throws Exception {
    assertThat(new FlinkRuns().awaitEnd("0123", Duration.ZERO)).isTrue();
  }

  @Test
  void shouldWaitForARunUntilItsEndIsSent() throws Exception {
    FlinkRuns runs = new FlinkRuns();
    runs.put("0123", run());

    assertThat(runs.awaitEnd("0123", Duration.ofMillis(50))).isFalse();
    runs.remove("0123").abort();
    assertThat(runs.awaitEnd("0123", Duration.ofMillis(50))).isFalse();
    runs.ended("0123");
    assertThat(runs.awaitEnd("0123", Duration.ofMillis(50))).isTrue();
  }
}
