package io.tributary.ui;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tributary.server.CatalogServer;
import io.tributary.server.Settings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The catalog server started in this JVM (in-memory JanusGraph, a free port) with an HTTP client.
 */
final class UiServer implements AutoCloseable {
  static final ObjectMapper JSON = new ObjectMapper();

  private final CatalogServer server;
  // HTTP/1.1 as browsers speak it to a plain-HTTP server; the JDK client's h2c upgrade otherwise
  // reuses HTTP/2 connections that the server may already have closed.
  private final HttpClient http =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(10))
          .build();

  private UiServer(CatalogServer server) {
    this.server = server;
  }

  static UiServer start() {
    return start(Map.of());
  }

  /** A server with some settings changed, e.g. larger ingest batches for a large estate. */
  static UiServer start(Map<String, String> settings) {
    Map<String, String> flags = new LinkedHashMap<>();
    flags.put("server.host", "127.0.0.1");
    flags.put("server.port", "0");
    flags.put("catalog.backend", "embedded-inmemory");
    flags.putAll(settings);
    return new UiServer(CatalogServer.start(Settings.loader(Map.of()).load(flags)));
  }

  URI uri(String path) {
    return server.uri().resolve(path);
  }

  String url(String path) {
    return uri(path).toString();
  }

  HttpResponse<byte[]> get(String path) {
    return send(HttpRequest.newBuilder(uri(path)).GET().build());
  }

  HttpResponse<byte[]> post(String path, String json) {
    return send(
        HttpRequest.newBuilder(uri(path))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8))
            .build());
  }

  /** Posts one OpenLineage event and fails unless the server committed it. */
  void ingest(String eventJson) {
    HttpResponse<byte[]> r = post("api/v1/lineage", eventJson);
    if (r.statusCode() / 100 != 2) {
      throw new AssertionError(
          "ingest failed: " + r.statusCode() + " " + new String(r.body(), StandardCharsets.UTF_8));
    }
  }

  /** Posts OpenLineage events in batches and fails unless the server committed each batch. */
  void ingestAll(java.util.List<String> events, int batch) {
    for (int from = 0; from < events.size(); from += batch) {
      String body =
          "[" + String.join(",", events.subList(from, Math.min(events.size(), from + batch))) + "]";
      HttpResponse<byte[]> r = post("api/v1/lineage/batch", body);
      if (r.statusCode() / 100 != 2) {
        throw new AssertionError(
            "batch failed: " + r.statusCode() + " " + new String(r.body(), StandardCharsets.UTF_8));
      }
    }
  }

  JsonNode json(String path) {
    HttpResponse<byte[]> r = get(path);
    try {
      JsonNode body = JSON.readTree(r.body());
      if (r.statusCode() != 200) {
        throw new AssertionError("GET " + path + ": " + r.statusCode() + " " + body);
      }
      return body;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The guid of the one entity of a type and qualifiedName. */
  String guid(String type, String qualifiedName) {
    JsonNode entities =
        json("api/v1/entities?type="
                + type
                + "&qualifiedName="
                + URLEncoder.encode(qualifiedName, StandardCharsets.UTF_8))
            .path("entities");
    if (entities.size() != 1) {
      throw new AssertionError("expected one " + type + " " + qualifiedName + ": " + entities);
    }
    return entities.get(0).path("guid").asText();
  }

  private HttpResponse<byte[]> send(HttpRequest request) {
    try {
      return http.send(request, HttpResponse.BodyHandlers.ofByteArray());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() {
    server.close();
  }
}
