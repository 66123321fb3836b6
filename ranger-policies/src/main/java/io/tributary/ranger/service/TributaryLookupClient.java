package io.tributary.ranger.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a Tributary server's REST API for Ranger Admin's connection test and resource look-ups:
 *
 * <ul>
 *   <li>{@code GET /api/v1/tenants}: a JSON array of {@code {"id": ...}} (or {@code {"tenants":
 *       [...]}});
 *   <li>{@code GET /api/v1/search?tenant=..&type=DataSet|Process&q=..&limit=..}: {@code
 *       {"entities": [{"typeName", "qualifiedName", "attributes": {"namespace"}}]}}.
 * </ul>
 */
final class TributaryLookupClient {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final URI base;
  private final Map<String, String> headers;
  private final HttpClient http;
  private final Duration timeout;

  TributaryLookupClient(URI base, String username, String password, Duration timeout) {
    this.base = base;
    this.timeout = timeout;
    this.http = HttpClient.newBuilder().connectTimeout(timeout).build();
    Map<String, String> auth = new LinkedHashMap<>();
    if (username != null && !username.isBlank()) {
      auth.put(
          "Authorization",
          "Basic "
              + Base64.getEncoder()
                  .encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8)));
    } else if (password != null && !password.isBlank()) {
      auth.put("X-API-Key", password);
    }
    this.headers = Map.copyOf(auth);
  }

  List<String> tenants() throws IOException {
    JsonNode root = get("/api/v1/tenants");
    JsonNode array = root.isArray() ? root : root.path("tenants");
    List<String> ids = new ArrayList<>();
    for (JsonNode tenant : array) {
      String id = tenant.isTextual() ? tenant.asText() : tenant.path("id").asText("");
      if (!id.isEmpty()) {
        ids.add(id);
      }
    }
    return ids;
  }

  /** Entities of one tenant: type name, qualifiedName and namespace attribute (or null). */
  List<JsonNode> search(String tenant, String superType, String query, int limit)
      throws IOException {
    StringBuilder path =
        new StringBuilder("/api/v1/search?tenant=")
            .append(encode(tenant))
            .append("&limit=")
            .append(limit);
    if (superType != null) {
      path.append("&type=").append(encode(superType));
    }
    if (query != null && !query.isBlank()) {
      path.append("&q=").append(encode(query));
    }
    JsonNode root = get(path.toString());
    JsonNode array =
        root.isArray() ? root : root.has("entities") ? root.path("entities") : root.path("results");
    List<JsonNode> entities = new ArrayList<>();
    array.forEach(entities::add);
    return entities;
  }

  private JsonNode get(String path) throws IOException {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(stripSlash(base.toString()) + path))
            .timeout(timeout)
            .header("Accept", "application/json")
            .GET();
    headers.forEach(request::header);
    HttpResponse<String> response;
    try {
      response =
          http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted calling " + base, e);
    }
    if (response.statusCode() == 401 || response.statusCode() == 403) {
      throw new IOException(
          "Tributary at "
              + base
              + " refused the look-up credentials (HTTP "
              + response.statusCode()
              + ")");
    }
    if (response.statusCode() != 200) {
      throw new IOException(
          "Tributary at " + base + " answered HTTP " + response.statusCode() + " to " + path);
    }
    return JSON.readTree(response.body());
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }

  private static String stripSlash(String url) {
    return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
  }
}
