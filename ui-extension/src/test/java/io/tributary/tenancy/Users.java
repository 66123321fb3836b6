package io.tributary.tenancy;

import io.tributary.contract.TenantId;
import io.tributary.ranger.auth.ApiKeys;
import io.tributary.ranger.auth.SecretHasher;
import io.tributary.ranger.auth.UserEntry;
import io.tributary.ranger.auth.UsersFile;
import io.tributary.ranger.tenancy.TenantRole;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The users file a test writes: an API key per user, for the platform administrator, an admin, a
 * writer and a reader of each tenant, a user without roles, and one password user.
 */
final class Users {
  static final String PLATFORM = "platform";
  static final String NOBODY = "nobody";
  static final String PASSWORD_USER = "alice";
  static final String PASSWORD = "correct horse battery staple";

  private final Map<String, String> keys;

  private Users(Map<String, String> keys) {
    this.keys = Map.copyOf(keys);
  }

  /** Writes {@code file}; {@code extra} are further users as name to (roles, groups, tenant). */
  static Users write(Path file, List<String> tenants, Map<String, Extra> extra) {
    SecretHasher hasher = new SecretHasher(new SecureRandom(), 1_000);
    ApiKeys issuer = new ApiKeys(new SecureRandom(), hasher);
    UsersFile users = UsersFile.empty();
    Map<String, String> keys = new LinkedHashMap<>();
    Map<String, Extra> all = new LinkedHashMap<>();
    all.put(PLATFORM, new Extra(Set.of(TenantRole.PLATFORM_ADMIN), Set.of(), "default"));
    all.put(NOBODY, new Extra(Set.of(), Set.of(), "default"));
    for (String tenant : tenants) {
      for (TenantRole role : TenantRole.values()) {
        all.put(
            user(tenant, role),
            new Extra(Set.of(role.roleName(new TenantId(tenant))), Set.of(), tenant));
      }
    }
    all.putAll(extra);
    for (var e : all.entrySet()) {
      ApiKeys.Issued issued =
          issuer.issue(
              e.getKey(), e.getValue().groups(), e.getValue().roles(), e.getValue().tenant());
      users = users.withApiKey(issued.entry());
      keys.put(e.getKey(), issued.key());
    }
    users =
        users.withUser(
            new UserEntry(
                PASSWORD_USER,
                hasher.hashPassword(PASSWORD.toCharArray()),
                Set.of(),
                Set.of(TenantRole.READER.roleName(new TenantId(tenants.get(0)))),
                new TenantId(tenants.get(0))));
    users.save(file);
    return new Users(keys);
  }

  /** A further user's roles, groups and home tenant. */
  record Extra(Set<String> roles, Set<String> groups, String tenantId) {
    TenantId tenant() {
      return new TenantId(tenantId);
    }
  }

  static String user(String tenant, TenantRole role) {
    return tenant + "-" + role.name().toLowerCase(java.util.Locale.ROOT);
  }

  String key(String user) {
    String key = keys.get(user);
    if (key == null) {
      throw new IllegalArgumentException("no user '" + user + "'");
    }
    return key;
  }

  String key(String tenant, TenantRole role) {
    return key(user(tenant, role));
  }
}
