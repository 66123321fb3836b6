package io.tributary.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Objects;
import java.util.function.BiFunction;

/**
 * A catalog server as the client commands reach it: its base URL, checked once, and the one way
 * they send a request and read the JSON answer. A bad URL, an unreachable server or an interruption
 * become the caller's kind of {@link CliException}, with the usual exit codes.
 */
public final class ServerConnection {
  /** An answer: its status and its JSON body (an empty object when blank, else the text). */
  public record Reply(int status, JsonNode body) {}

  private final URI base;
  private final BiFunction<String, Integer, CliException> failure;
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
  private final ObjectMapper json = new ObjectMapper();

  /** {@code failure} makes the caller's failure from a message and an exit code. */
  public ServerConnection(String url, BiFunction<String, Integer, CliException> failure) {
    this.failure = Objects.requireNonNull(failure, "failure");
    try {
      this.base = URI.create(url.endsWith("/") ? url : url + "/");
    } catch (IllegalArgumentException e) {
      throw failure.apply("'" + url + "' is not a URL", Tributary.USAGE);
    }
    if (base.getScheme() == null || base.getHost() == null) {
      throw failure.apply("'" + url + "' is not an http(s) URL", Tributary.USAGE);
    }
  }

  /** {@code path} (relative, with any query) on the server. */
  public URI resolve(String path) {
    return base.resolve(path);
  }

  public ObjectMapper json() {
    return json;
  }

  public Reply send(HttpRequest request) {
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
      throw failure.apply(
          "cannot reach the catalog server at " + base + " (is `tributary serve` running?)",
          Tributary.UNAVAILABLE);
    } catch (IOException e) {
      throw failure.apply(
          "request to " + request.uri() + " failed: " + e.getMessage(), Tributary.UNAVAILABLE);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw failure.apply("interrupted", Tributary.FAILED);
    }
  }
}
