package io.tributary.server;

import static io.openlineage.client.OpenLineage.RunEvent.EventType.COMPLETE;
import static io.openlineage.client.OpenLineage.RunEvent.EventType.RUNNING;
import static io.openlineage.client.OpenLineage.RunEvent.EventType.START;
import static io.tributary.server.RunningServer.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.openlineage.client.OpenLineage;
import io.openlineage.client.OpenLineageClient;
import io.openlineage.client.transports.ApiKeyTokenProvider;
import io.openlineage.client.transports.HttpConfig;
import io.openlineage.client.transports.HttpTransport;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real server on BerkeleyJE, fed by openlineage-java's own HTTP transport, read back through the
 * query endpoints.
 */
class HttpIngestIT {
  private static final String API_KEY = "test-key-1";
  @TempDir static Path dataDir;
  private static RunningServer server;

  @BeforeAll
  static void start() {
    server = RunningServer.start(dataDir, Map.of("ingest.api-key", API_KEY));
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  /** Emits through openlineage-java's client and HTTP transport, as a job would. */
  private static void emit(HttpConfig.Compression compression, OpenLineage.RunEvent... events)
      throws Exception {
    HttpConfig config = new HttpConfig();
    // No trailing slash: with a path, the transport would not append /api/v1/lineage.
    config.setUrl(java.net.URI.create(server.uri().toString().replaceAll("/$", "")));
    config.setCompression(compression);
    ApiKeyTokenProvider auth = new ApiKeyTokenProvider();
    auth.setApiKey(API_KEY);
    config.setAuth(auth);
    OpenLineageClient client =
        OpenLineageClient.builder().transport(new HttpTransport(config)).build();
    try {
      for (OpenLineage.RunEvent event : events) {
        client.emit(event);
      }
    } finally {
      client.close();
    }
  }

  @Test
  void shouldHaveLineageFromStartOfAStreamingJobSentByTheOpenLineageHttpTransport()
      throws Exception {
    UUID run = Events.runId(100);
    emit(null, Events.streaming(START, run, "enrich-orders", "orders", "enriched", 0));

    JsonNode orders = server.entity("kafka_topic", Events.topic("orders"));
    JsonNode lineage =
        json(
            server.get(
                "api/v1/lineage/"
                    + orders.path("guid").asText()
                    + "?direction=DOWNSTREAM&depth=3"));
    assertThat(names(lineage.path("nodes")))
        .contains(Events.topic("orders"), "streaming/enrich-orders", Events.topic("enriched"));
    assertThat(lineage.path("edges")).hasSizeGreaterThanOrEqualTo(2);
    assertThat(lineage.path("distances").path(orders.path("guid").asText()).asInt()).isZero();

    emit(
        null,
        Events.streaming(RUNNING, run, "enrich-orders", "orders", "enriched", 60),
        Events.streaming(COMPLETE, run, "enrich-orders", "orders", "enriched", 120));

    JsonNode enriched = server.entity("kafka_topic", Events.topic("enriched"));
    JsonNode upstream =
        json(
            server.get("api/v1/lineage/" + enriched.path("guid").asText() + "?direction=UPSTREAM"));
    assertThat(names(upstream.path("nodes"))).contains(Events.topic("orders"));
    orders = server.entity("kafka_topic", Events.topic("orders"));
    assertThat(orders.path("tenant").asText()).isEqualTo("default");
    assertThat(orders.path("name").asText()).isEqualTo("orders");
    assertThat(orders.has("attributes")).isTrue();
    assertThat(orders.path("createTime").asText()).isNotBlank();
  }

  @Test
  void shouldAcceptGzipCompressedEventsFromTheOpenLineageHttpTransport() throws Exception {
    emit(
        HttpConfig.Compression.GZIP,
        Events.streaming(START, Events.runId(200), "gz-job", "gz-in", "gz-out", 0));

    JsonNode in = server.entity("kafka_topic", Events.topic("gz-in"));
    JsonNode out = server.entity("kafka_topic", Events.topic("gz-out"));
    JsonNode path =
        json(
            server.get(
                "api/v1/lineage/path?from="
                    + in.path("guid").asText()
                    + "&to="
                    + out.path("guid").asText()));
    assertThat(path.path("guids")).hasSize(3);
    assertThat(names(path.path("nodes")))
        .containsExactly(Events.topic("gz-in"), "streaming/gz-job", Events.topic("gz-out"));
  }

  @Test
  void shouldAnswer201WithTheCommittedEntitiesAndServeEveryQueryEndpoint() {
    HttpResponse<String> posted =
        server.send(
            java.net.http.HttpRequest.newBuilder(server.uri("api/v1/lineage"))
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + API_KEY)
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(Events.startJson(300)))
                .build());

    assertThat(posted.statusCode()).as(posted.body()).isEqualTo(201);
    JsonNode body = json(posted);
    assertThat(body.path("status").asText()).isEqualTo("committed");
    assertThat(body.path("eventType").asText()).isEqualTo("START");
    assertThat(body.path("runId").asText()).isEqualTo(Events.runId(300).toString());
    assertThat(names(body.path("entities")))
        .contains(Events.topic("in-300"), Events.topic("out-300"));

    JsonNode in = server.entity("kafka_topic", Events.topic("in-300"));
    String guid = in.path("guid").asText();
    assertThat(json(server.get("api/v1/entities/" + guid)).path("qualifiedName").asText())
        .isEqualTo(Events.topic("in-300"));
    assertThat(
            json(server.get("api/v1/search?mode=prefix&q=in-300&type=DataSet"))
                .path("total")
                .asLong())
        .isEqualTo(1);
    assertThat(
            names(
                json(server.get(
                        "api/v1/entities/"
                            + guid
                            + "/related/dataset_process_inputs?direction=DOWNSTREAM"))
                    .path("entities")))
        .containsExactly("streaming/job-300");
    JsonNode impact = json(server.get("api/v1/impact/" + guid + "?depth=2"));
    assertThat(impact.path("entries").findValuesAsText("qualifiedName"))
        .contains(Events.topic("out-300"));
    // fields=guid: the same entries as guids and distances, without the entity views.
    JsonNode guids = json(server.get("api/v1/impact/" + guid + "?depth=2&fields=guid"));
    assertThat(guids.path("entries").findValuesAsText("guid"))
        .containsExactlyElementsOf(
            java.util.stream.StreamSupport.stream(impact.path("entries").spliterator(), false)
                .map(e -> e.path("entity").path("guid").asText())
                .toList());
    assertThat(guids.path("entries").findValues("entity")).isEmpty();
    assertThat(guids.path("entries").findValuesAsText("distance"))
        .containsExactlyElementsOf(
            java.util.stream.StreamSupport.stream(impact.path("entries").spliterator(), false)
                .map(e -> e.path("distance").asText())
                .toList());
    assertThat(server.get("api/v1/impact/" + guid + "?fields=name").statusCode()).isEqualTo(400);
    JsonNode stats = json(server.get("api/v1/stats"));
    assertThat(stats.path("entitiesByType").path("kafka_topic").asLong()).isGreaterThanOrEqualTo(2);
    assertThat(stats.path("entities").asLong()).isGreaterThanOrEqualTo(3);
  }

  @Test
  void shouldReportHealthAndPrometheusMetricsWithIngestAndHttpSeries() {
    HttpResponse<String> health = server.get("health");
    assertThat(health.statusCode()).isEqualTo(200);
    assertThat(json(health).path("status").asText()).isEqualTo("UP");
    server.get("api/v1/stats");

    HttpResponse<String> metrics = server.get("metrics");

    assertThat(metrics.statusCode()).isEqualTo(200);
    assertThat(metrics.headers().firstValue("Content-Type").orElse("")).startsWith("text/plain");
    assertThat(metrics.body())
        .contains("jvm_memory_used_bytes")
        .contains("tributary_ingest_queue_depth")
        .contains("tributary_ingest_batch_size")
        .contains(
            "http_server_requests_seconds_count{method=\"GET\",outcome=\"SUCCESS\",status=\"200\",uri=\"/api/v1/stats\"}");
  }

  @Test
  void shouldServeThePageAtTheRoot() {
    HttpResponse<String> page = server.get("");

    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
  }

  private static List<String> names(JsonNode nodes) {
    List<String> out = new ArrayList<>();
    nodes.forEach(n -> out.add(n.path("qualifiedName").asText()));
    return out;
  }
}
