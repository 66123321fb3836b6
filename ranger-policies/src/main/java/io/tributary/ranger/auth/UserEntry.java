package io.tributary.ranger.auth;

import io.tributary.catalog.TenantId;
import java.util.Objects;
import java.util.Set;

/**
 * A user of the users file.
 *
 * @param passwordHash a {@link SecretHasher} string, never the password
 */
public record UserEntry(
    String name, String passwordHash, Set<String> groups, Set<String> roles, TenantId tenant) {
  public UserEntry {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(passwordHash, "passwordHash of user " + name);
    groups = groups == null ? Set.of() : Set.copyOf(groups);
    roles = roles == null ? Set.of() : Set.copyOf(roles);
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
