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
import java.util.Map;
import java.util.UUID;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * What the browser benchmarks share, apart from what each measures: a catalog server on the
 * in-memory backend with limits raised for big batches, a synthetic estate posted through {@code
 * POST /api/v1/lineage/batch}, headless Chromium on software rendering opened at a route of the UI,
 * percentiles, and the JSON report under {@code target/}.
 */
final class BrowserBench implements AutoCloseable {
  static final ObjectMapper JSON = new ObjectMapper();
  private static final String PRODUCER = "https://github.com/tributary/benchmarks";
  private static final String SCHEMA = "https://openlineage.io/spec/2-0-2/OpenLineage.json";
  private static final int BATCH = 500;

  private final CatalogServer server;
  private final URI base;
  private final HttpClient http =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(10))
          .build();
  private ChromeDriver driver;

  private BrowserBench(CatalogServer server) {
    this.server = server;
    this.base = server.uri();
  }

  /** A server on an ephemeral port, in memory, taking batches of thousands of events. */
  static BrowserBench start() {
    return start(Map.of());
  }

  /** The same with {@code settings} on top, such as the search indexer turned off. */
  static BrowserBench start(Map<String, String> settings) {
    Map<String, String> flags = new LinkedHashMap<>();
    flags.put("server.host", "127.0.0.1");
    flags.put("server.port", "0");
    flags.put("catalog.backend", "embedded-inmemory");
    flags.put("ingest.max-body-bytes", String.valueOf(64L << 20));
    flags.put("ingest.batch.max", "5000");
    flags.putAll(settings);
    return new BrowserBench(CatalogServer.start(Settings.loader(Map.of()).load(flags)));
  }

  URI base() {
    return base;
  }

  /** Posts the events in batches; any refused batch ends the benchmark. */
  void ingest(List<String> events) throws IOException, InterruptedException {
    for (int from = 0; from < events.size(); from += BATCH) {
      List<String> batch = events.subList(from, Math.min(events.size(), from + BATCH));
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
  }

  /** {@code GET path} on the server, the body as bytes. */
  HttpResponse<byte[]> get(String path) throws IOException, InterruptedException {
    return http.send(
        HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofMinutes(2)).build(),
        HttpResponse.BodyHandlers.ofByteArray());
  }

  /** The guid of the Kafka topic of that qualified name ({@code name@host:port}). */
  String topicGuid(String qualifiedName) throws IOException, InterruptedException {
    HttpResponse<String> found =
        http.send(
            HttpRequest.newBuilder(
                    base.resolve(
                        "/api/v1/entities?type=kafka_topic&qualifiedName="
                            + URLEncoder.encode(qualifiedName, StandardCharsets.UTF_8)))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    return JSON.readTree(found.body()).path("entities").get(0).path("guid").asText();
  }

  /**
   * Headless Chromium without a GPU (software rendering, as on CI), its own profile, the given
   * window; {@code extraArguments} such as {@code --enable-unsafe-swiftshader} for WebGL. Quit by
   * {@link #close()}.
   */
  ChromeDriver chromium(int width, int height, Duration scriptTimeout, String... extraArguments)
      throws IOException {
    Path profile = Files.createTempDirectory("bench-chromium-");
    ChromeOptions options = new ChromeOptions();
    options.setBinary("/usr/bin/chromium");
    List<String> arguments =
        new ArrayList<>(
            List.of(
                "--headless=new",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-dev-shm-usage",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--no-first-run",
                "--user-data-dir=" + profile,
                "--window-size=" + width + "," + height));
    arguments.addAll(List.of(extraArguments));
    options.addArguments(arguments);
    driver =
        new ChromeDriver(
            new ChromeDriverService.Builder()
                .usingDriverExecutable(new java.io.File("/usr/bin/chromedriver"))
                .build(),
            options);
    driver.manage().timeouts().scriptTimeout(scriptTimeout);
    return driver;
  }

  /** Opens a route of the UI in a fresh page (through about:blank, so nothing is cached in it). */
  void open(String hash) {
    driver.get("about:blank");
    driver.get(base.resolve("/").toString() + hash);
  }

  /** Writes the report as pretty JSON to {@code target/<file>} and says where. */
  static void writeReport(String file, Map<String, Object> report) throws IOException {
    Path out = Path.of("target", file);
    Files.createDirectories(out.getParent());
    JSON.writerWithDefaultPrettyPrinter().writeValue(out.toFile(), report);
    System.out.println("written " + out.toAbsolutePath());
  }

  /**
   * A START event of {@code job} (namespace {@code bench}) reading {@code inputs} and writing
   * {@code output}, each dataset a {@code {namespace, name}} pair; the run id follows from the job.
   */
  static String startEvent(String job, List<String[]> inputs, String[] output) {
    List<String> in = inputs.stream().map(BrowserBench::dataset).toList();
    return "{\"eventType\":\"START\",\"eventTime\":\"2026-03-01T10:00:00Z\",\"producer\":\""
        + PRODUCER
        + "\",\"schemaURL\":\""
        + SCHEMA
        + "#/$defs/RunEvent\",\"run\":{\"runId\":\""
        + UUID.nameUUIDFromBytes(job.getBytes(StandardCharsets.UTF_8))
        + "\"},\"job\":{\"namespace\":\"bench\",\"name\":\""
        + job
        + "\"},\"inputs\":["
        + String.join(",", in)
        + "],\"outputs\":["
        + dataset(output)
        + "]}";
  }

  private static String dataset(String[] d) {
    return "{\"namespace\":\"" + d[0] + "\",\"name\":\"" + d[1] + "\"}";
  }

  static double percentile(List<Double> sorted, double p) {
    int i = (int) Math.ceil(p * sorted.size()) - 1;
    return sorted.get(Math.max(0, Math.min(sorted.size() - 1, i)));
  }

  static double round(double v) {
    return Math.round(v * 10) / 10.0;
  }

  @Override
  public void close() {
    if (driver != null) {
      driver.quit();
    }
    server.close();
  }
}
