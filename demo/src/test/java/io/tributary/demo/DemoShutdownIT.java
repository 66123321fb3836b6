package io.tributary.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.tributary.e2e.CatalogApi;
import io.tributary.e2e.PipelineGraph;
import io.tributary.server.CatalogServer;
import io.tributary.server.Settings;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
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

  private final StringBuffer output = new StringBuffer();
  private final CompletableFuture<URI> ready = new CompletableFuture<>();
  private final List<Thread> pumps = new ArrayList<>();
  private Process demo;

  @AfterEach
  void killWhatIsLeft() throws InterruptedException {
    if (demo != null && demo.isAlive()) {
      demo.destroyForcibly();
      demo.waitFor(30, TimeUnit.SECONDS);
    }
  }

  @Test
  void shouldRecordEveryJobsTerminalEventBeforeTheCatalogClosesOnSigterm(@TempDir Path dataDir)
      throws Exception {
    start(dataDir);
    URI uri = awaitReady();
    PipelineGraph graph = new PipelineGraph(new CatalogApi(uri), Demo.CLUSTER);
    await()
        .atMost(PATIENCE)
        .pollInterval(Duration.ofSeconds(1))
        .until(() -> graph.missing().isEmpty() && everyRunIn(graph, "RUNNING"));

    // Through the handle: Process.destroy() would also close the pipes, losing the last output.
    demo.toHandle().destroy();
    assertThat(demo.waitFor(PATIENCE.toMillis(), TimeUnit.MILLISECONDS))
        .as("stopped within %s; output:%n%s", PATIENCE, output)
        .isTrue();
    for (Thread pump : pumps) {
      pump.join(10_000);
    }
    String log = output.toString();
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

  private void start(Path dataDir) throws IOException {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    ProcessBuilder builder =
        new ProcessBuilder(
            java,
            "-cp",
            System.getProperty("java.class.path"),
            "io.tributary.demo.cli.DemoCommand",
            // As typed before the demo had its own jar: still accepted.
            "demo",
            "--port",
            "0",
            "--kafka-port",
            "0",
            "--interval",
            "2",
            "--data-dir",
            dataDir.toString());
    builder.environment().keySet().removeIf(k -> k.startsWith("TRIBUTARY_"));
    demo = builder.start();
    pump(demo.getInputStream(), "out");
    pump(demo.getErrorStream(), "err");
  }

  private void pump(InputStream in, String name) {
    Thread t =
        new Thread(
            () -> {
              try (BufferedReader r =
                  new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                String line;
                while ((line = r.readLine()) != null) {
                  output.append(line).append('\n');
                  Matcher m = READY.matcher(line);
                  if (m.find()) {
                    ready.complete(URI.create(m.group(1)));
                  }
                }
              } catch (IOException e) {
                // the process is gone
              }
            },
            "demo-process-" + name);
    t.setDaemon(true);
    pumps.add(t);
    t.start();
  }

  private URI awaitReady() throws Exception {
    try {
      return ready.get(PATIENCE.toMillis(), TimeUnit.MILLISECONDS);
    } catch (java.util.concurrent.TimeoutException e) {
      throw new AssertionError("demo not ready within " + PATIENCE + "; output:\n" + output);
    }
  }

  private static CatalogServer reopen(Path dataDir) {
    Map<String, String> flags = new LinkedHashMap<>();
    flags.put("server.host", "localhost");
    flags.put("server.port", "0");
    flags.put("data.dir", dataDir.toString());
    return CatalogServer.start(Settings.loader(Map.of()).load(flags));
  }
}
