package io.tributary.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.StringJoiner;

/** The few HTTP calls the client commands make to a catalog server. */
final class ApiClient {
  record Reply(int status, JsonNode body) {}

  private final URI base;
  private final String apiKey;
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
  private final ObjectMapper json = new ObjectMapper();

  ApiClient(String url, String apiKey) {
    String u = url.endsWith("/") ? url : url + "/";
    try {
      this.base = URI.create(u);
    } catch (IllegalArgumentException e) {
      throw new CliException("'" + url + "' is not a URL", Tributary.USAGE);
    }
    if (base.getScheme() == null || base.getHost() == null) {
      throw new CliException("'" + url + "' is not an http(s) URL", Tributary.USAGE);
    }
    this.apiKey = apiKey;
  }

  Reply post(String path, Map<String, String> query, String body) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(resolve(path, query))
            .timeout(Duration.ofSeconds(90))
            .header("Content-Type", "application/json")
            .header("Accept", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
    if (apiKey != null) {
      request.header("Authorization", "Bearer " + apiKey);
    }
    return send(request.build());
  }

  Reply get(String path, Map<String, String> query) {
    return send(
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
    return base.resolve(path + q);
  }

  private Reply send(HttpRequest request) {
    try {
      HttpResponse<String> response =
          http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
      JsonNode body;
      try {
        body = response.body().isBlank() ? json.createObjectNode() : json.readTree(response.body());
      } catch (IOException e) {
        body = json.createObjectNode().put("detail", response.body());
      }
      return new Reply(response.statusCode(), body);
    } catch (ConnectException e) {
      throw new CliException(
          "cannot reach the catalog server at " + base + " (is `tributary serve` running?)",
          Tributary.UNAVAILABLE);
    } catch (IOException e) {
      throw new CliException(
          "request to " + request.uri() + " failed: " + e.getMessage(), Tributary.UNAVAILABLE);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new CliException("interrupted", Tributary.FAILED);
    }
  }

  /** "400 Invalid OpenLineage event: /run/runId: ..." from a problem body. */
  static String describe(Reply reply) {
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
