package io.tributary.cli.users;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.StreamSupport;

/** Changes users through a running server's admin API, with a platform administrator's key. */
final class ServerUsers implements UsersBackend {
  private static final String USERS = "api/v1/admin/users";
  private static final String KEYS = "api/v1/admin/api-keys";

  private final URI base;
  private final String apiKey;
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
  private final ObjectMapper json = new ObjectMapper();

  ServerUsers(String url, String apiKey) {
    try {
      this.base = URI.create(url.endsWith("/") ? url : url + "/");
    } catch (IllegalArgumentException e) {
      throw new Failure("'" + url + "' is not a URL", USAGE);
    }
    if (base.getScheme() == null || base.getHost() == null) {
      throw new Failure("'" + url + "' is not an http(s) URL", USAGE);
    }
    this.apiKey = apiKey == null || apiKey.isEmpty() ? null : apiKey;
  }

  @Override
  public User add(
      String name, char[] password, Set<String> groups, Set<String> roles, String tenant) {
    ObjectNode body =
        json.createObjectNode().put("name", name).put("password", new String(password));
    labels(body, groups, roles, tenant);
    return user(call("POST", USERS, body, 201, "adding user '" + name + "'"));
  }

  @Override
  public void changePassword(String name, char[] password) {
    ObjectNode body = json.createObjectNode().put("password", new String(password));
    call(
        "PUT",
        USERS + "/" + segment(name) + "/password",
        body,
        204,
        "changing the password of '" + name + "'");
  }

  @Override
  public List<String> remove(String name) {
    JsonNode reply =
        call("DELETE", USERS + "/" + segment(name), null, 200, "removing user '" + name + "'");
    return StreamSupport.stream(reply.path("revokedApiKeys").spliterator(), false)
        .map(JsonNode::asText)
        .toList();
  }

  @Override
  public List<User> users() {
    JsonNode reply = call("GET", USERS, null, 200, "listing users");
    return StreamSupport.stream(reply.path("users").spliterator(), false)
        .map(ServerUsers::user)
        .toList();
  }

  @Override
  public NewKey createKey(String user, Set<String> groups, Set<String> roles, String tenant) {
    ObjectNode body = json.createObjectNode().put("user", user);
    labels(body, groups, roles, tenant);
    JsonNode reply = call("POST", KEYS, body, 201, "creating an API key for '" + user + "'");
    return new NewKey(key(reply), reply.path("key").asText());
  }

  @Override
  public void revokeKey(String id) {
    call("DELETE", KEYS + "/" + segment(id), null, 204, "revoking API key '" + id + "'");
  }

  @Override
  public List<Key> keys(String user) {
    String path = user == null ? KEYS : KEYS + "?user=" + segment(user);
    JsonNode reply = call("GET", path, null, 200, "listing API keys");
    return StreamSupport.stream(reply.path("apiKeys").spliterator(), false)
        .map(ServerUsers::key)
        .toList();
  }

  private static void labels(ObjectNode body, Set<String> groups, Set<String> roles, String t) {
    if (groups != null) {
      groups.forEach(body.putArray("groups")::add);
    }
    if (roles != null) {
      roles.forEach(body.putArray("roles")::add);
    }
    if (t != null) {
      body.put("tenant", t);
    }
  }

  private static User user(JsonNode node) {
    return new User(
        node.path("name").asText(),
        strings(node.path("groups")),
        strings(node.path("roles")),
        node.path("tenant").asText());
  }

  private static Key key(JsonNode node) {
    return new Key(
        node.path("id").asText(),
        node.path("user").asText(),
        strings(node.path("groups")),
        strings(node.path("roles")),
        node.path("tenant").asText());
  }

  private static Set<String> strings(JsonNode array) {
    Set<String> out = new LinkedHashSet<>();
    array.forEach(v -> out.add(v.asText()));
    return out;
  }

  private static String segment(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
  }

  /** Sends a call; answers other than {@code expected} become a {@link Failure}. */
  private JsonNode call(String method, String path, JsonNode body, int expected, String what) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(base.resolve(path))
            .timeout(Duration.ofSeconds(60))
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
    HttpResponse<String> response = send(request.build());
    JsonNode reply = parse(response.body());
    if (response.statusCode() != expected) {
      String detail = reply.path("detail").asText(reply.path("title").asText(""));
      throw new Failure(
          what + " failed: " + response.statusCode() + (detail.isEmpty() ? "" : " " + detail),
          response.statusCode() == 400 ? USAGE : FAILED);
    }
    return reply;
  }

  private JsonNode parse(String body) {
    try {
      return body.isBlank() ? json.createObjectNode() : json.readTree(body);
    } catch (IOException e) {
      return json.createObjectNode().put("detail", body);
    }
  }

  private HttpResponse<String> send(HttpRequest request) {
    try {
      return http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
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
