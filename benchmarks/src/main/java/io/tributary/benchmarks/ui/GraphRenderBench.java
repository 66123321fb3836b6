package io.tributary.benchmarks.ui;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.chrome.ChromeDriver;

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
  private static final ObjectMapper JSON = BrowserBench.JSON;
  private static final String KAFKA = "kafka://bench:9092";
  private static final int LAYERS = 40;

  private final BrowserBench bench;

  private GraphRenderBench(BrowserBench bench) {
    this.bench = bench;
  }

  public static void main(String[] args) throws Exception {
    List<Integer> sizes = new ArrayList<>();
    for (String s : (args.length > 0 ? args[0] : "100,1000,5000").split(",")) {
      sizes.add(Integer.parseInt(s.trim()));
    }
    int repetitions = args.length > 1 ? Integer.parseInt(args[1]) : 5;
    List<String> renderers = List.of((args.length > 2 ? args[2] : "canvas,webgl").split(","));
    List<String> modes = List.of((args.length > 3 ? args[3] : "overview,full").split(","));
    // The search indexer embeds every new entity for minutes after the ingest: it would compete
    // with the page for the two cores. The graph does not use search.
    try (BrowserBench bench = BrowserBench.start(Map.of("search.enabled", "false"))) {
      new GraphRenderBench(bench).run(sizes, repetitions, renderers, modes);
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
    if (!renderers.equals(List.of("none"))) { // "none": the server's answers only, no browser
      ChromeDriver driver = bench.chromium(1400, 900, Duration.ofSeconds(60));
      for (String renderer : renderers) {
        for (String mode : modes) {
          for (int size : sizes) {
            measure(driver, report, roots.get(size), size, renderer, mode, repetitions);
          }
        }
      }
    }
    BrowserBench.writeReport("ui-bench.json", report);
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
    bench.open(
        "#/entity/"
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
          r.put("interactiveMs", BrowserBench.round(n.path("ready").asDouble()));
          r.put("dataMs", BrowserBench.round(n.path("loaded").asDouble()));
          r.put("layoutMs", BrowserBench.round(n.path("layoutMs").asDouble()));
          r.put("drawnMs", BrowserBench.round(n.path("drawn").asDouble()));
          r.put("engine", n.path("engine").asText());
          r.put("renderer", n.path("renderer").asText());
          r.put(
              "refinedMs",
              n.path("refined").isNull() ? null : BrowserBench.round(n.path("refined").asDouble()));
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
    r.put(
        "meanMs",
        BrowserBench.round(sorted.stream().mapToDouble(Double::doubleValue).average().orElse(0)));
    r.put("p50Ms", BrowserBench.round(BrowserBench.percentile(sorted, 0.5)));
    r.put("p95Ms", BrowserBench.round(BrowserBench.percentile(sorted, 0.95)));
    r.put("maxMs", BrowserBench.round(sorted.get(sorted.size() - 1)));
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
    out.put("millis", BrowserBench.round(((Number) r.get(0)).doubleValue()));
    out.put("entries", r.get(1));
    return out;
  }

  /**
   * Opens the largest super-node, from the click to its members laid out and drawn; then whether
   * what it shows is readable: the members created (its first page), the zoom it was framed at
   * (labels are drawn from 0.82), and at fit the zoom and how many pairs of nodes overlap.
   */
  private static Map<String, Object> openGroup(ChromeDriver driver) {
    Object result =
        driver.executeAsyncScript(
            "const done = arguments[arguments.length - 1];"
                + "const v = document.querySelector('tb-lineage-graph');"
                + "const n = v.cy.nodes('.aggregate').max((x) => x.data('count')).ele;"
                + "if (!n) { done(null); return; }"
                + "const key = n.data('key'); const count = n.data('count');"
                + "const t = performance.now();"
                + "v.toggleAggregate(key).then(() => requestAnimationFrame(() => {"
                + "  const millis = performance.now() - t; const framed = v.cy.zoom();"
                + "  v.cy.fit(undefined, 30);"
                + "  const b = v.cy.nodes().filter((x) => !x.isParent() && x.visible())"
                + "    .map((x) => x.renderedBoundingBox({includeLabels: false}));"
                + "  let overlaps = 0;"
                + "  for (let i = 0; i < b.length; i++) for (let j = i + 1; j < b.length; j++)"
                + "    if (b[i].x1 < b[j].x2 && b[j].x1 < b[i].x2 && b[i].y1 < b[j].y2"
                + "        && b[j].y1 < b[i].y2) overlaps++;"
                + "  done([millis, count, v.cy.nodes().length,"
                + "    v.cy.getElementById('group:' + key).children().length, framed, v.cy.zoom(),"
                + "    overlaps]);"
                + "}));");
    Map<String, Object> out = new LinkedHashMap<>();
    if (result instanceof List<?> r) {
      out.put("millis", BrowserBench.round(((Number) r.get(0)).doubleValue()));
      out.put("members", r.get(1));
      out.put("renderedNodes", r.get(2));
      out.put("shown", r.get(3));
      out.put("zoomFramed", Math.round(((Number) r.get(4)).doubleValue() * 100) / 100.0);
      out.put("zoomAtFit", Math.round(((Number) r.get(5)).doubleValue() * 1000) / 1000.0);
      out.put("overlapsAtFit", r.get(6));
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
        HttpResponse<byte[]> r = bench.get(q[1]);
        if (i > 0) {
          times.add((System.nanoTime() - t0) / 1e6);
        }
        bytes = r.body().length;
      }
      times = times.stream().sorted().toList();
      out.put(q[0] + "Ms", BrowserBench.round(BrowserBench.percentile(times, 0.5)));
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
      s.put(key + "Median", BrowserBench.round(BrowserBench.percentile(values, 0.5)));
      s.put(key + "Max", BrowserBench.round(values.get(values.size() - 1)));
    }
    s.put("runs", runs.size());
    s.put("lastRunSteps", runs.get(runs.size() - 1).get("marks"));
    return s;
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
        List<String[]> inputs = new ArrayList<>();
        if (layer == 1) {
          inputs.add(new String[] {KAFKA, prefix + "-root"});
        } else {
          inputs.add(new String[] {KAFKA, topic(prefix, layer - 1, i)});
          if (width > 1) {
            inputs.add(new String[] {KAFKA, topic(prefix, layer - 1, (i + 1) % width)});
          }
        }
        events.add(
            BrowserBench.startEvent(
                prefix + "-job-" + layer + "-" + i,
                inputs,
                new String[] {KAFKA, topic(prefix, layer, i)}));
      }
    }
    bench.ingest(events);
    return bench.topicGuid(prefix + "-root@bench:9092");
  }

  private static String topic(String prefix, int layer, int i) {
    return prefix + "-t-" + layer + "-" + i;
  }
}
