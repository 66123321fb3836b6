package io.tributary.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.tributary.demo.AlertNotifier;
import io.tributary.demo.LargeOrderAlerts;
import io.tributary.demo.LineageProperties;
import io.tributary.demo.OrderEnricher;
import io.tributary.demo.OrderService;
import io.tributary.demo.Pipeline;
import io.tributary.demo.Topics;
import io.tributary.server.CatalogServer;
import io.tributary.server.Settings;
import io.tributary.testkit.kafka.KafkaBroker;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A producer and a consumer with the interceptors, a Kafka Streams application and a Flink job on a
 * real broker, all emitting to a running catalog server over HTTP; everything is asserted through
 * the catalog's query API.
 */
class StreamingLineageIT {
  private static final String CLUSTER = "e2e";
  private static final Duration INTERVAL = Duration.ofSeconds(2);
  private static final Duration PATIENCE = Duration.ofMinutes(3);

  private static KafkaBroker kafka;

  @BeforeAll
  static void startKafka() throws Exception {
    kafka = KafkaBroker.start();
  }

  @AfterAll
  static void stopKafka() {
    kafka.close();
  }

  private static CatalogServer startCatalog(Path dataDir, int port) {
    Map<String, String> flags = new LinkedHashMap<>();
    flags.put("server.host", "localhost");
    flags.put("server.port", String.valueOf(port));
    flags.put("data.dir", dataDir.toString());
    return CatalogServer.start(Settings.loader(Map.of()).load(flags));
  }

  private static Pipeline startPipeline(
      URI catalog, Path dir, SimpleMeterRegistry registry, Map<String, String> overrides)
      throws Exception {
    LineageProperties lineage =
        new LineageProperties(catalog, INTERVAL, CLUSTER, kafka.bootstrapServers(), overrides);
    return Pipeline.start(
        new Pipeline.Settings(
            kafka.bootstrapServers(), lineage, dir.resolve("streams"), 20, registry));
  }

  private static long millis(JsonNode value) {
    return value.isNumber() ? value.asLong() : Instant.parse(value.asText()).toEpochMilli();
  }

  private static double total(SimpleMeterRegistry registry, String meter) {
    return registry.find(meter).functionCounters().stream()
        .mapToDouble(FunctionCounter::count)
        .sum();
  }

  private static Map<String, Double> sentByJob(SimpleMeterRegistry registry) {
    Map<String, Double> sent = new java.util.TreeMap<>();
    registry
        .find("tributary.lineage.events.sent")
        .functionCounters()
        .forEach(c -> sent.merge(c.getId().getTag("job"), c.count(), Double::sum));
    return sent;
  }

  /** Each job has exactly one run, started (a START arrived) and RUNNING after it. */
  private static boolean runningAfterStart(PipelineGraph graph) {
    for (String job : PipelineGraph.PROCESS_TYPES.keySet()) {
      List<JsonNode> runs = graph.runs(job);
      if (runs.size() != 1) {
        return false;
      }
      JsonNode run = runs.get(0).path("attributes");
      if (!run.path("state").asText().equals("RUNNING")
          || !run.has("startTime")
          || millis(run.path("lastSeen")) <= millis(run.path("startTime"))) {
        return false;
      }
    }
    return true;
  }

  @Test
  void shouldShowThePipelineAsOneGraphWithItsRunsFromValidatedEvents(@TempDir Path dir)
      throws Exception {
    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    try (CatalogServer catalog = startCatalog(dir.resolve("catalog"), 0)) {
      CatalogApi api = new CatalogApi(catalog.uri());
      PipelineGraph graph = new PipelineGraph(api, CLUSTER);
      Pipeline pipeline = startPipeline(catalog.uri(), dir, registry, Map.of());
      try {
        // Also a START and a RUNNING counted by each of the three emitters with meters: on a warm
        // JVM the catalog can show every run RUNNING before the last of them has counted it.
        await()
            .atMost(PATIENCE)
            .pollInterval(Duration.ofSeconds(1))
            .until(
                () ->
                    graph.missing().isEmpty()
                        && runningAfterStart(graph)
                        && total(registry, "tributary.lineage.events.sent") >= 3 * 2);
        assertThat(pipeline.alertsReceived()).isPositive();

        JsonNode lineage =
            api.lineage(
                graph.process(OrderService.JOB).orElseThrow().path("guid").asText(),
                "DOWNSTREAM",
                10);
        List<String> nodeNames = new java.util.ArrayList<>();
        lineage.path("nodes").forEach(n -> nodeNames.add(n.path("name").asText()));
        for (String topic : Topics.ALL) {
          assertThat(nodeNames).as("nodes named %s", topic).containsOnlyOnce(topic);
        }
        assertThat(nodeNames)
            .contains(OrderService.JOB, OrderEnricher.JOB, LargeOrderAlerts.JOB, AlertNotifier.JOB)
            .contains(OrderEnricher.JOB + "-" + OrderEnricher.STORE + "-changelog");
        List<String> topicNames =
            api.entities("kafka_topic").stream().map(t -> t.path("name").asText()).toList();
        assertThat(topicNames).doesNotHaveDuplicates().containsAll(Topics.ALL);
        assertThat(api.entities("openlineage_dataset")).isEmpty();
      } finally {
        pipeline.close();
      }

      // No waiting: once the pipeline is closed, every application's terminal event is committed
      // (the catalog answers 201 only then), so a catalog stopped next misses none.
      for (var job : PipelineGraph.TERMINAL_STATES.entrySet()) {
        List<JsonNode> runs = graph.runs(job.getKey());
        assertThat(runs).as("runs of %s", job.getKey()).hasSize(1);
        JsonNode run = runs.get(0).path("attributes");
        assertThat(run.path("state").asText()).as(job.getKey()).isEqualTo(job.getValue());
        assertThat(millis(run.path("endTime")))
            .as("%s ended after it started", job.getKey())
            .isGreaterThan(millis(run.path("startTime")));
      }

      // The server validates every event against the OpenLineage schemas and answers 400 to an
      // invalid one: every event the emitters sent was accepted, none refused.
      Map<String, Double> posts = api.lineagePostsByStatus();
      assertThat(posts).containsOnlyKeys("201");
      double sentByKafkaEmitters = total(registry, "tributary.lineage.events.sent");
      assertThat(sentByKafkaEmitters)
          .as("events sent by job: %s", sentByJob(registry))
          .isGreaterThanOrEqualTo(3 * 3);
      // Flink's emitter has no registry here; it sent at least its START and ABORT.
      assertThat(posts.get("201")).isGreaterThanOrEqualTo(sentByKafkaEmitters + 2);
      assertThat(total(registry, "tributary.lineage.events.failed")).isZero();
    }
  }

  @Test
  void shouldRunUnharmedWhileTheCatalogIsDownAndRecoverWhenItComesBack(@TempDir Path dir)
      throws Exception {
    int port = freePort();
    URI uri = URI.create("http://localhost:" + port + "/");
    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    Map<String, String> patientRetries =
        Map.of(
            "openlineage.retry.max.attempts", "100000",
            "openlineage.retry.backoff.initial.ms", "100",
            "openlineage.retry.backoff.max.ms", "1000",
            "openlineage.transport.timeoutInMillis", "5000");
    Path catalogDir = dir.resolve("catalog");
    CatalogServer catalog = null;
    Pipeline pipeline = startPipeline(uri, dir, registry, patientRetries);
    try {
      long alertsBefore = pipeline.alertsReceived();
      await()
          .atMost(PATIENCE)
          .until(
              () ->
                  pipeline.alertsReceived() >= alertsBefore + 5
                      && total(registry, "tributary.lineage.events.retries") > 0);
      assertThat(pipeline.ordersAcknowledged()).isPositive();

      catalog = startCatalog(catalogDir, port);
      PipelineGraph graph = new PipelineGraph(new CatalogApi(catalog.uri()), CLUSTER);
      await()
          .atMost(PATIENCE)
          .pollInterval(Duration.ofSeconds(1))
          .until(() -> graph.missing().isEmpty() && runningAfterStart(graph));

      catalog.close();
      catalog = null;
      long alertsWhileDown = pipeline.alertsReceived();
      await().atMost(PATIENCE).until(() -> pipeline.alertsReceived() >= alertsWhileDown + 5);

      long restarted = System.currentTimeMillis();
      catalog = startCatalog(catalogDir, port);
      PipelineGraph again = new PipelineGraph(new CatalogApi(catalog.uri()), CLUSTER);
      await()
          .atMost(PATIENCE)
          .pollInterval(Duration.ofSeconds(1))
          .untilAsserted(
              () -> {
                for (String job : PipelineGraph.PROCESS_TYPES.keySet()) {
                  List<JsonNode> runs = again.runs(job);
                  assertThat(runs).as("runs of %s", job).hasSize(1);
                  assertThat(millis(runs.get(0).path("attributes").path("lastSeen")))
                      .as("last snapshot of %s", job)
                      .isGreaterThan(restarted);
                }
              });
      assertThat(again.missing()).isEmpty();
    } finally {
      pipeline.close();
      if (catalog != null) {
        catalog.close();
      }
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }
}
