package io.tributary.ui;

import com.fasterxml.jackson.databind.JsonNode;
import io.tributary.contract.TenantId;
import io.tributary.ranger.auth.ApiKeys;
import io.tributary.ranger.auth.SecretHasher;
import io.tributary.ranger.auth.UsersFile;
import io.tributary.ranger.tenancy.TenantRole;
import io.tributary.server.CatalogServer;
import io.tributary.server.Settings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A catalog server with authentication on, for browser tests that need more than one user: an API
 * key for the platform administrator and for an administrator, a writer and a reader of each tenant
 * (user {@code <tenant>-<role>}). The browser sends a user's key on every request.
 */
final class SecuredUiServer implements AutoCloseable {
  static final String PLATFORM = "platform";

  private final CatalogServer server;
  private final Map<String, String> keys;
  private final HttpClient http =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(10))
          .build();

  private SecuredUiServer(CatalogServer server, Map<String, String> keys) {
    this.server = server;
    this.keys = Map.copyOf(keys);
  }

  /** In-memory JanusGraph; the tenants created, each with its users. */
  static SecuredUiServer start(Path dataDir, List<String> tenants) {
    SecretHasher hasher = new SecretHasher(new SecureRandom(), 1_000);
    ApiKeys issuer = new ApiKeys(new SecureRandom(), hasher);
    UsersFile users = UsersFile.empty();
    Map<String, String> keys = new LinkedHashMap<>();
    ApiKeys.Issued platform =
        issuer.issue(
            PLATFORM, Set.of(), Set.of(TenantRole.PLATFORM_ADMIN), new TenantId("default"));
    users = users.withApiKey(platform.entry());
    keys.put(PLATFORM, platform.key());
    for (String tenant : tenants) {
      for (TenantRole role : List.of(TenantRole.ADMIN, TenantRole.WRITER, TenantRole.READER)) {
        String user = user(tenant, role);
        ApiKeys.Issued issued =
            issuer.issue(
                user, Set.of(), Set.of(role.roleName(new TenantId(tenant))), new TenantId(tenant));
        users = users.withApiKey(issued.entry());
        keys.put(user, issued.key());
      }
    }
    Path file = dataDir.resolve("users.json");
    users.save(file);
    Map<String, String> flags = new LinkedHashMap<>();
    flags.put("server.host", "127.0.0.1");
    flags.put("server.port", "0");
    flags.put("catalog.backend", "embedded-inmemory");
    flags.put("data.dir", dataDir.toString());
    flags.put("auth.users-file", file.toString());
    SecuredUiServer server =
        new SecuredUiServer(CatalogServer.start(Settings.loader(Map.of()).load(flags)), keys);
    for (String tenant : tenants) {
      server.expect(201, server.post(PLATFORM, "api/v1/tenants", "{\"id\":\"" + tenant + "\"}"));
    }
    return server;
  }

  /** Started as {@link #start}, with the lineage estate ingested by {@code writer}. */
  static SecuredUiServer withEstate(Path dataDir, List<String> tenants, String writer) {
    SecuredUiServer server = start(dataDir, tenants);
    for (String event : LineageEvents.estate()) {
      server.expect2xx(server.post(writer, "api/v1/lineage", event));
    }
    return server;
  }

  /**
   * Opens {@code hash} of the web UI in {@code browser} as {@code user} (their key on requests).
   */
  void open(Browser browser, String user, String hash) {
    browser.driver.executeCdpCommand("Network.enable", Map.of());
    browser.driver.executeCdpCommand(
        "Network.setExtraHTTPHeaders", Map.of("headers", Map.of("X-API-Key", key(user))));
    browser.driver.get("about:blank");
    browser.driver.get(url("") + hash);
  }

  static JsonNode json(HttpResponse<String> response) {
    try {
      return UiServer.JSON.readTree(response.body());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void expect2xx(HttpResponse<String> response) {
    if (response.statusCode() / 100 != 2) {
      throw new AssertionError(
          response.request().uri() + " answered " + response.statusCode() + ": " + response.body());
    }
  }

  static String user(String tenant, TenantRole role) {
    return tenant + "-" + role.name().toLowerCase(Locale.ROOT);
  }

  String key(String user) {
    return keys.get(user);
  }

  String url(String path) {
    return server.uri().resolve(path).toString();
  }

  HttpResponse<String> post(String user, String path, String json) {
    return send(
        HttpRequest.newBuilder(server.uri().resolve(path))
            .header("Content-Type", "application/json")
            .header("X-API-Key", key(user))
            .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8))
            .build());
  }

  HttpResponse<String> put(String user, String path, String json) {
    return send(
        HttpRequest.newBuilder(server.uri().resolve(path))
            .header("Content-Type", "application/json")
            .header("X-API-Key", key(user))
            .PUT(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8))
            .build());
  }

  HttpResponse<String> delete(String user, String path) {
    return send(
        HttpRequest.newBuilder(server.uri().resolve(path))
            .header("X-API-Key", key(user))
            .DELETE()
            .build());
  }

  HttpResponse<String> get(String user, String path) {
    return send(
        HttpRequest.newBuilder(server.uri().resolve(path))
            .header("X-API-Key", key(user))
            .GET()
            .build());
  }

  HttpResponse<String> expect(int status, HttpResponse<String> response) {
    if (response.statusCode() != status) {
      throw new AssertionError(
          response.request().uri() + " answered " + response.statusCode() + ": " + response.body());
    }
    return response;
  }

  private HttpResponse<String> send(HttpRequest request) {
    try {
      return http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  URI uri() {
    return server.uri();
  }

  @Override
  public void close() {
    server.close();
  }
}
