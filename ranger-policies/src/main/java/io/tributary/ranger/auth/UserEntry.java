package io.tributary.ranger.auth;

import io.tributary.contract.TenantId;
import java.util.Objects;
import java.util.Set;

/**
 * A user of the users file.
 *
 * @param name a user name as {@link AuthNames#user} allows
 * @param passwordHash a {@link SecretHasher} string, never the password
 * @param tenant the home tenant, or null for {@code default}
 */
public record UserEntry(
    String name, String passwordHash, Set<String> groups, Set<String> roles, TenantId tenant) {
  public UserEntry {
    AuthNames.user(name);
    Objects.requireNonNull(passwordHash, "passwordHash of user " + name);
    groups = labels("group", groups);
    roles = labels("role", roles);
  }

  /** A copy with another password hash. */
  public UserEntry withPasswordHash(String hash) {
    return new UserEntry(name, hash, groups, roles, tenant);
  }

  static Set<String> labels(String what, Set<String> values) {
    if (values == null) {
      return Set.of();
    }
    values.forEach(v -> AuthNames.label(what, v));
    return Set.copyOf(values);
  }

  @Override
  public String toString() {
    return "UserEntry[name="
        + name
        + ", groups="
        + groups
        + ", roles="
        + roles
        + ", tenant="
        + tenant
        + "]";
  }
}
