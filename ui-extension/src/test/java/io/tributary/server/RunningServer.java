package io.tributary.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.glassfish.jersey.server.ResourceConfig;

/** A catalog server started in this JVM on a free port, with a small HTTP client for tests. */
final class RunningServer implements AutoCloseable {
  static final ObjectMapper JSON = new ObjectMapper();

  private final CatalogServer server;
  // HTTP/1.1 so that Content-Length and chunked bodies mean what a test says.
  private final HttpClient http =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(10))
          .build();

  private RunningServer(CatalogServer server) {
    this.server = server;
  }

  /** BerkeleyJE in {@code dataDir}, listening on 127.0.0.1 and a free port. */
  static RunningServer start(Path dataDir, Map<String, String> settings) {
    Map<String, String> flags = new LinkedHashMap<>();
    flags.put("server.host", "127.0.0.1");
    flags.put("server.port", "0");
    flags.put("data.dir", dataDir.toString());
    flags.putAll(settings);
    return new RunningServer(CatalogServer.start(Settings.loader(Map.of()).load(flags)));
  }

  URI uri() {
    return server.uri();
  }

  /** What Jersey serves: every resource class, to walk their routes. */
  ResourceConfig resources() {
    return server.resources();
  }

  URI uri(String path) {
    return server.uri().resolve(path);
  }

  HttpResponse<String> get(String path) {
    return send(HttpRequest.newBuilder(uri(path)).GET().build());
  }

  HttpResponse<String> postJson(String path, String body) {
    return send(
        HttpRequest.newBuilder(uri(path))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
            .build());
  }

  HttpResponse<String> send(HttpRequest request) {
    try {
      return http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  static JsonNode json(HttpResponse<String> response) {
    try {
      return JSON.readTree(response.body());
    } catch (IOException e) {
      throw new UncheckedIOException("not JSON: " + response.body(), e);
    }
  }

  static JsonNode parse(String text) {
    try {
      return JSON.readTree(text);
    } catch (IOException e) {
      throw new UncheckedIOException("not JSON: " + text, e);
    }
  }

  /** The one entity of a type and qualifiedName, found through the entities endpoint. */
  JsonNode entity(String type, String qualifiedName) {
    HttpResponse<String> r =
        get(
            "api/v1/entities?type="
                + type
                + "&qualifiedName="
                + java.net.URLEncoder.encode(qualifiedName, StandardCharsets.UTF_8));
    JsonNode entities = json(r).path("entities");
    if (r.statusCode() != 200 || entities.size() != 1) {
      throw new AssertionError(
          "expected one "
              + type
              + " "
              + qualifiedName
              + ", got "
              + r.statusCode()
              + " "
              + r.body());
    }
    return entities.get(0);
  }

  @Override
  public void close() {
    server.close();
  }
}
