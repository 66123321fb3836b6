package io.tributary.server;

import static io.tributary.server.RunningServer.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every refusal of the HTTP API is a problem+json body that says what was wrong. */
class HttpErrorsIT {
  private static final String KEY = "errors-key";
  private static final int LIMIT = 256 * 1024;
  @TempDir static Path dataDir;
  private static RunningServer server;

  @BeforeAll
  static void start() {
    server =
        RunningServer.start(
            dataDir, Map.of("ingest.api-key", KEY, "ingest.max-body-bytes", LIMIT + ""));
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  private static HttpRequest.Builder post(String path) {
    return HttpRequest.newBuilder(server.uri(path))
        .header("Content-Type", "application/json; charset=UTF-8")
        .header("Authorization", "Bearer " + KEY);
  }

  private static HttpResponse<String> postJson(String path, String body) {
    return server.send(post(path).POST(HttpRequest.BodyPublishers.ofString(body)).build());
  }

  private static JsonNode problem(HttpResponse<String> response, int status, String type) {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
    assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    JsonNode body = json(response);
    assertThat(body.path("status").asInt()).isEqualTo(status);
    assertThat(body.path("type").asText()).isEqualTo("urn:tributary:problem:" + type);
    assertThat(body.path("title").asText()).isNotBlank();
    assertThat(body.path("detail").asText()).isNotBlank();
    return body;
  }

  private static byte[] gzip(byte[] data) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
      gz.write(data);
    }
    return out.toByteArray();
  }

  @Test
  void shouldAnswer400SayingWhereTheJsonBreaks() {
    JsonNode body =
        problem(
            postJson("api/v1/lineage", "{\"eventType\": \"START\",\n  oops"), 400, "invalid-json");

    assertThat(body.path("detail").asText()).contains("line 2");
  }

  @Test
  void shouldAnswer400NamingTheFieldThatBreaksTheSchema() {
    String event = Events.startJson(1).replace(Events.runId(1).toString(), "not-a-uuid");

    JsonNode body = problem(postJson("api/v1/lineage", event), 400, "invalid-event");

    assertThat(body.path("violations").findValuesAsText("pointer")).contains("/run/runId");
    assertThat(body.path("violations").get(0).path("message").asText()).isNotBlank();
  }

  @Test
  void shouldAnswer413ForADeclaredLengthOverTheLimitWithoutReadingIt() {
    String big = "[\"" + "x".repeat(LIMIT) + "\"]";

    problem(postJson("api/v1/lineage", big), 413, "payload-too-large");
  }

  @Test
  void shouldAnswer413WhileStreamingAChunkedBodyOverTheLimit() {
    byte[] big = ("[\"" + "x".repeat(2 * LIMIT) + "\"]").getBytes(StandardCharsets.UTF_8);
    HttpRequest request =
        post("api/v1/lineage")
            .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(big)))
            .build();

    problem(server.send(request), 413, "payload-too-large");
  }

  @Test
  void shouldAnswer413ForAGzipBombAndStayHealthy() throws IOException {
    // Valid JSON all the way (64 MB of white space in an array), so only the size can stop it.
    byte[] json = new byte[64 * 1024 * 1024];
    java.util.Arrays.fill(json, (byte) ' ');
    json[0] = '[';
    json[json.length - 1] = ']';
    byte[] bomb = gzip(json);
    assertThat(bomb.length).isLessThan(LIMIT);
    HttpRequest request =
        post("api/v1/lineage")
            .header("Content-Encoding", "gzip")
            .POST(HttpRequest.BodyPublishers.ofByteArray(bomb))
            .build();

    problem(server.send(request), 413, "payload-too-large");
    assertThat(server.get("health").statusCode()).isEqualTo(200);
  }

  @Test
  void shouldAnswer400ForABodyThatIsNotGzipAfterAll() {
    HttpRequest request =
        post("api/v1/lineage")
            .header("Content-Encoding", "gzip")
            .POST(HttpRequest.BodyPublishers.ofString(Events.startJson(2)))
            .build();

    assertThat(problem(server.send(request), 400, "invalid-json").path("detail").asText())
        .contains("gzip");
  }

  @Test
  void shouldAnswer415ForAContentTypeThatIsNotJson() {
    HttpRequest request =
        HttpRequest.newBuilder(server.uri("api/v1/lineage"))
            .header("Content-Type", "text/plain")
            .header("Authorization", "Bearer " + KEY)
            .POST(HttpRequest.BodyPublishers.ofString(Events.startJson(3)))
            .build();

    assertThat(problem(server.send(request), 415, "unsupported-media-type").path("detail").asText())
        .contains("text/plain");
  }

  @Test
  void shouldAnswer415ForAnUnsupportedContentEncoding() {
    HttpRequest request =
        post("api/v1/lineage")
            .header("Content-Encoding", "br")
            .POST(HttpRequest.BodyPublishers.ofString(Events.startJson(4)))
            .build();

    assertThat(problem(server.send(request), 415, "unsupported-media-type").path("detail").asText())
        .contains("'br'");
  }

  @Test
  void shouldAnswer401WithoutTheApiKeyOrWithAWrongOne() {
    HttpRequest none =
        HttpRequest.newBuilder(server.uri("api/v1/lineage"))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(Events.startJson(5)))
            .build();
    HttpRequest wrong =
        HttpRequest.newBuilder(server.uri("api/v1/lineage"))
            .header("Content-Type", "application/json")
            .header("Authorization", "Bearer nope")
            .POST(HttpRequest.BodyPublishers.ofString(Events.startJson(5)))
            .build();

    HttpResponse<String> missing = server.send(none);
    problem(missing, 401, "unauthorized");
    assertThat(missing.headers().firstValue("WWW-Authenticate"))
        .hasValueSatisfying(v -> assertThat(v).startsWith("Bearer"));
    problem(server.send(wrong), 401, "unauthorized");
  }

  @Test
  void shouldAnswer404ProblemForAnUnknownEntityAndAnUnknownPath() {
    String guid = UUID.nameUUIDFromBytes("nobody".getBytes(StandardCharsets.UTF_8)).toString();

    assertThat(
            problem(server.get("api/v1/entities/" + guid), 404, "not-found")
                .path("detail")
                .asText())
        .contains(guid);
    problem(server.get("api/v1/lineage/" + guid), 404, "not-found");
    problem(server.get("api/v1/impact/" + guid), 404, "not-found");
    problem(server.get("api/v1/no-such-thing"), 404, "not-found");
  }

  @Test
  void shouldAnswer405ProblemListingTheAllowedMethods() {
    HttpResponse<String> response =
        server.send(HttpRequest.newBuilder(server.uri("api/v1/stats")).DELETE().build());

    problem(response, 405, "method-not-allowed");
    assertThat(response.headers().firstValue("Allow"))
        .hasValueSatisfying(v -> assertThat(v).contains("GET"));
  }

  @Test
  void shouldAnswer400NamingTheBadParameter() {
    String guid = UUID.randomUUID().toString();
    Map<String, String> cases =
        Map.of(
            "api/v1/lineage/" + guid + "?depth=abc",
            "depth",
            "api/v1/lineage/" + guid + "?direction=SIDEWAYS",
            "direction",
            "api/v1/lineage/" + guid + "?level=TABLE",
            "level",
            "api/v1/lineage/not-a-guid",
            "guid",
            "api/v1/search?limit=0",
            "limit",
            "api/v1/search?type=no_such_type",
            "type",
            "api/v1/lineage/path?from=" + guid,
            "to",
            "api/v1/entities?tenant=Not%20A%20Tenant",
            "tenant",
            "api/v1/feed?after=yesterday",
            "after");

    cases.forEach(
        (path, parameter) ->
            assertThat(problem(server.get(path), 400, "bad-parameter").path("detail").asText())
                .as(path)
                .contains("'" + parameter + "'"));
  }

  @Test
  void shouldCommitTheValidEventsOfABatchAndReportTheOthers() {
    String broken = Events.startJson(12).replace(Events.runId(12).toString(), "broken");
    String batch = "[" + Events.startJson(11) + "," + broken + "," + Events.startJson(13) + "]";

    HttpResponse<String> response = postJson("api/v1/lineage/batch", batch);

    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    JsonNode body = json(response);
    assertThat(body.path("status").asText()).isEqualTo("partial_success");
    assertThat(body.path("summary").path("received").asInt()).isEqualTo(3);
    assertThat(body.path("summary").path("successful").asInt()).isEqualTo(2);
    assertThat(body.path("summary").path("failed").asInt()).isEqualTo(1);
    assertThat(body.path("failed_events")).hasSize(1);
    JsonNode failed = body.path("failed_events").get(0);
    assertThat(failed.path("index").asInt()).isEqualTo(1);
    assertThat(failed.path("retriable").asBoolean()).isFalse();
    assertThat(failed.path("reason").asText()).contains("/run/runId");
    server.entity("kafka_topic", Events.topic("in-11"));
    server.entity("kafka_topic", Events.topic("out-13"));
    assertThat(json(server.get("api/v1/search?mode=prefix&q=in-12")).path("total").asInt())
        .isZero();
  }

  @Test
  void shouldAnswerSuccessForABatchWithoutFailures() {
    HttpResponse<String> response =
        postJson(
            "api/v1/lineage/batch", "[" + Events.startJson(14) + "," + Events.startJson(15) + "]");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(json(response).path("status").asText()).isEqualTo("success");
    assertThat(json(response).path("failed_events")).isEmpty();
  }

  @Test
  void shouldAnswer400ProblemWhenNoEventOfABatchIsValid() {
    JsonNode body =
        problem(
            postJson("api/v1/lineage/batch", "[{\"eventType\":\"START\"}, 42]"),
            400,
            "batch-failed");

    assertThat(body.path("summary").path("failed").asInt()).isEqualTo(2);
    assertThat(body.path("failed_events").findValuesAsText("index")).containsExactly("0", "1");
  }

  @Test
  void shouldAnswer400WhenABatchIsNotAnArray() {
    problem(postJson("api/v1/lineage/batch", Events.startJson(16)), 400, "invalid-event");
  }

  @Test
  void shouldAcceptAPostFromAJavaClientThatAsksToUpgradeToHttp2() throws Exception {
    HttpClient defaultClient = HttpClient.newHttpClient();
    HttpResponse<String> response =
        defaultClient.send(
            post("api/v1/lineage")
                .POST(HttpRequest.BodyPublishers.ofString(Events.startJson(17)))
                .build(),
            HttpResponse.BodyHandlers.ofString());

    assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
    assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
  }
}
