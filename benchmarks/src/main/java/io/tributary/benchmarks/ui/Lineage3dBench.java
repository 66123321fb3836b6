package io.tributary.benchmarks.ui;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * The 3D lineage view in headless Chromium's software WebGL (SwiftShader, {@code --disable-gpu}):
 * time from navigation to the first frame, and frame times while orbiting, for estates of about
 * 1,000 and 5,000 nodes spread over 8 namespaces. Each orbit is measured twice in the same page: as
 * the view draws it (two instanced meshes and one line-segments buffer) and, as the baseline, the
 * same scene drawn plainly (one mesh per node, one line per edge). A frame is one render plus a
 * one-pixel read back, so that it counts finished work. Run with {@code java -cp ...
 * io.tributary.benchmarks.ui.Lineage3dBench [sizes] [frames]}; results also go to {@code
 * target/ui-3d-bench.json}.
 */
public final class Lineage3dBench {
  private static final int LAYERS = 20;
  private static final int NAMESPACES = 8;

  private final BrowserBench bench;

  private Lineage3dBench(BrowserBench bench) {
    this.bench = bench;
  }

  public static void main(String[] args) throws Exception {
    List<Integer> sizes = new ArrayList<>();
    for (String s : (args.length > 0 ? args[0] : "1000,5000").split(",")) {
      sizes.add(Integer.parseInt(s.trim()));
    }
    int frames = args.length > 1 ? Integer.parseInt(args[1]) : 60;
    try (BrowserBench bench = BrowserBench.start()) {
      new Lineage3dBench(bench).run(sizes, frames);
    }
    // Worker pools of the libraries under the server outlive its close; a benchmark just ends.
    System.exit(0);
  }

  private void run(List<Integer> sizes, int frames) throws Exception {
    Map<Integer, String> roots = new LinkedHashMap<>();
    for (int size : sizes) {
      roots.put(size, ingest(size));
    }
    ChromeDriver driver =
        bench.chromium(1440, 900, Duration.ofSeconds(170), "--enable-unsafe-swiftshader");
    Map<String, Object> report = new LinkedHashMap<>();
    for (int size : sizes) {
      Map<String, Object> r = load(driver, roots.get(size));
      // Interleaved, so that load on the shared machine falls on both alike.
      List<Double> instanced = new ArrayList<>();
      List<Double> plain = new ArrayList<>();
      for (int round = 0; round < 3; round++) {
        instanced.addAll(frames(driver, frames, false));
        plain.addAll(frames(driver, frames, true));
      }
      r.put("instanced", summary(instanced));
      r.put("plainBaseline", summary(plain));
      r.put(
          "p50Ratio",
          Math.round(
                  BrowserBench.percentile(sorted(instanced), 0.5)
                      / BrowserBench.percentile(sorted(plain), 0.5)
                      * 100)
              / 100.0);
      report.put(String.valueOf(size), r);
      System.out.printf(Locale.ROOT, "%d: %s%n", size, r);
    }
    BrowserBench.writeReport("ui-3d-bench.json", report);
  }

  private Map<String, Object> load(ChromeDriver driver, String root) throws InterruptedException {
    bench.open("#/entity/" + root + "/lineage?direction=DOWNSTREAM&depth=50&view=3d");
    JavascriptExecutor js = driver;
    long deadline = System.nanoTime() + Duration.ofSeconds(150).toNanos();
    while (System.nanoTime() < deadline) {
      Object ready =
          js.executeScript(
              "const e = document.querySelector('tb-lineage-3d');"
                  + "return e && e.dataset.ready === 'true' ? JSON.stringify({nodes: +e.dataset.nodes,"
                  + " edges: +e.dataset.edges, namespaces: +e.dataset.namespaces,"
                  + " buildMs: +e.dataset.buildMs, firstFrameMs: performance.now()}) : null;");
      if (ready != null) {
        try {
          @SuppressWarnings("unchecked")
          Map<String, Object> r =
              BrowserBench.JSON.readValue(ready.toString(), LinkedHashMap.class);
          return r;
        } catch (IOException e) {
          throw new IllegalStateException(e);
        }
      }
      Thread.sleep(20);
    }
    throw new IllegalStateException("3D view of " + root + " not ready within 150 s");
  }

  @SuppressWarnings("unchecked")
  private static List<Double> frames(ChromeDriver driver, int frames, boolean naive) {
    List<Number> times =
        (List<Number>)
            driver.executeScript(
                "return document.querySelector('tb-lineage-3d').measureFrames(arguments[0],"
                    + " {naive: arguments[1]});",
                frames,
                naive);
    return times.stream().map(Number::doubleValue).toList();
  }

  private static List<Double> sorted(List<Double> values) {
    return values.stream().sorted().toList();
  }

  private static Map<String, Object> summary(List<Double> values) {
    List<Double> s = sorted(values);
    Map<String, Object> r = new LinkedHashMap<>();
    r.put("frames", s.size());
    r.put("p50Ms", BrowserBench.round(BrowserBench.percentile(s, 0.5)));
    r.put("p95Ms", BrowserBench.round(BrowserBench.percentile(s, 0.95)));
    r.put("maxMs", BrowserBench.round(s.get(s.size() - 1)));
    return r;
  }

  /**
   * A root topic feeding {@link #LAYERS} layers of jobs and topics, each topic in one of {@link
   * #NAMESPACES} Kafka clusters; about {@code nodes} nodes. Returns the root's guid.
   */
  private String ingest(int nodes) throws IOException, InterruptedException {
    int width = Math.max(1, (nodes - 1) / (2 * LAYERS));
    String prefix = "d" + nodes;
    List<String> events = new ArrayList<>();
    for (int layer = 1; layer <= LAYERS; layer++) {
      for (int i = 0; i < width; i++) {
        List<String[]> inputs = new ArrayList<>();
        if (layer == 1) {
          inputs.add(new String[] {cluster(0), prefix + "-root"});
        } else {
          inputs.add(new String[] {cluster(i), topic(prefix, layer - 1, i)});
          if (width > 1) {
            int j = (i + 1) % width;
            inputs.add(new String[] {cluster(j), topic(prefix, layer - 1, j)});
          }
        }
        events.add(
            BrowserBench.startEvent(
                prefix + "-job-" + layer + "-" + i,
                inputs,
                new String[] {cluster(i), topic(prefix, layer, i)}));
      }
    }
    bench.ingest(events);
    return bench.topicGuid(prefix + "-root@bench0:9092");
  }

  private static String cluster(int i) {
    return "kafka://bench" + (i % NAMESPACES) + ":9092";
  }

  private static String topic(String prefix, int layer, int i) {
    return prefix + "-t-" + layer + "-" + i;
  }
}
