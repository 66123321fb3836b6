package io.tributary.emitters;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.openlineage.client.OpenLineage.RunEvent;
import io.openlineage.client.OpenLineage.RunEvent.EventType;
import io.openlineage.client.OpenLineageClientUtils;
import io.tributary.emitters.testing.OpenLineageSchemas;
import io.tributary.testkit.transport.CapturingTransport;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class StreamingRunTest {
  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2026-03-01T10:00:00Z"), ZoneOffset.UTC);
  private static final JobIdentity JOB =
      new JobIdentity("streams", "orders-enricher", "KAFKA", "APPLICATION");
  private static final OpenLineageSchemas SCHEMAS = new OpenLineageSchemas();

  private final CapturingTransport transport = new CapturingTransport();

  private EmitterConfig config() {
    return EmitterConfig.builder()
        .tenant(new Tenant("acme"))
        .snapshotInterval(Duration.ofHours(1))
        .abortOnJvmExit(false)
        .clusterResolver(
            ns ->
                ns.equals("kafka://b1:9092")
                    ? java.util.Optional.of("prod")
                    : java.util.Optional.empty())
        .build();
  }

  /** A source whose window counts are whatever was added since the last snapshot. */
  private static final class Counting implements SnapshotSource {
    final AtomicLong total = new AtomicLong();
    long reported;

    @Override
    public Snapshot snapshot() {
      long now = total.get();
      Statistics window = new Statistics(now - reported, (now - reported) * 10);
      reported = now;
      return Snapshot.of(
          List.of(DatasetSnapshot.of("kafka://b1:9092", "orders", window)),
          List.of(DatasetSnapshot.of("kafka://b1:9092", "orders-enriched", window)));
    }
  }

  private List<RunEvent> runAndCollect(java.util.function.Consumer<StreamingRun> ending) {
    LineageEmitter emitter = LineageEmitter.start(JOB.name(), transport, config(), null);
    StreamingRun run = StreamingRun.create(JOB, config(), emitter, CLOCK);
    Counting source = new Counting();
    run.attach(source);
    run.start();
    await().atMost(Duration.ofSeconds(5)).until(() -> transport.events().size() == 1);
    source.total.addAndGet(5);
    run.tick();
    source.total.addAndGet(3);
    run.tick();
    source.total.addAndGet(1);
    ending.accept(run);
    emitter.close();
    return transport.events();
  }

  @Test
  void shouldEmitStartSnapshotsAndCompleteForOneRun() {
    List<RunEvent> events = runAndCollect(StreamingRun::complete);

    assertThat(events)
        .extracting(RunEvent::getEventType)
        .containsExactly(EventType.START, EventType.RUNNING, EventType.RUNNING, EventType.COMPLETE);
    assertThat(events)
        .extracting(e -> e.getRun().getRunId())
        .containsOnly(events.get(0).getRun().getRunId());
    assertThat(events.get(0).getRun().getRunId().version()).isEqualTo(7);
    assertThat(events)
        .extracting(e -> e.getInputs().get(0).getInputFacets().getInputStatistics().getRowCount())
        .containsExactly(0L, 5L, 3L, 1L);
    assertThat(events.get(1).getOutputs().get(0).getOutputFacets().getOutputStatistics().getSize())
        .isEqualTo(50L);
  }

  @Test
  void shouldDescribeTheJobAsAPeriodicStreamingSnapshot() {
    RunEvent start = runAndCollect(StreamingRun::complete).get(0);

    var jobType = start.getJob().getFacets().getJobType();
    assertThat(jobType.getProcessingType()).isEqualTo("STREAMING");
    assertThat(jobType.getIntegration()).isEqualTo("KAFKA");
    assertThat(jobType.getJobType()).isEqualTo("APPLICATION");
    assertThat(jobType.getEmissionPattern().getEventTrigger()).isEqualTo("PERIODIC");
    assertThat(jobType.getEmissionPattern().getEventContentMode()).isEqualTo("COMPLETE_SNAPSHOT");
    assertThat(jobType.getEmissionPattern().getWindowDuration()).isEqualTo(3600L);
    String json = OpenLineageClientUtils.toJson(start);
    assertThat(json).contains("\"tributary_tenant\"").contains("\"tenant\":\"acme\"");
    assertThat(json).contains("\"tributary_cluster\"").contains("\"cluster\":\"prod\"");
  }

  @Test
  void shouldEmitSchemaValidEvents() {
    List<RunEvent> events =
        runAndCollect(run -> run.fail(new IllegalStateException("broker gone")));

    assertThat(events).allSatisfy(e -> assertThat(SCHEMAS.violations(e)).isEmpty());
  }

  @Test
  void shouldReportFailureWithErrorMessage() {
    List<RunEvent> events =
        runAndCollect(run -> run.fail(new IllegalStateException("broker gone")));

    RunEvent last = events.get(events.size() - 1);
    assertThat(last.getEventType()).isEqualTo(EventType.FAIL);
    assertThat(last.getRun().getFacets().getErrorMessage().getMessage()).isEqualTo("broker gone");
    assertThat(last.getRun().getFacets().getErrorMessage().getProgrammingLanguage())
        .isEqualTo("JAVA");
  }

  @Test
  void shouldEmitOneTerminalEventOnly() {
    List<RunEvent> events =
        runAndCollect(
            run -> {
              run.abort();
              run.complete();
              run.tick();
            });

    assertThat(events)
        .extracting(RunEvent::getEventType)
        .endsWith(EventType.RUNNING, EventType.ABORT);
  }

  @Test
  void shouldGiveARestartANewRunId() {
    LineageEmitter emitter = LineageEmitter.start(JOB.name(), transport, config(), null);
    StreamingRun first = StreamingRun.create(JOB, config(), emitter, CLOCK);
    StreamingRun second = StreamingRun.create(JOB, config(), emitter, CLOCK);

    assertThat(first.runId()).isNotEqualTo(second.runId());
    emitter.close();
  }

  @Test
  void shouldEmitSnapshotsOnTheConfiguredInterval() {
    EmitterConfig fast =
        EmitterConfig.builder()
            .snapshotInterval(Duration.ofSeconds(1))
            .abortOnJvmExit(false)
            .build();
    LineageEmitter emitter = LineageEmitter.start(JOB.name(), transport, fast, null);
    StreamingRun run = StreamingRun.create(JOB, fast, emitter, Clock.systemUTC());
    run.start();

    await()
        .atMost(Duration.ofSeconds(10))
        .until(
            () ->
                transport.events().stream()
                        .filter(e -> e.getEventType() == EventType.RUNNING)
                        .count()
                    >= 2);
    run.complete();
    emitter.close();
    assertThat(transport.events())
        .last()
        .extracting(RunEvent::getEventType)
        .isEqualTo(EventType.COMPLETE);
  }

  @Test
  void shouldMergeTheSameDatasetFromTwoSources() {
    Snapshot merged =
        Snapshot.merge(
            List.of(
                Snapshot.of(
                    List.of(DatasetSnapshot.of("kafka://b:1", "t", new Statistics(2, 20))),
                    List.of()),
                new Snapshot(
                    List.of(DatasetSnapshot.of("kafka://b:1", "t", new Statistics(3, 30))),
                    List.of(),
                    Map.of(),
                    Map.of())));

    assertThat(merged.inputs())
        .singleElement()
        .extracting(DatasetSnapshot::statistics)
        .isEqualTo(new Statistics(5, 50));
  }
}
