package io.tributary.tenancy;

import static io.tributary.tenancy.TenancyServer.encode;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpServer;
import io.tributary.ranger.tenancy.TenantRole;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The data-quality rules engine on a running server, alerts received by a real local HTTP server
 * (the JDK's): a row-count threshold failing then passing as statistics arrive, with the history of
 * both; a freshness rule firing for a stream that went silent.
 */
class QualityIT {
  private static final String ADMIN = Users.user("acme", TenantRole.ADMIN);
  private static final String WRITER = Users.user("acme", TenantRole.WRITER);
  private static final String GLOBEX = Users.user("globex", TenantRole.ADMIN);
  private static final String BASE = "api/v1/governance/tenants/acme/";

  @TempDir static Path dataDir;
  private static TenancyServer server;
  private static HttpServer webhook;
  private static final List<JsonNode> alerts = new CopyOnWriteArrayList<>();

  @BeforeAll
  static void start() throws IOException {
    webhook = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    webhook.createContext(
        "/alerts",
        exchange -> {
          try (exchange) {
            alerts.add(
                TenancyServer.JSON.readTree(
                    new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)));
            exchange.sendResponseHeaders(204, -1);
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
        });
    webhook.start();
    Users users = Users.write(dataDir.resolve("users.json"), List.of("acme", "globex"), Map.of());
    server =
        TenancyServer.start(
            dataDir,
            users,
            Map.of(
                "policy.poll-interval", "200ms",
                "governance.quality.freshness-interval", "300ms",
                "governance.quality.webhook-url",
                    "http://127.0.0.1:" + webhook.getAddress().getPort() + "/alerts"));
    for (String tenant : List.of("acme", "globex")) {
      status(201, server.as(Users.PLATFORM).post("api/v1/tenants", "{\"id\":\"" + tenant + "\"}"));
    }
  }

  @AfterAll
  static void stop() {
    server.close();
    webhook.stop(0);
  }

  @Test
  void shouldFailThenPassARowCountThresholdKeepingTheHistoryAndAlertingTheWebhook() {
    status(
        200,
        server
            .as(ADMIN)
            .put(
                BASE + "quality-rules/enough-rows",
                "{\"dataset\": \"orders@prod\", \"metric\": \"rowCount\", \"min\": 100}"));
    ingest("loader", "orders", 10, 0);
    String orders = guid("orders@prod");
    await()
        .atMost(Duration.ofSeconds(20))
        .until(() -> alerts.stream().anyMatch(a -> a.path("rule").asText().equals("enough-rows")));
    JsonNode alert =
        alerts.stream()
            .filter(a -> a.path("rule").asText().equals("enough-rows"))
            .findFirst()
            .get();
    assertThat(alert.path("passed").asBoolean()).isFalse();
    assertThat(alert.path("value").asDouble()).isEqualTo(10.0);
    assertThat(alert.path("dataset").asText()).isEqualTo("orders@prod");

    ingest("loader", "orders", 500, 10);
    await()
        .atMost(Duration.ofSeconds(20))
        .until(
            () ->
                server
                        .as(ADMIN)
                        .ok(BASE + "quality-results?view=history&dataset=" + orders)
                        .path("results")
                        .size()
                    == 2);
    JsonNode history =
        server
            .as(ADMIN)
            .ok(BASE + "quality-results?view=history&dataset=" + orders)
            .path("results");
    assertThat(history.get(0).path("passed").asBoolean()).isFalse();
    assertThat(history.get(1).path("passed").asBoolean()).isTrue();
    JsonNode badge =
        server.as(ADMIN).ok(BASE + "quality-results?dataset=" + orders).path("results");
    assertThat(badge).hasSize(1);
    assertThat(badge.get(0).path("passed").asBoolean()).isTrue();
  }

  @Test
  void shouldAlertWhenAStreamGoesSilentForLongerThanItsFreshness() {
    status(
        200,
        server
            .as(ADMIN)
            .put(
                BASE + "quality-rules/fresh-clicks",
                "{\"dataset\": \"clicks@prod\", \"metric\": \"freshness\", \"maxAge\": \"PT2S\"}"));
    ingest("tracker", "clicks", 50, 0);
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> alerts.stream().anyMatch(a -> a.path("rule").asText().equals("fresh-clicks")));
    JsonNode alert =
        alerts.stream()
            .filter(a -> a.path("rule").asText().equals("fresh-clicks"))
            .findFirst()
            .get();
    assertThat(alert.path("passed").asBoolean()).isFalse();
    assertThat(alert.path("detail").asText()).startsWith("no output for");
    assertThat(alert.path("value").asDouble()).isGreaterThan(2.0);
  }

  @Test
  void shouldKeepQualityInsideItsTenant() {
    for (String path : List.of("quality-rules", "quality-results")) {
      assertThat(server.as(GLOBEX).get(BASE + path).statusCode()).as(path).isEqualTo(404);
    }
    assertThat(
            server
                .as(GLOBEX)
                .put(BASE + "quality-rules/x", "{\"metric\": \"rowCount\", \"min\": 1}")
                .statusCode())
        .isEqualTo(404);
    assertThat(server.as(GLOBEX).delete(BASE + "quality-rules/x").statusCode()).isEqualTo(404);
    assertThat(server.as(GLOBEX).post(BASE + "quality/freshness-check", "").statusCode())
        .isEqualTo(404);
    assertThat(
            server
                .as(Users.user("acme", TenantRole.READER))
                .put(BASE + "quality-rules/x", "{\"metric\": \"rowCount\", \"min\": 1}")
                .statusCode())
        .isEqualTo(403);
    assertThat(
            server
                .as(GLOBEX)
                .ok("api/v1/governance/tenants/globex/quality-results")
                .path("results"))
        .isEmpty();
    HttpResponse<String> bad =
        server.as(ADMIN).put(BASE + "quality-rules/x", "{\"metric\": \"nullRatio\", \"max\": 0.1}");
    assertThat(bad.statusCode()).isEqualTo(400);
    assertThat(bad.body()).contains("column");
  }

  /** {@code job} writing {@code dataset} with output statistics of {@code rows} rows. */
  private static void ingest(String job, String dataset, long rows, int second) {
    ObjectNode event = Lineage.job(job, List.of(job + "-in"), List.of(dataset)).at(second).node();
    ((ObjectNode) event.path("outputs").get(0))
        .putObject("outputFacets")
        .putObject("outputStatistics")
        .put("_producer", Lineage.PRODUCER)
        .put(
            "_schemaURL",
            "https://openlineage.io/spec/facets/1-0-2/OutputStatisticsOutputDatasetFacet.json#/$defs/OutputStatisticsOutputDatasetFacet")
        .put("rowCount", rows);
    status(201, server.as(WRITER).post("api/v1/lineage", event.toString()));
  }

  private static String guid(String qualifiedName) {
    JsonNode found =
        server
            .as(Users.PLATFORM)
            .ok(
                "api/v1/entities?type=kafka_topic&tenant=acme&qualifiedName="
                    + encode(qualifiedName))
            .path("entities");
    assertThat(found).hasSize(1);
    return found.get(0).path("guid").asText();
  }

  private static void status(int expected, HttpResponse<String> response) {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(expected);
  }
}
