package io.tributary.benchmarks.edge;

import io.tributary.config.ConfigLoader;
import io.tributary.config.Configuration;
import io.tributary.edge.EdgeBridge;
import io.tributary.edge.EdgeSettings;
import io.tributary.edge.device.DeviceEvents;
import io.tributary.testkit.RunningCatalog;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.paho.client.mqttv3.IMqttMessageListener;
import org.eclipse.paho.client.mqttv3.MqttAsyncClient;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;

/**
 * Edge bridge figures, each against a baseline in the same run: MQTT messages per second observed
 * by the bridge against a plain Paho subscriber on the same broker (alternating rounds); the rate
 * the bridge drains an offline backlog into a catalog against posting the same number of events
 * straight to the catalog; the bridge daemon's heap at 1,000 messages/s against the same daemon
 * idle; and the jar sizes. Needs /usr/sbin/mosquitto and a packaged edge-bridge.
 *
 * <p>{@code java ... io.tributary.benchmarks.edge.EdgeBridgeBench [--short]}
 */
public final class EdgeBridgeBench {
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static final Pattern GAUGE =
      Pattern.compile("^tributary_edge_jvm_heap_used_bytes ([0-9.E]+)$", Pattern.MULTILINE);

  private EdgeBridgeBench() {}

  public static void main(String[] args) throws Exception {
    boolean quick = List.of(args).contains("--short");
    Path work = Files.createTempDirectory("edge-bench");
    System.out.printf(Locale.ROOT, "edge bench in %s%n", work);
    try (Broker broker = Broker.start(work.resolve("broker"))) {
      if (!List.of(args).contains("--heap-only")) {
        throughput(broker, work, quick ? 2 : 4, quick ? 10_000 : 30_000);
        catchUp(broker, work, quick ? 2_000 : 6_000);
      }
      heap(broker, work, quick ? 10 : 30);
    }
    jarSizes();
  }

  // ---- throughput ----------------------------------------------------------------------------

  private static void throughput(Broker broker, Path work, int rounds, int messages)
      throws Exception {
    List<Double> plain = new ArrayList<>();
    List<Double> bridge = new ArrayList<>();
    for (int round = 0; round < rounds; round++) {
      boolean bridgeFirst = round % 2 == 1;
      for (int v = 0; v < 2; v++) {
        boolean useBridge = (v == 0) == bridgeFirst;
        double rate =
            useBridge
                ? bridgeRound(broker, work, round, messages)
                : plainRound(broker, round, messages);
        (useBridge ? bridge : plain).add(rate);
      }
    }
    double p = median(plain);
    double b = median(bridge);
    System.out.printf(
        Locale.ROOT,
        "throughput: %d rounds x %d msgs QoS 1, 64 B, 20 topics | plain Paho %.0f msg/s | bridge"
            + " %.0f msg/s | ratio %.3f | per round plain %s bridge %s%n",
        rounds,
        messages,
        p,
        b,
        b / p,
        rounded(plain),
        rounded(bridge));
  }

  private static double plainRound(Broker broker, int round, int messages) throws Exception {
    AtomicLong received = new AtomicLong();
    MqttClient subscriber = new MqttClient(broker.url(), "plain-" + round, new MemoryPersistence());
    MqttConnectOptions options = new MqttConnectOptions();
    options.setMaxInflight(1000);
    subscriber.connect(options);
    IMqttMessageListener count = (topic, message) -> received.incrementAndGet();
    subscriber.subscribe("bench/+/+", 1, count);
    try {
      return publishAndTime(broker, messages, received::get);
    } finally {
      subscriber.disconnect();
      subscriber.close();
    }
  }

  private static double bridgeRound(Broker broker, Path work, int round, int messages)
      throws Exception {
    Map<String, String> flags = new HashMap<>();
    flags.put("edge.observe.patterns", "bench/{deviceId}/{signal}");
    flags.put("edge.observe.window", "1s");
    try (EdgeBridge bridge =
        EdgeBridge.start(config(broker, work, "tp-" + round, deadUrl(), flags))) {
      while (!bridge.mqttConnected()) {
        Thread.sleep(20);
      }
      return publishAndTime(
          broker,
          messages,
          () -> bridge.metrics().count("tributary_edge_messages", "kind=\"observed\""));
    }
  }

  private static double publishAndTime(Broker broker, int messages, LongSupplier received)
      throws Exception {
    MqttAsyncClient publisher =
        new MqttAsyncClient(broker.url(), "pub-" + UUID.randomUUID(), new MemoryPersistence());
    MqttConnectOptions options = new MqttConnectOptions();
    options.setMaxInflight(1000);
    publisher.connect(options).waitForCompletion();
    byte[] payload = new byte[64];
    long start = System.nanoTime();
    for (int i = 0; i < messages; i++) {
      while (true) {
        try {
          publisher.publish("bench/dev-" + (i % 20) + "/temp", payload, 1, false);
          break;
        } catch (org.eclipse.paho.client.mqttv3.MqttException e) {
          Thread.onSpinWait();
        }
      }
    }
    while (received.getAsLong() < messages) {
      if (System.nanoTime() - start > TimeUnit.SECONDS.toNanos(120)) {
        throw new IllegalStateException("received " + received.getAsLong() + " of " + messages);
      }
      Thread.sleep(5);
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    publisher.disconnect().waitForCompletion();
    publisher.close();
    return messages / seconds;
  }

  // ---- catch-up ------------------------------------------------------------------------------

  private static void catchUp(Broker broker, Path work, int events) throws Exception {
    int port = Broker.freePort();
    Map<String, String> flags = Map.of("edge.sync.max-backoff", "200ms");
    try (EdgeBridge bridge =
        EdgeBridge.start(config(broker, work, "catchup", "http://127.0.0.1:" + port, flags))) {
      while (!bridge.mqttConnected()) {
        Thread.sleep(20);
      }
      MqttClient device = new MqttClient(broker.url(), "catchup-devices", new MemoryPersistence());
      MqttConnectOptions options = new MqttConnectOptions();
      options.setMaxInflight(1000);
      device.connect(options);
      for (String event : deviceEvents("offline", events)) {
        device.publish(
            "tributary/lineage/" + "offline-" + (event.hashCode() & 7),
            event.getBytes(StandardCharsets.UTF_8),
            1,
            false);
      }
      device.disconnect();
      device.close();
      while (bridge.journal().backlog() < events) {
        Thread.sleep(20);
      }
      try (RunningCatalog catalog =
          RunningCatalog.start(
              work.resolve("catalog"), Map.of("server.port", Integer.toString(port)))) {
        long start = System.nanoTime();
        while (bridge.journal().backlog() > 0) {
          Thread.sleep(10);
        }
        double bridgeRate = events / ((System.nanoTime() - start) / 1e9);
        double directRate = postDirect(catalog, deviceEvents("direct", events));
        System.out.printf(
            Locale.ROOT,
            "catch-up: %d journaled events | bridge drained %.0f events/s | same count posted"
                + " straight to /api/v1/lineage/batch in batches of 500: %.0f events/s | ratio"
                + " %.3f%n",
            events,
            bridgeRate,
            directRate,
            bridgeRate / directRate);
      }
    }
  }

  /** Events of 8 devices, each a START, RUNNING snapshots and a COMPLETE. */
  private static List<String> deviceEvents(String prefix, int count) {
    List<String> out = new ArrayList<>();
    int perDevice = count / 8;
    Instant t0 = Instant.now();
    for (int d = 0; d < 8; d++) {
      DeviceEvents events =
          new DeviceEvents(
              prefix + "-" + d,
              "devices://bench",
              UUID.nameUUIDFromBytes((prefix + d).getBytes(StandardCharsets.UTF_8)));
      List<DeviceEvents.Output> outputs =
          List.of(
              new DeviceEvents.Output(
                  "mqtt://bench:1883", "sensors/" + prefix + d + "/temp", 10, 640));
      for (int i = 0; i < perDevice; i++) {
        String type = i == 0 ? "START" : i == perDevice - 1 ? "COMPLETE" : "RUNNING";
        out.add(events.event(type, t0.plusMillis(i), outputs));
      }
    }
    while (out.size() < count) {
      out.add(out.get(out.size() - 1));
    }
    return out;
  }

  private static double postDirect(RunningCatalog catalog, List<String> events) throws Exception {
    long start = System.nanoTime();
    for (int i = 0; i < events.size(); i += 500) {
      String batch =
          "[" + String.join(",", events.subList(i, Math.min(events.size(), i + 500))) + "]";
      HttpResponse<String> response =
          HTTP.send(
              HttpRequest.newBuilder(catalog.uri("api/v1/lineage/batch"))
                  .header("Content-Type", "application/json")
                  .POST(HttpRequest.BodyPublishers.ofString(batch))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() != 200) {
        throw new IllegalStateException("catalog answered " + response.statusCode());
      }
    }
    return events.size() / ((System.nanoTime() - start) / 1e9);
  }

  // ---- heap ----------------------------------------------------------------------------------

  private static void heap(Broker broker, Path work, int seconds) throws Exception {
    Path jar = Path.of("edge-bridge", "target", "tributary-edge.jar");
    if (!Files.exists(jar)) {
      System.out.println("heap: skipped, package edge-bridge first (" + jar + " missing)");
      return;
    }
    int status = Broker.freePort();
    Process daemon =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx96m",
                "-jar",
                jar.toString(),
                "--mqtt",
                broker.url(),
                "--catalog",
                deadUrl(),
                "--journal",
                work.resolve("heap-journal").toString(),
                "--node",
                "heap",
                "--http-port",
                Integer.toString(status),
                "--set",
                "edge.observe.patterns=bench/{deviceId}/{signal}",
                "--set",
                "edge.observe.window=5s")
            .redirectErrorStream(true)
            .redirectOutput(work.resolve("heap-daemon.log").toFile())
            .start();
    try {
      URI metrics = URI.create("http://127.0.0.1:" + status + "/metrics");
      while (heapUsed(metrics) < 0) {
        Thread.sleep(100);
      }
      Thread.sleep(2_000);
      double[] idle = sample(metrics, daemon.pid(), seconds, null);
      MqttAsyncClient publisher =
          new MqttAsyncClient(broker.url(), "heap-pub", new MemoryPersistence());
      MqttConnectOptions options = new MqttConnectOptions();
      options.setMaxInflight(1000);
      publisher.connect(options).waitForCompletion();
      double[] loaded = sample(metrics, daemon.pid(), seconds, publisher);
      publisher.disconnect().waitForCompletion();
      publisher.close();
      System.out.printf(
          Locale.ROOT,
          "heap (daemon, -Xmx96m, %d s each): idle heap used max %.1f MiB, RSS %.0f MiB | at"
              + " 1,000 msgs/s heap used max %.1f MiB, RSS %.0f MiB | ratio %.2f%n",
          seconds,
          idle[0] / 1048576,
          idle[1] / 1024,
          loaded[0] / 1048576,
          loaded[1] / 1024,
          loaded[0] / idle[0]);
    } finally {
      daemon.destroy();
      daemon.waitFor(20, TimeUnit.SECONDS);
    }
  }

  /** Max heap used (bytes) and max RSS (KiB) over {@code seconds}, publishing 1,000/s if given. */
  private static double[] sample(URI metrics, long pid, int seconds, MqttAsyncClient publisher)
      throws Exception {
    double maxHeap = 0;
    double maxRss = 0;
    long start = System.nanoTime();
    long sent = 0;
    byte[] payload = new byte[64];
    long nextSample = start;
    while (System.nanoTime() - start < TimeUnit.SECONDS.toNanos(seconds)) {
      long due = (System.nanoTime() - start) / 1_000_000;
      while (publisher != null && sent < due) {
        try {
          publisher.publish("bench/dev-" + (sent % 50) + "/temp", payload, 1, false);
          sent++;
        } catch (org.eclipse.paho.client.mqttv3.MqttException e) {
          break;
        }
      }
      if (System.nanoTime() >= nextSample) {
        maxHeap = Math.max(maxHeap, heapUsed(metrics));
        maxRss = Math.max(maxRss, rss(pid));
        nextSample += TimeUnit.MILLISECONDS.toNanos(500);
      }
      Thread.sleep(1);
    }
    if (publisher != null) {
      System.out.printf(Locale.ROOT, "heap: published %.0f msgs/s%n", sent / (double) seconds);
    }
    return new double[] {maxHeap, maxRss};
  }

  private static double heapUsed(URI metrics) {
    try {
      String text =
          HTTP.send(HttpRequest.newBuilder(metrics).build(), HttpResponse.BodyHandlers.ofString())
              .body();
      Matcher m = GAUGE.matcher(text);
      return m.find() ? Double.parseDouble(m.group(1)) : -1;
    } catch (IOException e) {
      return -1;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return -1;
    }
  }

  private static double rss(long pid) throws IOException {
    for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
      if (line.startsWith("VmRSS:")) {
        return Double.parseDouble(line.replaceAll("[^0-9]", ""));
      }
    }
    return 0;
  }

  // ---- jar sizes -----------------------------------------------------------------------------

  private static void jarSizes() throws IOException {
    Path target = Path.of("edge-bridge", "target");
    Path daemon = target.resolve("tributary-edge.jar");
    Path device = target.resolve("edge-bridge-0.1.0-SNAPSHOT-device.jar");
    Path paho =
        Path.of(
            System.getProperty("user.home"),
            ".m2/repository/org/eclipse/paho/org.eclipse.paho.client.mqttv3/1.2.5",
            "org.eclipse.paho.client.mqttv3-1.2.5.jar");
    Path server = Path.of("ui-extension", "target", "tributary.jar");
    System.out.printf(
        Locale.ROOT,
        "jars: daemon %s | device client %s (+ Paho mqttv3 %s) | catalog server for scale %s%n",
        size(daemon),
        size(device),
        size(paho),
        size(server));
  }

  private static String size(Path jar) throws IOException {
    if (!Files.exists(jar)) {
      return "missing";
    }
    long bytes = Files.size(jar);
    return bytes > 1 << 20
        ? String.format(Locale.ROOT, "%.1f MiB", bytes / 1048576.0)
        : String.format(Locale.ROOT, "%.1f KiB", bytes / 1024.0);
  }

  // ---- helpers -------------------------------------------------------------------------------

  private static Configuration config(
      Broker broker, Path work, String node, String catalog, Map<String, String> more) {
    Map<String, String> flags = new HashMap<>(more);
    flags.put(EdgeSettings.NODE.name(), node);
    flags.put(EdgeSettings.MQTT_URL.name(), broker.url());
    flags.put(EdgeSettings.CATALOG_URL.name(), catalog);
    flags.put(EdgeSettings.JOURNAL_DIR.name(), work.resolve("journal-" + node).toString());
    flags.put(EdgeSettings.HTTP_PORT.name(), "0");
    flags.put(EdgeSettings.HTTP_HOST.name(), "127.0.0.1");
    return new ConfigLoader(EdgeSettings.ALL, Map.of()).load(flags);
  }

  private static String deadUrl() throws IOException {
    return "http://127.0.0.1:" + Broker.freePort();
  }

  private static double median(List<Double> values) {
    List<Double> sorted = values.stream().sorted().toList();
    int n = sorted.size();
    return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
  }

  private static String rounded(List<Double> values) {
    return values.stream().map(v -> String.format(Locale.ROOT, "%.0f", v)).toList().toString();
  }
}
