package io.tributary.emitters.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.openlineage.client.OpenLineage.RunEvent;
import io.openlineage.client.OpenLineage.RunEvent.EventType;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** What the integration tests check of every client's emitted runs, whatever the platform. */
public final class RunAssertions {
  private static final OpenLineageSchemas SCHEMAS = new OpenLineageSchemas();

  private RunAssertions() {}

  /** Waits until the endpoint has received a run's COMPLETE event. */
  public static void awaitComplete(LineageEndpoint endpoint) {
    await()
        .atMost(Duration.ofSeconds(10))
        .until(
            () -> endpoint.events().stream().anyMatch(e -> e.getEventType() == EventType.COMPLETE));
  }

  /**
   * A writer's run in an events file: it started and completed, its last event names the one
   * dataset it wrote, and its events counted {@code rows} records of it.
   */
  public static void assertWriterRun(Path file, String namespace, String dataset, long rows) {
    List<RunEvent> events = EventFiles.events(file);
    assertThat(events)
        .extracting(RunEvent::getEventType)
        .startsWith(EventType.START)
        .endsWith(EventType.COMPLETE);
    assertThat(events.get(events.size() - 1).getOutputs())
        .extracting(d -> d.getNamespace() + " " + d.getName())
        .containsExactly(namespace + " " + dataset);
    assertThat(RunEvents.rows(events, dataset, false)).isEqualTo(rows);
  }

  /**
   * The events of a job that reads one dataset and writes another: one run, completed, with those
   * datasets ({@code "<namespace> <name>"}) over its events. Returns the last event.
   */
  public static RunEvent assertBridgeRun(List<RunEvent> events, String input, String output) {
    assertThat(events)
        .extracting(e -> e.getRun().getRunId())
        .containsOnly(events.get(0).getRun().getRunId());
    RunEvent last = events.get(events.size() - 1);
    assertThat(last.getEventType()).isEqualTo(EventType.COMPLETE);
    assertThat(RunEvents.datasetsOfRun(events, true)).containsExactly(input);
    assertThat(RunEvents.datasetsOfRun(events, false)).containsExactly(output);
    return last;
  }

  /**
   * Every event the endpoint received carried the tenant, and every event it and the files received
   * conforms to the schemas.
   */
  public static void assertTenantAndSchemas(
      LineageEndpoint endpoint, String tenant, Path... files) {
    assertThat(endpoint.tenantHeaders()).containsOnly(tenant);
    List<String> all = new ArrayList<>(endpoint.bodies());
    for (Path file : files) {
      all.addAll(EventFiles.lines(file));
    }
    assertThat(all).allSatisfy(json -> assertThat(SCHEMAS.violations(json)).isEmpty());
  }
}
