package io.tributary.benchmarks.ui;

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
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String PRODUCER = "https://github.com/tributary/benchmarks";
  private static final String SCHEMA = "https://openlineage.io/spec/2-0-2/OpenLineage.json";
  private static final int LAYERS = 20;
  private static final int NAMESPACES = 8;

  private final HttpClient http =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(10))
          .build();
  private final URI base;

  private Lineage3dBench(URI base) {
    this.base = base;
  }

  public static void main(String[] args) throws Exception {
    List<Integer> sizes = new ArrayList<>();
    for (String s : (args.length > 0 ? args[0] : "1000,5000").split(",")) {
      sizes.add(Integer.parseInt(s.trim()));
    }
    int frames = args.length > 1 ? Integer.parseInt(args[1]) : 60;
    Map<String, String> flags = new LinkedHashMap<>();
    flags.put("server.host", "127.0.0.1");
    flags.put("server.port", "0");
    flags.put("catalog.backend", "embedded-inmemory");
    flags.put("ingest.max-body-bytes", String.valueOf(64L << 20));
    flags.put("ingest.batch.max", "5000");
    try (CatalogServer server = CatalogServer.start(Settings.loader(Map.of()).load(flags))) {
      new Lineage3dBench(server.uri()).run(sizes, frames);
    }
    System.exit(0);
  }

  private void run(List<Integer> sizes, int frames) throws Exception {
    Map<Integer, String> roots = new LinkedHashMap<>();
    for (int size : sizes) {
      roots.put(size, ingest(size));
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
        "--enable-unsafe-swiftshader",
        "--user-data-dir=" + profile,
        "--window-size=1440,900");
    ChromeDriver driver =
        new ChromeDriver(
            new ChromeDriverService.Builder()
                .usingDriverExecutable(new java.io.File("/usr/bin/chromedriver"))
                .build(),
            options);
    driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(170));
    Map<String, Object> report = new LinkedHashMap<>();
    try {
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
            Math.round(percentile(sorted(instanced), 0.5) / percentile(sorted(plain), 0.5) * 100)
                / 100.0);
        report.put(String.valueOf(size), r);
        System.out.printf(Locale.ROOT, "%d: %s%n", size, r);
      }
    } finally {
      driver.quit();
    }
    Path out = Path.of("target", "ui-3d-bench.json");
    Files.createDirectories(out.getParent());
    JSON.writerWithDefaultPrettyPrinter().writeValue(out.toFile(), report);
    System.out.println("written " + out.toAbsolutePath());
  }

  private Map<String, Object> load(ChromeDriver driver, String root) throws InterruptedException {
    driver.get("about:blank");
    driver.get(
        base.resolve("/").toString()
            + "#/entity/"
            + root
            + "/lineage?direction=DOWNSTREAM&depth=50&view=3d");
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
          Map<String, Object> r = JSON.readValue(ready.toString(), LinkedHashMap.class);
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
    r.put("p50Ms", round(percentile(s, 0.5)));
    r.put("p95Ms", round(percentile(s, 0.95)));
    r.put("maxMs", round(s.get(s.size() - 1)));
    return r;
  }

  private static double percentile(List<Double> sorted, double p) {
    int i = (int) Math.ceil(p * sorted.size()) - 1;
    return sorted.get(Math.max(0, Math.min(sorted.size() - 1, i)));
  }

  private static double round(double v) {
    return Math.round(v * 10) / 10.0;
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
            event(
                prefix + "-job-" + layer + "-" + i,
                inputs,
                new String[] {cluster(i), topic(prefix, layer, i)}));
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
                                prefix + "-root@bench0:9092", StandardCharsets.UTF_8)))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    return JSON.readTree(found.body()).path("entities").get(0).path("guid").asText();
  }

  private static String cluster(int i) {
    return "kafka://bench" + (i % NAMESPACES) + ":9092";
  }

  private static String topic(String prefix, int layer, int i) {
    return prefix + "-t-" + layer + "-" + i;
  }

  private static String dataset(String[] d) {
    return "{\"namespace\":\"" + d[0] + "\",\"name\":\"" + d[1] + "\"}";
  }

  private static String event(String job, List<String[]> inputs, String[] output) {
    List<String> in = inputs.stream().map(Lineage3dBench::dataset).toList();
    return "{\"eventType\":\"START\",\"eventTime\":\"2026-03-01T10:00:00Z\",\"producer\":\""
        + PRODUCER
        + "\",\"schemaURL\":\""
        + SCHEMA
        + "#/$defs/RunEvent\",\"run\":{\"runId\":\""
        + java.util.UUID.nameUUIDFromBytes(job.getBytes(StandardCharsets.UTF_8))
        + "\"},\"job\":{\"namespace\":\"bench\",\"name\":\""
        + job
        + "\"},\"inputs\":["
        + String.join(",", in)
        + "],\"outputs\":["
        + dataset(output)
        + "]}";
  }
}
