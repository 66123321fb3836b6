package io.tributary.cli.tenants;

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

/** The tenant API's calls (and the governance API's), with the caller's API key. */
public final class TenantsClient {
  /** A failed call, with the message to print and the exit code. */
  public static final class Failure extends RuntimeException {
    private final int exitCode;

    Failure(String message, int exitCode) {
      super(message);
      this.exitCode = exitCode;
    }

    public int exitCode() {
      return exitCode;
    }
  }

  record Reply(int status, JsonNode body) {}

  public static final int FAILED = 1;
  public static final int USAGE = 2;
  public static final int UNAVAILABLE = 3;

  private final URI base;
  private final String apiKey;
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
  private final ObjectMapper json = new ObjectMapper();

  public TenantsClient(String url, String apiKey) {
    try {
      this.base = URI.create(url.endsWith("/") ? url : url + "/");
    } catch (IllegalArgumentException e) {
      throw new Failure("'" + url + "' is not a URL", USAGE);
    }
    if (base.getScheme() == null || base.getHost() == null) {
      throw new Failure("'" + url + "' is not an http(s) URL", USAGE);
    }
    this.apiKey = apiKey == null || apiKey.isBlank() ? null : apiKey.trim();
  }

  ObjectMapper json() {
    return json;
  }

  public static String segment(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
  }

  /** Sends a call; answers other than {@code expected} become a {@link Failure}. */
  public JsonNode call(String method, String path, JsonNode body, int expected, String what) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(base.resolve(path))
            .timeout(Duration.ofSeconds(120))
            .header("Accept", "application/json")
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body.toString(), StandardCharsets.UTF_8));
    if (body != null) {
      request.header("Content-Type", "application/json");
    }
    if (apiKey != null) {
      request.header("X-API-Key", apiKey);
    }
    Reply reply = send(request.build());
    if (reply.status() != expected) {
      String detail = reply.body().path("detail").asText(reply.body().path("title").asText(""));
      throw new Failure(
          what + " failed: " + reply.status() + (detail.isEmpty() ? "" : " " + detail),
          reply.status() == 400 ? USAGE : FAILED);
    }
    return reply.body();
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
      throw new Failure(
          "cannot reach the catalog server at " + base + " (is `tributary serve` running?)",
          UNAVAILABLE);
    } catch (IOException e) {
      throw new Failure("request to " + request.uri() + " failed: " + e.getMessage(), UNAVAILABLE);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new Failure("interrupted", FAILED);
    }
  }
}
