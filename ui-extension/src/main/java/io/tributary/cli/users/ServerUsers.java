package io.tributary.cli.users;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tributary.cli.tenants.TenantsClient;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.StreamSupport;

/** Changes users through a running server's admin API, with a platform administrator's key. */
final class ServerUsers implements UsersBackend {
  private static final String USERS = "api/v1/admin/users";
  private static final String KEYS = "api/v1/admin/api-keys";

  private final TenantsClient server;
  private final ObjectMapper json;

  ServerUsers(String url, String apiKey) {
    this.server = new TenantsClient(url, apiKey, Duration.ofSeconds(60));
    this.json = server.json();
  }

  @Override
  public User add(
      String name, char[] password, Set<String> groups, Set<String> roles, String tenant) {
    ObjectNode body =
        json.createObjectNode().put("name", name).put("password", new String(password));
    labels(body, groups, roles, tenant);
    return user(server.call("POST", USERS, body, 201, "adding user '" + name + "'"));
  }

  @Override
  public void changePassword(String name, char[] password) {
    ObjectNode body = json.createObjectNode().put("password", new String(password));
    server.call(
        "PUT",
        USERS + "/" + TenantsClient.segment(name) + "/password",
        body,
        204,
        "changing the password of '" + name + "'");
  }

  @Override
  public List<String> remove(String name) {
    JsonNode reply =
        server.call(
            "DELETE",
            USERS + "/" + TenantsClient.segment(name),
            null,
            200,
            "removing user '" + name + "'");
    return StreamSupport.stream(reply.path("revokedApiKeys").spliterator(), false)
        .map(JsonNode::asText)
        .toList();
  }

  @Override
  public List<User> users() {
    JsonNode reply = server.call("GET", USERS, null, 200, "listing users");
    return StreamSupport.stream(reply.path("users").spliterator(), false)
        .map(ServerUsers::user)
        .toList();
  }

  @Override
  public NewKey createKey(String user, Set<String> groups, Set<String> roles, String tenant) {
    ObjectNode body = json.createObjectNode().put("user", user);
    labels(body, groups, roles, tenant);
    JsonNode reply = server.call("POST", KEYS, body, 201, "creating an API key for '" + user + "'");
    return new NewKey(key(reply), reply.path("key").asText());
  }

  @Override
  public void revokeKey(String id) {
    server.call(
        "DELETE",
        KEYS + "/" + TenantsClient.segment(id),
        null,
        204,
        "revoking API key '" + id + "'");
  }

  @Override
  public List<Key> keys(String user) {
    String path = user == null ? KEYS : KEYS + "?user=" + TenantsClient.segment(user);
    JsonNode reply = server.call("GET", path, null, 200, "listing API keys");
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
}
