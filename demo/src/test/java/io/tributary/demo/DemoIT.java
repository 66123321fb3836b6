package io.tributary.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.tributary.e2e.CatalogApi;
import io.tributary.e2e.PipelineGraph;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The demo as {@code tributary-demo.jar} runs it, in this JVM on free ports. */
class DemoIT {
  private static DemoSettings settings(Path dataDir) {
    return new DemoSettings(0, dataDir, 0, Duration.ofSeconds(2), 5);
  }

  @Test
  void shouldShowTheLineageOfAllFourJobsWithinAMinuteAndKeepTheCatalogForTheNextStart(
      @TempDir Path dataDir) throws Exception {
    String ordersGuid;
    try (Demo demo = Demo.start(settings(dataDir))) {
      PipelineGraph graph = new PipelineGraph(new CatalogApi(demo.uri()), Demo.CLUSTER);

      await()
          .atMost(Duration.ofSeconds(60))
          .pollInterval(Duration.ofSeconds(1))
          .until(() -> graph.missing().isEmpty());

      for (String job : PipelineGraph.PROCESS_TYPES.keySet()) {
        assertThat(graph.runs(job)).as("runs of %s", job).hasSize(1);
      }
      ordersGuid = graph.topic(Topics.ORDERS).orElseThrow().path("guid").asText();
    }

    try (Demo again = Demo.start(settings(dataDir))) {
      PipelineGraph graph = new PipelineGraph(new CatalogApi(again.uri()), Demo.CLUSTER);

      assertThat(graph.topic(Topics.ORDERS).orElseThrow().path("guid").asText())
          .isEqualTo(ordersGuid);
      // The first start's runs ended before its catalog closed: each has its terminal state.
      for (var job : PipelineGraph.TERMINAL_STATES.entrySet()) {
        assertThat(graph.runs(job.getKey()))
            .as("runs of %s", job.getKey())
            .extracting(run -> run.path("attributes").path("state").asText())
            .contains(job.getValue());
      }
      await()
          .atMost(Duration.ofSeconds(60))
          .pollInterval(Duration.ofSeconds(1))
          .untilAsserted(
              () -> {
                for (String job : PipelineGraph.PROCESS_TYPES.keySet()) {
                  assertThat(graph.runs(job)).as("runs of %s", job).hasSize(2);
                }
              });
      assertThat(graph.missing()).isEmpty();
    }
  }
}
