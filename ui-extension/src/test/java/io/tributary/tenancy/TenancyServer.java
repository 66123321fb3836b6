package io.tributary.tenancy;

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
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A catalog server with authentication on (a users file in its data directory), and a small HTTP
 * client that calls it as one user or another.
 */
final class TenancyServer implements AutoCloseable {
  static final ObjectMapper JSON = new ObjectMapper();

  private final CatalogServer server;
  final Users users;
  private final HttpClient http =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(10))
          .build();

  private TenancyServer(CatalogServer server, Users users) {
    this.server = server;
    this.users = users;
  }

  /** BerkeleyJE in {@code dataDir}, on 127.0.0.1 and a free port, topics named {@code <t>@prod}. */
  static TenancyServer start(Path dataDir, Users users, Map<String, String> settings) {
    Map<String, String> flags = new LinkedHashMap<>();
    flags.put("server.host", "127.0.0.1");
    flags.put("server.port", "0");
    flags.put("data.dir", dataDir.toString());
    flags.put("auth.users-file", dataDir.resolve("users.json").toString());
    flags.put("namespace.cluster.kafka://broker:9092", "prod");
    flags.putAll(settings);
    return new TenancyServer(CatalogServer.start(Settings.loader(Map.of()).load(flags)), users);
  }

  URI uri() {
    return server.uri();
  }

  /** Requests as {@code user}, or without credentials when null. */
  Client as(String user) {
    return new Client(user == null ? null : users.key(user));
  }

  static String encode(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8);
  }

  static JsonNode json(HttpResponse<String> response) {
    try {
      return JSON.readTree(response.body());
    } catch (IOException e) {
      throw new UncheckedIOException("not JSON: " + response.body(), e);
    }
  }

  @Override
  public void close() {
    server.close();
  }

  /** Calls with one user's API key. */
  final class Client {
    private final String key;

    private Client(String key) {
      this.key = key;
    }

    HttpResponse<String> get(String path) {
      return send(request(path).GET(), Map.of());
    }

    HttpResponse<String> get(String path, Map<String, String> headers) {
      return send(request(path).GET(), headers);
    }

    HttpResponse<String> post(String path, String body) {
      return post(path, body, Map.of());
    }

    HttpResponse<String> post(String path, String body, Map<String, String> headers) {
      return send(
          request(path)
              .header("Content-Type", "application/json")
              .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)),
          headers);
    }

    HttpResponse<String> put(String path, String body) {
      return send(
          request(path)
              .header("Content-Type", "application/json")
              .PUT(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)),
          Map.of());
    }

    HttpResponse<String> delete(String path) {
      return send(request(path).DELETE(), Map.of());
    }

    /** GET that must answer 200; its JSON. */
    JsonNode ok(String path) {
      HttpResponse<String> r = get(path);
      if (r.statusCode() != 200) {
        throw new AssertionError("GET " + path + " answered " + r.statusCode() + ": " + r.body());
      }
      return json(r);
    }

    HttpRequest.Builder request(String path) {
      HttpRequest.Builder builder =
          HttpRequest.newBuilder(server.uri().resolve(path)).timeout(Duration.ofSeconds(60));
      if (key != null) {
        builder.header("X-API-Key", key);
      }
      return builder;
    }

    HttpResponse<String> send(HttpRequest.Builder request, Map<String, String> headers) {
      headers.forEach(request::header);
      try {
        return http.send(
            request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
  }
}
