package io.tributary.benchmarks.ui;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tributary.server.CatalogServer;
import io.tributary.server.Settings;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Time from navigation to an interactive lineage graph in headless Chromium, for graphs of about
 * 100, 1,000 and 5,000 nodes, and frame times while panning the largest one.
 *
 * <p>A catalog server (in-memory JanusGraph) is fed a synthetic streaming estate through {@code
 * POST /api/v1/lineage/batch}; the page then opens the root topic's downstream lineage at depth 50.
 * "Interactive" is the UI's own mark: the lineage fetched, laid out (above 400 elements first in
 * quick layers in the browser, then refined by ELK on the server: {@code refinedMs}), handed to
 * Cytoscape and the first frame drawn ({@code readyAt} of the graph element's {@code status()},
 * milliseconds since navigation start). Graphs of 5,000 nodes and more are also panned (frame
 * times) and asked for the root's impact (from the action to the coloured graph drawn). Run with
 * {@code java -cp ... io.tributary.benchmarks.ui.GraphRenderBench [sizes] [repetitions] [renderers]
 * [modes]} (renderers: {@code canvas,webgl} by default, each measured in turn; modes: {@code
 * overview,full}, the page as it opens large graphs, as super-nodes, against the baseline of every
 * node drawn); the server's lineage and impact answers are timed over HTTP for each size. Results
 * also go to {@code target/ui-bench.json}.
 */
public final class GraphRenderBench {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String KAFKA = "kafka://bench:9092";
  private static final String PRODUCER = "https://github.com/tributary/benchmarks";
  private static final String SCHEMA = "https://openlineage.io/spec/2-0-2/OpenLineage.json";
  private static final int LAYERS = 40;

  private final HttpClient http =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(10))
          .build();
  private final URI base;

  private GraphRenderBench(URI base) {
    this.base = base;
  }

  public static void main(String[] args) throws Exception {
    List<Integer> sizes = new ArrayList<>();
    for (String s : (args.length > 0 ? args[0] : "100,1000,5000").split(",")) {
      sizes.add(Integer.parseInt(s.trim()));
    }
    int repetitions = args.length > 1 ? Integer.parseInt(args[1]) : 5;
    List<String> renderers = List.of((args.length > 2 ? args[2] : "canvas,webgl").split(","));
    List<String> modes = List.of((args.length > 3 ? args[3] : "overview,full").split(","));
    Map<String, String> flags = new LinkedHashMap<>();
    flags.put("server.host", "127.0.0.1");
    flags.put("server.port", "0");
    flags.put("catalog.backend", "embedded-inmemory");
    flags.put("ingest.max-body-bytes", String.valueOf(64L << 20));
    flags.put("ingest.batch.max", "5000");
    // The search indexer embeds every new entity for minutes after the ingest: it would compete
    // with
    // the page for the two cores. The graph does not use search.
    flags.put("search.enabled", "false");
    try (CatalogServer server = CatalogServer.start(Settings.loader(Map.of()).load(flags))) {
      new GraphRenderBench(server.uri()).run(sizes, repetitions, renderers, modes);
    }
    // Worker pools of the libraries under the server outlive its close; a benchmark just ends.
    System.exit(0);
  }

  private void run(List<Integer> sizes, int repetitions, List<String> renderers, List<String> modes)
      throws Exception {
    Map<Integer, String> roots = new LinkedHashMap<>();
    Map<String, Object> report = new LinkedHashMap<>();
    for (int size : sizes) {
      long t0 = System.nanoTime();
      roots.put(size, ingest(size));
      System.out.printf(
          Locale.ROOT, "ingested ~%d nodes in %.1f s%n", size, (System.nanoTime() - t0) / 1e9);
      Map<String, Object> api = api(roots.get(size));
      report.put("api-" + size, api);
      System.out.printf(Locale.ROOT, "api %d: %s%n", size, api);
    }
    if (renderers.equals(List.of("none"))) {
      // The server's answers only: no browser.
      return;
    }
    Path profile = Files.createTempDirectory("bench-chromium-");
    ChromeOptions options = new ChromeOptions();
    options.setBinary("/usr/bin/chromium");
    options.addArguments(
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--user-data-dir=" + profile,
        "--window-size=1400,900");
    ChromeDriver driver =
        new ChromeDriver(
            new ChromeDriverService.Builder()
                .usingDriverExecutable(new java.io.File("/usr/bin/chromedriver"))
                .build(),
            options);
    driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(60));
    try {
      for (String renderer : renderers) {
        for (String mode : modes) {
          for (int size : sizes) {
            measure(driver, report, roots.get(size), size, renderer, mode, repetitions);
          }
        }
      }
    } finally {
      driver.quit();
    }
    Path out = Path.of("target", "ui-bench.json");
    Files.createDirectories(out.getParent());
    JSON.writerWithDefaultPrettyPrinter().writeValue(out.toFile(), report);
    System.out.println("written " + out.toAbsolutePath());
  }

  /**
   * Loads, pans and asks for impact on one graph in one renderer and mode: {@code overview} opens
   * it as the UI does by default (large graphs as super-nodes), {@code full} with {@code
   * group=none}, every node created: the baseline.
   */
  private void measure(
      ChromeDriver driver,
      Map<String, Object> report,
      String root,
      int size,
      String renderer,
      String mode,
      int repetitions)
      throws InterruptedException {
    String name = renderer + "-" + mode + "-" + size;
    List<Map<String, Object>> runs = new ArrayList<>();
    for (int i = 0; i < repetitions + 1; i++) {
      Map<String, Object> r = load(driver, root, renderer, mode);
      if (i > 0) { // the first load warms the server's JIT and the browser's caches
        runs.add(r);
      }
    }
    Map<String, Object> summary = summarise(runs);
    report.put(name, summary);
    System.out.printf(Locale.ROOT, "%s: %s%n", name, summary);
    if (size < 5_000) {
      return;
    }
    Map<String, Object> pan;
    try {
      pan = pan(driver);
    } catch (org.openqa.selenium.ScriptTimeoutException e) {
      // Software WebGL may not draw 240 frames within the script timeout: say so.
      pan = Map.of("finished", false);
    }
    report.put(name + "-pan", pan);
    System.out.printf(Locale.ROOT, "%s panning: %s%n", name, pan);
    Map<String, Object> impact = impact(driver, root);
    report.put(name + "-impact", impact);
    System.out.printf(Locale.ROOT, "%s impact: %s%n", name, impact);
    if (mode.equals("overview")) {
      Map<String, Object> open = openGroup(driver);
      report.put(name + "-open-group", open);
      System.out.printf(Locale.ROOT, "%s open the largest group: %s%n", name, open);
    }
  }

  /** Opens the page fresh and waits for the UI's interactive mark. */
  private Map<String, Object> load(ChromeDriver driver, String root, String renderer, String mode)
      throws InterruptedException {
    driver.get("about:blank");
    driver.get(
        base.resolve("/").toString()
            + "#/entity/"
            + root
            + "/lineage?direction=DOWNSTREAM&depth=50&layout=layered&renderer="
            + renderer
            + (mode.equals("full") ? "&group=none" : ""));
    JavascriptExecutor js = driver;
    long deadline = System.nanoTime() + Duration.ofSeconds(240).toNanos();
    while (System.nanoTime() < deadline) {
      Object g =
          js.executeScript(
              "const v = document.querySelector('tb-lineage-graph'); const g = v && v.status();"
                  + "return g && g.readyAt !== null && !g.busy ? JSON.stringify({ready: g.readyAt,"
                  + " loaded: g.loadedAt, drawn: g.drawnAt, layoutMs: g.layout.millis,"
                  + " renderer: g.renderer, refined: g.refinedAt,"
                  + " engine: g.layout.engine, nodes: g.rendered.nodes, edges: g.rendered.edges,"
                  + " marks: g.marks})"
                  + " : null;");
      if (g != null) {
        try {
          JsonNode n = JSON.readTree(g.toString());
          Map<String, Object> r = new LinkedHashMap<>();
          r.put("nodes", n.path("nodes").asInt());
          r.put("edges", n.path("edges").asInt());
          r.put("interactiveMs", round(n.path("ready").asDouble()));
          r.put("dataMs", round(n.path("loaded").asDouble()));
          r.put("layoutMs", round(n.path("layoutMs").asDouble()));
          r.put("drawnMs", round(n.path("drawn").asDouble()));
          r.put("engine", n.path("engine").asText());
          r.put("renderer", n.path("renderer").asText());
          r.put(
              "refinedMs", n.path("refined").isNull() ? null : round(n.path("refined").asDouble()));
          r.put("marks", JSON.convertValue(n.path("marks"), Map.class));
          return r;
        } catch (IOException e) {
          throw new IllegalStateException(e);
        }
      }
      Thread.sleep(20);
    }
    throw new IllegalStateException("graph of " + root + " not interactive within 240 s");
  }

  /** Pans the viewport a little on every animation frame and records the frame intervals. */
  @SuppressWarnings("unchecked")
  private static Map<String, Object> pan(ChromeDriver driver) {
    List<Number> frames =
        (List<Number>)
            driver.executeAsyncScript(
                "const done = arguments[arguments.length - 1];"
                    + "const cy = document.querySelector('tb-lineage-graph').cy;"
                    + "const times = []; let last = null;"
                    + "let n = 0;"
                    + "function step(t) {"
                    + "  if (last !== null) times.push(t - last); last = t;"
                    + "  cy.panBy({x: (n % 120 < 60 ? 6 : -6), y: 3 * Math.sin(n / 10)}); n++;"
                    + "  if (n < 241) requestAnimationFrame(step); else done(times);"
                    + "}"
                    + "requestAnimationFrame(step);");
    List<Double> sorted = frames.stream().map(Number::doubleValue).sorted().toList();
    Map<String, Object> r = new LinkedHashMap<>();
    r.put("frames", sorted.size());
    r.put("meanMs", round(sorted.stream().mapToDouble(Double::doubleValue).average().orElse(0)));
    r.put("p50Ms", round(percentile(sorted, 0.5)));
    r.put("p95Ms", round(percentile(sorted, 0.95)));
    r.put("maxMs", round(sorted.get(sorted.size() - 1)));
    return r;
  }

  /** Impact of the root on the loaded graph, from the action to the coloured graph drawn. */
  private static Map<String, Object> impact(ChromeDriver driver, String root) {
    Object result =
        driver.executeAsyncScript(
            "const done = arguments[arguments.length - 1];"
                + "const v = document.querySelector('tb-lineage-graph');"
                + "const t = performance.now();"
                + "v.showImpact(arguments[0]).then(() => requestAnimationFrame(() =>"
                + "  done([performance.now() - t, (v.impactList || []).length])));",
            root);
    List<?> r = (List<?>) result;
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("millis", round(((Number) r.get(0)).doubleValue()));
    out.put("entries", r.get(1));
    return out;
  }

  /** Opens the largest super-node, from the click to its members laid out and drawn. */
  private static Map<String, Object> openGroup(ChromeDriver driver) {
    Object result =
        driver.executeAsyncScript(
            "const done = arguments[arguments.length - 1];"
                + "const v = document.querySelector('tb-lineage-graph');"
                + "const n = v.cy.nodes('.aggregate').max((x) => x.data('count')).ele;"
                + "if (!n) { done(null); return; }"
                + "const t = performance.now();"
                + "v.toggleAggregate(n.data('key')).then(() => requestAnimationFrame(() =>"
                + "  done([performance.now() - t, n.data('count'), v.cy.nodes().length])));");
    Map<String, Object> out = new LinkedHashMap<>();
    if (result instanceof List<?> r) {
      out.put("millis", round(((Number) r.get(0)).doubleValue()));
      out.put("members", r.get(1));
      out.put("renderedNodes", r.get(2));
    }
    return out;
  }

  /**
   * The server's side of the page's two large answers, timed from this JVM over HTTP: the lineage
   * the page loads (bytes, milliseconds) and the impact of the root; medians of 3 after one
   * warm-up.
   */
  private Map<String, Object> api(String root) throws IOException, InterruptedException {
    Map<String, Object> out = new LinkedHashMap<>();
    for (String[] q :
        new String[][] {
          {"lineage", "/api/v1/lineage/" + root + "?direction=DOWNSTREAM&depth=50&level=DATASET"},
          {"impact", "/api/v1/impact/" + root + "?depth=50"},
          {"impactGuids", "/api/v1/impact/" + root + "?depth=50&fields=guid"}
        }) {
      List<Double> times = new ArrayList<>();
      long bytes = 0;
      for (int i = 0; i < 4; i++) {
        long t0 = System.nanoTime();
        HttpResponse<byte[]> r =
            http.send(
                HttpRequest.newBuilder(base.resolve(q[1])).timeout(Duration.ofMinutes(2)).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        if (i > 0) {
          times.add((System.nanoTime() - t0) / 1e6);
        }
        bytes = r.body().length;
      }
      times = times.stream().sorted().toList();
      out.put(q[0] + "Ms", round(percentile(times, 0.5)));
      out.put(q[0] + "Bytes", bytes);
    }
    return out;
  }

  private static Map<String, Object> summarise(List<Map<String, Object>> runs) {
    Map<String, Object> s = new LinkedHashMap<>();
    s.put("nodes", runs.get(0).get("nodes"));
    s.put("edges", runs.get(0).get("edges"));
    s.put("engine", runs.get(0).get("engine"));
    s.put("renderer", runs.get(0).get("renderer"));
    for (String key : List.of("interactiveMs", "dataMs", "layoutMs", "drawnMs", "refinedMs")) {
      List<Double> values =
          runs.stream()
              .filter(r -> r.get(key) != null)
              .map(r -> ((Number) r.get(key)).doubleValue())
              .sorted()
              .toList();
      if (values.isEmpty()) {
        continue;
      }
      s.put(key + "Median", round(percentile(values, 0.5)));
      s.put(key + "Max", round(values.get(values.size() - 1)));
    }
    s.put("runs", runs.size());
    s.put("lastRunSteps", runs.get(runs.size() - 1).get("marks"));
    return s;
  }

  private static double percentile(List<Double> sorted, double p) {
    int i = (int) Math.ceil(p * sorted.size()) - 1;
    return sorted.get(Math.max(0, Math.min(sorted.size() - 1, i)));
  }

  private static double round(double v) {
    return Math.round(v * 10) / 10.0;
  }

  /**
   * A root topic feeding {@link #LAYERS} layers of jobs and topics: each job reads two topics of
   * the layer before and writes one; about {@code nodes} nodes in all. Returns the root's guid.
   */
  private String ingest(int nodes) throws IOException, InterruptedException {
    int layers = Math.min(LAYERS, Math.max(2, nodes / 10));
    int width = Math.max(1, (nodes - 1) / (2 * layers));
    String prefix = "g" + nodes;
    List<String> events = new ArrayList<>();
    for (int layer = 1; layer <= layers; layer++) {
      for (int i = 0; i < width; i++) {
        List<String> inputs = new ArrayList<>();
        if (layer == 1) {
          inputs.add(prefix + "-root");
        } else {
          inputs.add(topic(prefix, layer - 1, i));
          if (width > 1) {
            inputs.add(topic(prefix, layer - 1, (i + 1) % width));
          }
        }
        events.add(event(prefix + "-job-" + layer + "-" + i, inputs, topic(prefix, layer, i)));
      }
    }
    for (int from = 0; from < events.size(); from += 500) {
      List<String> batch = events.subList(from, Math.min(events.size(), from + 500));
      HttpResponse<String> r =
          http.send(
              HttpRequest.newBuilder(base.resolve("/api/v1/lineage/batch"))
                  .header("Content-Type", "application/json")
                  .timeout(Duration.ofMinutes(5))
                  .POST(HttpRequest.BodyPublishers.ofString("[" + String.join(",", batch) + "]"))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      if (r.statusCode() / 100 != 2) {
        throw new IllegalStateException("batch refused: " + r.statusCode() + " " + r.body());
      }
    }
    HttpResponse<String> found =
        http.send(
            HttpRequest.newBuilder(
                    base.resolve(
                        "/api/v1/entities?type=kafka_topic&qualifiedName="
                            + URLEncoder.encode(
                                prefix + "-root@bench:9092", StandardCharsets.UTF_8)))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    return JSON.readTree(found.body()).path("entities").get(0).path("guid").asText();
  }

  private static String topic(String prefix, int layer, int i) {
    return prefix + "-t-" + layer + "-" + i;
  }

  private static String event(String job, List<String> inputs, String output) {
    StringBuilder in = new StringBuilder();
    for (String name : inputs) {
      if (in.length() > 0) {
        in.append(',');
      }
      in.append("{\"namespace\":\"")
          .append(KAFKA)
          .append("\",\"name\":\"")
          .append(name)
          .append("\"}");
    }
    return "{\"eventType\":\"START\",\"eventTime\":\"2026-03-01T10:00:00Z\",\"producer\":\""
        + PRODUCER
        + "\",\"schemaURL\":\""
        + SCHEMA
        + "#/$defs/RunEvent\",\"run\":{\"runId\":\""
        + java.util.UUID.nameUUIDFromBytes(job.getBytes(StandardCharsets.UTF_8))
        + "\"},\"job\":{\"namespace\":\"bench\",\"name\":\""
        + job
        + "\"},\"inputs\":["
        + in
        + "],\"outputs\":[{\"namespace\":\""
        + KAFKA
        + "\",\"name\":\""
        + output
        + "\"}]}";
  }
}
