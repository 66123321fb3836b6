package io.tributary.tenancy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tributary.ranger.tenancy.TenantRole;
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
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;

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

  /** A server with {@code tenants} created, each with a user of every role. */
  static TenancyServer withTenants(Path dataDir, List<String> tenants) {
    TenancyServer server =
        start(dataDir, Users.write(dataDir.resolve("users.json"), tenants, Map.of()), Map.of());
    server.createTenants(tenants);
    return server;
  }

  /**
   * A server whose tenants get a default ingest quota of {@code eventsPerSecond} and {@code burst},
   * with {@code limited} created under it and {@code unlimited} created with no quota.
   */
  static TenancyServer withDefaultQuota(
      Path dataDir, int eventsPerSecond, int burst, String limited, String unlimited) {
    Users users = Users.write(dataDir.resolve("users.json"), List.of(limited, unlimited), Map.of());
    TenancyServer server =
        start(
            dataDir,
            users,
            Map.of(
                "quota.default.events-per-second",
                String.valueOf(eventsPerSecond),
                "quota.default.burst",
                String.valueOf(burst)));
    Client platform = server.as(Users.PLATFORM);
    created(platform.post("api/v1/tenants", "{\"id\":\"" + limited + "\"}"));
    created(
        platform.post(
            "api/v1/tenants",
            "{\"id\":\"" + unlimited + "\",\"quotas\":{\"eventsPerSecond\":0,\"burst\":0}}"));
    return server;
  }

  URI uri() {
    return server.uri();
  }

  /** Creates {@code tenants}, with the server's default quotas, as the platform administrator. */
  void createTenants(List<String> tenants) {
    for (String tenant : tenants) {
      created(as(Users.PLATFORM).post("api/v1/tenants", "{\"id\":\"" + tenant + "\"}"));
    }
  }

  /**
   * The guid of the one entity of {@code type} named {@code qualifiedName} in {@code tenant}, as
   * the platform administrator finds it.
   */
  String guid(String tenant, String type, String qualifiedName) {
    JsonNode found = as(Users.PLATFORM).byKey(tenant, type, qualifiedName);
    assertThat(found).as(tenant + "/" + type + "/" + qualifiedName).hasSize(1);
    return found.get(0).path("guid").asText();
  }

  /** Ingests one OpenLineage event as a writer of {@code tenant} (201). */
  void ingest(String tenant, String event) {
    created(as(Users.user(tenant, TenantRole.WRITER)).post("api/v1/lineage", event));
  }

  /** Asserts that a POST created what it sent: 201. */
  static void created(HttpResponse<String> response) {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
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

  /** The statuses of a run of requests, and the 429 that ended it (null when none did). */
  record Flood(List<Integer> statuses, HttpResponse<String> refused) {}

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

    /**
     * The entities of {@code type} named {@code qualifiedName} this user finds in {@code tenant}
     * (its own tenant when null): none or one.
     */
    JsonNode byKey(String tenant, String type, String qualifiedName) {
      return ok("api/v1/entities?type="
              + type
              + (tenant == null ? "" : "&tenant=" + tenant)
              + "&qualifiedName="
              + encode(qualifiedName))
          .path("entities");
    }

    /**
     * POSTs {@code body.apply(i)} to {@code path} for i = 0, 1, ... until an answer is 429 or
     * {@code tries} were sent.
     */
    Flood postUntilRefused(String path, int tries, IntFunction<String> body) {
      List<Integer> statuses = new ArrayList<>();
      for (int i = 0; i < tries; i++) {
        HttpResponse<String> r = post(path, body.apply(i));
        statuses.add(r.statusCode());
        if (r.statusCode() == 429) {
          return new Flood(statuses, r);
        }
      }
      return new Flood(statuses, null);
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
