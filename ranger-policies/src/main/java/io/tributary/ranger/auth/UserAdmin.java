package io.tributary.ranger.auth;

import io.tributary.contract.TenantId;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Adds and removes users, sets passwords, issues and revokes API keys in a {@link UsersStore}: what
 * {@code tributary users} does to a file and the admin API does to the server's. Every change is
 * written at once and in force at once. Callers check that the caller may do it.
 */
public final class UserAdmin {
  public static final int MIN_PASSWORD_LENGTH = 8;
  public static final int MAX_PASSWORD_LENGTH = 1024;

  private final UsersStore store;
  private final SecretHasher hasher;
  private final ApiKeys apiKeys;

  public UserAdmin(UsersStore store, SecretHasher hasher, ApiKeys apiKeys) {
    this.store = Objects.requireNonNull(store, "store");
    this.hasher = Objects.requireNonNull(hasher, "hasher");
    this.apiKeys = Objects.requireNonNull(apiKeys, "apiKeys");
  }

  /** With the default hash strength and a fresh {@link SecureRandom}. */
  public static UserAdmin of(UsersStore store) {
    SecretHasher hasher = new SecretHasher();
    return new UserAdmin(store, hasher, new ApiKeys(new SecureRandom(), hasher));
  }

  public List<UserEntry> users() {
    return store.current().users();
  }

  public Optional<UserEntry> user(String name) {
    return store.current().user(AuthNames.user(name));
  }

  public List<ApiKeyEntry> apiKeys() {
    return store.current().apiKeys();
  }

  /**
   * Adds a user.
   *
   * @param tenant the home tenant, or null for {@code default}
   * @throws IllegalArgumentException when a name or the password is unacceptable
   * @throws UserExistsException when the name is taken
   */
  public UserEntry addUser(
      String name, char[] password, Set<String> groups, Set<String> roles, TenantId tenant) {
    AuthNames.user(name);
    if (store.current().user(name).isPresent()) {
      // Before the costly hash; update checks again against the file.
      throw new UserExistsException(name);
    }
    UserEntry user = new UserEntry(name, hash(password), groups, roles, tenant);
    store.update(users -> users.withNewUser(user));
    return user;
  }

  /**
   * Sets a user's password; the old one fails from the next request on.
   *
   * @throws UserNotFoundException when there is no such user
   */
  public void changePassword(String name, char[] password) {
    AuthNames.user(name);
    requireUser(name);
    String hash = hash(password);
    store.update(users -> users.withPassword(name, hash));
  }

  /**
   * Removes a user and the API keys that act as it.
   *
   * @return the keys revoked with it
   * @throws UserNotFoundException when there is no such user
   */
  public List<ApiKeyEntry> removeUser(String name) {
    AuthNames.user(name);
    List<ApiKeyEntry> revoked = new ArrayList<>();
    store.update(
        users -> {
          UsersFile next = users.withoutUser(name);
          revoked.addAll(users.apiKeysOf(name));
          return next;
        });
    return List.copyOf(revoked);
  }

  /**
   * Issues an API key acting as {@code user}. What the request leaves null, the key takes from the
   * user of that name when the file has one (its groups, roles, home tenant), else none.
   *
   * @param user a user of the file, or any valid name (a service that holds keys only)
   * @return the key in clear, to show once, and its entry
   */
  public ApiKeys.Issued createApiKey(
      String user, Set<String> groups, Set<String> roles, TenantId tenant) {
    AuthNames.user(user);
    ApiKeys.Issued[] issued = new ApiKeys.Issued[1];
    store.update(
        users -> {
          Optional<UserEntry> owner = users.user(user);
          Set<String> g = groups != null ? groups : owner.map(UserEntry::groups).orElse(Set.of());
          Set<String> r = roles != null ? roles : owner.map(UserEntry::roles).orElse(Set.of());
          TenantId t = tenant != null ? tenant : owner.map(UserEntry::tenant).orElse(null);
          ApiKeys.Issued key = apiKeys.issue(user, g, r, t);
          // 48 random bits of id: a clash is unlikely, but must not replace another key.
          while (users.apiKey(key.entry().id()).isPresent()) {
            key = apiKeys.issue(user, g, r, t);
          }
          issued[0] = key;
          return users.withApiKey(key.entry());
        });
    return issued[0];
  }

  /**
   * Revokes an API key; it fails from the next request on.
   *
   * @throws ApiKeyNotFoundException when there is no such key
   */
  public ApiKeyEntry revokeApiKey(String id) {
    AuthNames.apiKeyId(id);
    ApiKeyEntry[] revoked = new ApiKeyEntry[1];
    store.update(
        users -> {
          revoked[0] = users.apiKey(id).orElseThrow(() -> new ApiKeyNotFoundException(id));
          return users.withoutApiKey(id);
        });
    return revoked[0];
  }

  /**
   * Checks a new password: {@value #MIN_PASSWORD_LENGTH} to {@value #MAX_PASSWORD_LENGTH}
   * characters, no control characters (a line end read with it would otherwise become part of it).
   *
   * @throws IllegalArgumentException saying why, never showing the password
   */
  public static void checkPassword(char[] password) {
    if (password == null || password.length < MIN_PASSWORD_LENGTH) {
      throw new IllegalArgumentException(
          "The password is shorter than " + MIN_PASSWORD_LENGTH + " characters");
    }
    if (password.length > MAX_PASSWORD_LENGTH) {
      throw new IllegalArgumentException(
          "The password is longer than " + MAX_PASSWORD_LENGTH + " characters");
    }
    for (char c : password) {
      if (Character.isISOControl(c)) {
        throw new IllegalArgumentException(
            "The password contains a control character (a line end or tab?)");
      }
    }
  }

  private String hash(char[] password) {
    checkPassword(password);
    return hasher.hashPassword(password);
  }

  private void requireUser(String name) {
    if (store.current().user(name).isEmpty()) {
      throw new UserNotFoundException(name);
    }
  }
}
