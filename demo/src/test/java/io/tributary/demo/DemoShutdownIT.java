package io.tributary.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.tributary.e2e.CatalogApi;
import io.tributary.e2e.PipelineGraph;
import io.tributary.server.CatalogServer;
import io.tributary.server.Settings;
import io.tributary.testkit.process.JavaProcess;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Ctrl-C on the demo, for real: the demo's jar main in a JVM of its own, stopped with SIGTERM while
 * its pipeline runs. Its catalog, reopened afterwards, must hold every job's terminal event, which
 * needs the applications and their emitters stopped and flushed before the catalog closes.
 */
class DemoShutdownIT {
  private static final Pattern READY = Pattern.compile("ready: open (http://\\S+)");
  private static final Duration PATIENCE = Duration.ofMinutes(4);

  private JavaProcess demo;

  @AfterEach
  void killWhatIsLeft() throws InterruptedException {
    if (demo != null && demo.isAlive()) {
      demo.kill();
    }
  }

  @Test
  void shouldRecordEveryJobsTerminalEventBeforeTheCatalogClosesOnSigterm(@TempDir Path dataDir)
      throws Exception {
    demo =
        JavaProcess.start(
            "demo",
            READY,
            List.of(),
            "io.tributary.demo.cli.DemoCommand",
            // As typed before the demo had its own jar: still accepted.
            List.of(
                "demo",
                "--port",
                "0",
                "--kafka-port",
                "0",
                "--interval",
                "2",
                "--data-dir",
                dataDir.toString()));
    URI uri = URI.create(demo.awaitReady(PATIENCE));
    PipelineGraph graph = new PipelineGraph(new CatalogApi(uri), Demo.CLUSTER);
    await()
        .atMost(PATIENCE)
        .pollInterval(Duration.ofSeconds(1))
        .until(() -> graph.missing().isEmpty() && everyRunIn(graph, "RUNNING"));

    demo.stop(PATIENCE);
    String log = demo.output();
    assertThat(log)
        .as("the pipeline first, the catalog last")
        .containsSubsequence(
            "demo: pipeline stopped", "demo: kafka stopped", "demo: catalog stopped");

    try (CatalogServer catalog = reopen(dataDir)) {
      PipelineGraph after = new PipelineGraph(new CatalogApi(catalog.uri()), Demo.CLUSTER);
      for (var job : PipelineGraph.TERMINAL_STATES.entrySet()) {
        List<JsonNode> runs = after.runs(job.getKey());
        assertThat(runs).as("runs of %s", job.getKey()).hasSize(1);
        assertThat(runs.get(0).path("attributes").path("state").asText())
            .as("state of the run of %s; demo output:%n%s", job.getKey(), log)
            .isEqualTo(job.getValue());
      }
    }
  }

  private static boolean everyRunIn(PipelineGraph graph, String state) {
    for (String job : PipelineGraph.PROCESS_TYPES.keySet()) {
      List<JsonNode> runs = graph.runs(job);
      if (runs.size() != 1
          || !runs.get(0).path("attributes").path("state").asText().equals(state)) {
        return false;
      }
    }
    return true;
  }

  private static CatalogServer reopen(Path dataDir) {
    Map<String, String> flags = new LinkedHashMap<>();
    flags.put("server.host", "localhost");
    flags.put("server.port", "0");
    flags.put("data.dir", dataDir.toString());
    return CatalogServer.start(Settings.loader(Map.of()).load(flags));
  }
}
