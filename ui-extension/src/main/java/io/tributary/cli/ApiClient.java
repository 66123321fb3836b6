package io.tributary.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.StringJoiner;

/** The few HTTP calls the client commands make to a catalog server. */
final class ApiClient {
  private final ServerConnection server;
  private final String apiKey;

  ApiClient(String url, String apiKey) {
    this.server = new ServerConnection(url, CliException::new);
    this.apiKey = apiKey;
  }

  ServerConnection.Reply post(String path, Map<String, String> query, String body) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(resolve(path, query))
            .timeout(Duration.ofSeconds(90))
            .header("Content-Type", "application/json")
            .header("Accept", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
    if (apiKey != null) {
      request.header("Authorization", "Bearer " + apiKey);
    }
    return server.send(request.build());
  }

  ServerConnection.Reply get(String path, Map<String, String> query) {
    return server.send(
        HttpRequest.newBuilder(resolve(path, query))
            .timeout(Duration.ofSeconds(60))
            .header("Accept", "application/json")
            .GET()
            .build());
  }

  private URI resolve(String path, Map<String, String> query) {
    StringJoiner q = new StringJoiner("&", "?", "");
    q.setEmptyValue("");
    query.forEach(
        (k, v) -> {
          if (v != null) {
            q.add(k + "=" + URLEncoder.encode(v, StandardCharsets.UTF_8));
          }
        });
    return server.resolve(path + q);
  }

  /** "400 Invalid OpenLineage event: /run/runId: ..." from a problem body. */
  static String describe(ServerConnection.Reply reply) {
    JsonNode b = reply.body();
    StringBuilder out = new StringBuilder().append(reply.status());
    // With violations listed one per line after it, the title says enough.
    String detail =
        b.path("violations").isEmpty()
            ? b.path("detail").asText(b.path("title").asText(""))
            : b.path("title").asText("");
    if (!detail.isEmpty()) {
      out.append(' ').append(detail);
    }
    return out.toString();
  }
}
