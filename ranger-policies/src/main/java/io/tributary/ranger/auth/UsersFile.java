package io.tributary.ranger.auth;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tributary.contract.TenantId;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;

/**
 * Users and API keys of the embedded server, kept in a JSON file with hashed secrets only:
 *
 * <pre>{@code
 * {"users":   [{"name": "alice", "password": "pbkdf2-sha256$...", "groups": [], "roles": ["acme.admin"], "tenant": "acme"}],
 *  "apiKeys": [{"id": "9f3a...", "secret": "sha256$...", "user": "ingest", "roles": ["acme.writer"], "tenant": "acme"}]}
 * }</pre>
 *
 * <p>An instance is an immutable snapshot; the {@code with...} methods return changed copies.
 * Reading is strict (unknown members, malformed hashes and non-canonical names are errors), so that
 * a typo is reported instead of silently granting or dropping a role.
 */
public final class UsersFile {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final Set<String> ROOT_MEMBERS = Set.of("users", "apiKeys");
  private static final Set<String> USER_MEMBERS =
      Set.of("name", "password", "groups", "roles", "tenant");
  private static final Set<String> KEY_MEMBERS =
      Set.of("id", "secret", "user", "groups", "roles", "tenant");

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

  /**
   * Reads the file; a missing file is an empty one.
   *
   * @throws UsersFileException naming the file and what is wrong with it
   */
  public static UsersFile load(Path file) {
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (NoSuchFileException e) {
      return empty();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read users file " + file + ": " + e.getMessage(), e);
    }
    return parse(bytes, file.toString());
  }

  /**
   * Reads a users file's content.
   *
   * @param source what to name in the message (the file)
   * @throws UsersFileException naming the source and what is wrong with it
   */
  public static UsersFile parse(byte[] content, String source) {
    try {
      JsonNode root = MAPPER.readTree(content);
      if (root == null || !root.isObject()) {
        throw new IllegalArgumentException("the content is not a JSON object");
      }
      members(root, ROOT_MEMBERS, "the file");
      List<UserEntry> users = new ArrayList<>();
      for (JsonNode user : array(root, "users", "the file")) {
        String name = required(user, "name", "a user");
        String where = "user " + AuthNames.quoted(name);
        members(user, USER_MEMBERS, where);
        String hash = required(user, "password", where);
        if (!SecretHasher.isPasswordHash(hash)) {
          throw new IllegalArgumentException(
              where + " has a 'password' that is not a pbkdf2-sha256$<iterations>$<salt>$<hash>");
        }
        users.add(
            entry(
                where,
                () ->
                    new UserEntry(
                        name,
                        hash,
                        strings(user, "groups", where),
                        strings(user, "roles", where),
                        tenant(user, where))));
      }
      List<ApiKeyEntry> keys = new ArrayList<>();
      for (JsonNode key : array(root, "apiKeys", "the file")) {
        String id = required(key, "id", "an API key");
        String where = "API key " + AuthNames.quoted(id);
        members(key, KEY_MEMBERS, where);
        String hash = required(key, "secret", where);
        if (!SecretHasher.isApiKeySecretHash(hash)) {
          throw new IllegalArgumentException(where + " has a 'secret' that is not a sha256$<hash>");
        }
        keys.add(
            entry(
                where,
                () ->
                    new ApiKeyEntry(
                        id,
                        hash,
                        required(key, "user", where),
                        strings(key, "groups", where),
                        strings(key, "roles", where),
                        tenant(key, where))));
      }
      return new UsersFile(users, keys);
    } catch (JsonProcessingException e) {
      throw new UsersFileException(
          "Users file " + source + " is invalid: not JSON: " + e.getOriginalMessage(), e);
    } catch (IOException | IllegalArgumentException e) {
      throw new UsersFileException("Users file " + source + " is invalid: " + e.getMessage(), e);
    }
  }

  /** The file's content, as {@link #save} writes it: entries sorted, hashes only. */
  public byte[] toJson() {
    ObjectNode root = MAPPER.createObjectNode();
    ArrayNode userArray = root.putArray("users");
    for (UserEntry user : users()) {
      ObjectNode node = userArray.addObject();
      node.put("name", user.name());
      node.put("password", user.passwordHash());
      putCommon(node, user.groups(), user.roles(), user.tenant());
    }
    ArrayNode keyArray = root.putArray("apiKeys");
    for (ApiKeyEntry key : apiKeys()) {
      ObjectNode node = keyArray.addObject();
      node.put("id", key.id());
      node.put("secret", key.secretHash());
      node.put("user", key.user());
      putCommon(node, key.groups(), key.roles(), key.tenant());
    }
    try {
      return (MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(root) + "\n")
          .getBytes(StandardCharsets.UTF_8);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write JSON", e);
    }
  }

  /**
   * Writes the file atomically (a temporary file in the same directory, then a move), readable by
   * its owner only where the file system has POSIX permissions.
   */
  public void save(Path file) {
    write(file, toJson());
  }

  /** Writes {@code content} to {@code file} atomically, with owner-only permissions. */
  static void write(Path file, byte[] content) {
    Path target = file.toAbsolutePath();
    try {
      Files.createDirectories(target.getParent());
      boolean posix = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
      // Created owner-only, so that the hashes are never readable by others, not even briefly.
      Path temp =
          posix
              ? Files.createTempFile(
                  target.getParent(),
                  "." + target.getFileName(),
                  ".tmp",
                  PosixFilePermissions.asFileAttribute(
                      PosixFilePermissions.fromString("rw-------")))
              : Files.createTempFile(target.getParent(), "." + target.getFileName(), ".tmp");
      try {
        try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
          ByteBuffer buffer = ByteBuffer.wrap(content);
          while (buffer.hasRemaining()) {
            channel.write(buffer);
          }
          channel.force(true);
        }
        try {
          Files.move(
              temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
          Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
        }
      } finally {
        Files.deleteIfExists(temp);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot write users file " + file + ": " + e.getMessage(), e);
    }
  }

  /** A copy with {@code user} added or replacing the user of the same name. */
  public UsersFile withUser(UserEntry user) {
    Map<String, UserEntry> copy = new LinkedHashMap<>(users);
    copy.put(user.name(), user);
    return new UsersFile(List.copyOf(copy.values()), List.copyOf(apiKeys.values()));
  }

  /**
   * A copy with {@code user} added.
   *
   * @throws UserExistsException when a user of that name exists
   */
  public UsersFile withNewUser(UserEntry user) {
    if (users.containsKey(user.name())) {
      throw new UserExistsException(user.name());
    }
    return withUser(user);
  }

  /**
   * A copy in which user {@code name} has another password hash.
   *
   * @throws UserNotFoundException when there is no such user
   */
  public UsersFile withPassword(String name, String passwordHash) {
    return withUser(requireUser(name).withPasswordHash(passwordHash));
  }

  /**
   * A copy without user {@code name} and without the API keys that act as it.
   *
   * @throws UserNotFoundException when there is no such user
   */
  public UsersFile withoutUser(String name) {
    requireUser(name);
    Map<String, UserEntry> copy = new LinkedHashMap<>(users);
    copy.remove(name);
    return new UsersFile(
        List.copyOf(copy.values()),
        apiKeys.values().stream().filter(k -> !k.user().equals(name)).toList());
  }

  /** A copy with {@code key} added or replacing the key of the same id. */
  public UsersFile withApiKey(ApiKeyEntry key) {
    Map<String, ApiKeyEntry> copy = new LinkedHashMap<>(apiKeys);
    copy.put(key.id(), key);
    return new UsersFile(List.copyOf(users.values()), List.copyOf(copy.values()));
  }

  /**
   * A copy without the API key {@code id}.
   *
   * @throws ApiKeyNotFoundException when there is no such key
   */
  public UsersFile withoutApiKey(String id) {
    if (!apiKeys.containsKey(id)) {
      throw new ApiKeyNotFoundException(id);
    }
    Map<String, ApiKeyEntry> copy = new LinkedHashMap<>(apiKeys);
    copy.remove(id);
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

  /** The users, by name. */
  public List<UserEntry> users() {
    return users.values().stream().sorted(Comparator.comparing(UserEntry::name)).toList();
  }

  /** The API keys, by id. */
  public List<ApiKeyEntry> apiKeys() {
    return apiKeys.values().stream().sorted(Comparator.comparing(ApiKeyEntry::id)).toList();
  }

  /** The API keys that act as {@code user}, by id. */
  public List<ApiKeyEntry> apiKeysOf(String user) {
    return apiKeys().stream().filter(k -> k.user().equals(user)).toList();
  }

  @Override
  public String toString() {
    return "UsersFile[users=" + users.keySet() + ", apiKeys=" + apiKeys.keySet() + "]";
  }

  private UserEntry requireUser(String name) {
    UserEntry user = users.get(name);
    if (user == null) {
      throw new UserNotFoundException(name);
    }
    return user;
  }

  private static void putCommon(
      ObjectNode node, Set<String> groups, Set<String> roles, TenantId tenant) {
    groups.stream().sorted().forEach(node.putArray("groups")::add);
    roles.stream().sorted().forEach(node.putArray("roles")::add);
    if (tenant != null) {
      node.put("tenant", tenant.value());
    }
  }

  /** Builds an entry, naming it in the message of a refusal. */
  private static <T> T entry(String where, Supplier<T> build) {
    try {
      return build.get();
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(where + ": " + e.getMessage(), e);
    }
  }

  private static void members(JsonNode node, Set<String> allowed, String where) {
    for (var it = node.fieldNames(); it.hasNext(); ) {
      String field = it.next();
      if (!allowed.contains(field)) {
        throw new IllegalArgumentException(
            where
                + " has an unknown member "
                + AuthNames.quoted(field)
                + "; known: "
                + new TreeSet<>(allowed));
      }
    }
  }

  private static List<JsonNode> array(JsonNode node, String field, String where) {
    JsonNode value = node.get(field);
    if (value == null || value.isNull()) {
      return List.of();
    }
    if (!value.isArray()) {
      throw new IllegalArgumentException(where + ": '" + field + "' must be an array");
    }
    List<JsonNode> out = new ArrayList<>();
    for (JsonNode element : value) {
      if (!element.isObject()) {
        throw new IllegalArgumentException(
            where + ": every element of '" + field + "' must be an object");
      }
      out.add(element);
    }
    return out;
  }

  private static String required(JsonNode node, String field, String where) {
    JsonNode value = node.get(field);
    if (value == null || !value.isTextual() || value.asText().isEmpty()) {
      throw new IllegalArgumentException(where + " has no '" + field + "'");
    }
    return value.asText();
  }

  private static Set<String> strings(JsonNode node, String field, String where) {
    JsonNode array = node.get(field);
    if (array == null || array.isNull()) {
      return Set.of();
    }
    if (!array.isArray()) {
      throw new IllegalArgumentException(where + ": '" + field + "' must be an array of strings");
    }
    Set<String> values = new LinkedHashSet<>();
    for (JsonNode v : array) {
      if (!v.isTextual()) {
        throw new IllegalArgumentException(where + ": '" + field + "' must hold strings only");
      }
      values.add(v.asText());
    }
    return values;
  }

  private static TenantId tenant(JsonNode node, String where) {
    JsonNode tenant = node.get("tenant");
    if (tenant == null || tenant.isNull()) {
      return null;
    }
    if (!tenant.isTextual()) {
      throw new IllegalArgumentException(where + ": 'tenant' must be a string");
    }
    return new TenantId(tenant.asText());
  }
}
