package io.tributary.ranger.auth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tributary.catalog.TenantId;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Users and API keys of the embedded server, kept in a JSON file with hashed secrets only:
 *
 * <pre>{@code
 * {"users":   [{"name": "alice", "password": "pbkdf2-sha256$...", "groups": [], "roles": ["acme.admin"], "tenant": "acme"}],
 *  "apiKeys": [{"id": "9f3a...", "secret": "sha256$...", "user": "ingest", "roles": ["acme.writer"], "tenant": "acme"}]}
 * }</pre>
 */
public final class UsersFile {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private final Map<String, UserEntry> users;
  private final Map<String, ApiKeyEntry> apiKeys;

  public UsersFile(List<UserEntry> users, List<ApiKeyEntry> apiKeys) {
    Map<String, UserEntry> byName = new LinkedHashMap<>();
    for (UserEntry user : users) {
      if (byName.put(user.name(), user) != null) {
        throw new IllegalArgumentException("user '" + user.name() + "' is defined twice");
      }
    }
    Map<String, ApiKeyEntry> byId = new LinkedHashMap<>();
    for (ApiKeyEntry key : apiKeys) {
      if (byId.put(key.id(), key) != null) {
        throw new IllegalArgumentException("API key id '" + key.id() + "' is defined twice");
      }
    }
    this.users = Map.copyOf(byName);
    this.apiKeys = Map.copyOf(byId);
  }

  public static UsersFile empty() {
    return new UsersFile(List.of(), List.of());
  }

  /** Reads the file; a missing file is an empty one. */
  public static UsersFile load(Path file) {
    if (!Files.exists(file)) {
      return empty();
    }
    try {
      JsonNode root = MAPPER.readTree(Files.readString(file, StandardCharsets.UTF_8));
      List<UserEntry> users = new ArrayList<>();
      for (JsonNode user : root.path("users")) {
        String name = required(user, "name", file);
        users.add(
            new UserEntry(
                name,
                required(user, "password", file),
                strings(user.path("groups")),
                strings(user.path("roles")),
                tenant(user)));
      }
      List<ApiKeyEntry> keys = new ArrayList<>();
      for (JsonNode key : root.path("apiKeys")) {
        keys.add(
            new ApiKeyEntry(
                required(key, "id", file),
                required(key, "secret", file),
                required(key, "user", file),
                strings(key.path("groups")),
                strings(key.path("roles")),
                tenant(key)));
      }
      return new UsersFile(users, keys);
    } catch (IOException | IllegalArgumentException e) {
      throw new AuthenticationException("Users file " + file + " is invalid: " + e.getMessage(), e);
    }
  }

  /** Writes the file atomically, readable by its owner only where the file system allows. */
  public void save(Path file) {
    ObjectNode root = MAPPER.createObjectNode();
    ArrayNode userArray = root.putArray("users");
    users.values().stream()
        .sorted(java.util.Comparator.comparing(UserEntry::name))
        .forEach(
            user -> {
              ObjectNode node = userArray.addObject();
              node.put("name", user.name());
              node.put("password", user.passwordHash());
              putCommon(node, user.groups(), user.roles(), user.tenant());
            });
    ArrayNode keyArray = root.putArray("apiKeys");
    apiKeys.values().stream()
        .sorted(java.util.Comparator.comparing(ApiKeyEntry::id))
        .forEach(
            key -> {
              ObjectNode node = keyArray.addObject();
              node.put("id", key.id());
              node.put("secret", key.secretHash());
              node.put("user", key.user());
              putCommon(node, key.groups(), key.roles(), key.tenant());
            });
    try {
      Files.createDirectories(file.toAbsolutePath().getParent());
      Path temp = file.resolveSibling("." + file.getFileName() + ".tmp");
      Files.writeString(
          temp, MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(root) + "\n");
      try {
        Files.setPosixFilePermissions(
            temp, java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
      } catch (UnsupportedOperationException e) {
        // Not a POSIX file system: rely on the directory's permissions.
      }
      Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new AuthenticationException(
          "Cannot write users file " + file + ": " + e.getMessage(), e);
    }
  }

  public UsersFile withUser(UserEntry user) {
    Map<String, UserEntry> copy = new LinkedHashMap<>(users);
    copy.put(user.name(), user);
    return new UsersFile(List.copyOf(copy.values()), List.copyOf(apiKeys.values()));
  }

  public UsersFile withApiKey(ApiKeyEntry key) {
    Map<String, ApiKeyEntry> copy = new LinkedHashMap<>(apiKeys);
    copy.put(key.id(), key);
    return new UsersFile(List.copyOf(users.values()), List.copyOf(copy.values()));
  }

  public boolean isEmpty() {
    return users.isEmpty() && apiKeys.isEmpty();
  }

  public Optional<UserEntry> user(String name) {
    return Optional.ofNullable(users.get(name));
  }

  public Optional<ApiKeyEntry> apiKey(String id) {
    return Optional.ofNullable(apiKeys.get(id));
  }

  @Override
  public String toString() {
    return "UsersFile[users=" + users.keySet() + ", apiKeys=" + apiKeys.keySet() + "]";
  }

  private static void putCommon(
      ObjectNode node, Set<String> groups, Set<String> roles, TenantId tenant) {
    groups.stream().sorted().forEach(node.putArray("groups")::add);
    roles.stream().sorted().forEach(node.putArray("roles")::add);
    if (tenant != null) {
      node.put("tenant", tenant.value());
    }
  }

  private static String required(JsonNode node, String field, Path file) {
    JsonNode value = node.get(field);
    if (value == null || !value.isTextual() || value.asText().isBlank()) {
      throw new IllegalArgumentException("an entry has no '" + field + "'");
    }
    return value.asText();
  }

  private static Set<String> strings(JsonNode array) {
    Set<String> values = new LinkedHashSet<>();
    array.forEach(v -> values.add(v.asText()));
    return values;
  }

  private static TenantId tenant(JsonNode node) {
    JsonNode tenant = node.get("tenant");
    return tenant == null || tenant.isNull() ? null : new TenantId(tenant.asText());
  }
}
