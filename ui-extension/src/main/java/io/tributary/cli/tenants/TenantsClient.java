package io.tributary.cli.tenants;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tributary.cli.CliException;
import io.tributary.cli.ServerConnection;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * Calls to a catalog server's JSON API with the caller's API key ({@code X-API-Key}): the tenant
 * API's, the governance API's and the user admin API's. An answer other than the one expected is a
 * {@link Failure} that says what failed.
 */
public final class TenantsClient {
  /** A failed call, with the message to print and the exit code. */
  public static final class Failure extends CliException {
    Failure(String message, int exitCode) {
      super(message, exitCode);
    }
  }

  public static final int FAILED = 1;
  public static final int USAGE = 2;
  public static final int UNAVAILABLE = 3;

  private static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(120);

  private final ServerConnection server;
  private final String apiKey;
  private final Duration timeout;

  public TenantsClient(String url, String apiKey) {
    this(url, apiKey, DEFAULT_TIMEOUT);
  }

  /** A client whose calls each wait at most {@code timeout} for their answer. */
  public TenantsClient(String url, String apiKey, Duration timeout) {
    this.server = new ServerConnection(url, Failure::new);
    this.apiKey = apiKey == null || apiKey.isBlank() ? null : apiKey.trim();
    this.timeout = timeout;
  }

  public ObjectMapper json() {
    return server.json();
  }

  public static String segment(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
  }

  /** Sends a call; answers other than {@code expected} become a {@link Failure}. */
  public JsonNode call(String method, String path, JsonNode body, int expected, String what) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(server.resolve(path))
            .timeout(timeout)
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
    ServerConnection.Reply reply = server.send(request.build());
    if (reply.status() != expected) {
      String detail = reply.body().path("detail").asText(reply.body().path("title").asText(""));
      throw new Failure(
          what + " failed: " + reply.status() + (detail.isEmpty() ? "" : " " + detail),
          reply.status() == 400 ? USAGE : FAILED);
    }
    return reply.body();
  }
}
