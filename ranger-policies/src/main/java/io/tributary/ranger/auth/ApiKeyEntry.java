package io.tributary.ranger.auth;

import io.tributary.catalog.TenantId;
import java.util.Objects;
import java.util.Set;

/**
 * An API key of the users file. The key presented is {@code trb_<id>_<secret>}; the file keeps the
 * id in clear (to find the entry) and only a hash of the secret.
 *
 * @param user the user name the key acts as in Ranger policies
 */
public record ApiKeyEntry(
    String id,
    String secretHash,
    String user,
    Set<String> groups,
    Set<String> roles,
    TenantId tenant) {
  public ApiKeyEntry {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(secretHash, "secretHash of API key " + id);
    Objects.requireNonNull(user, "user of API key " + id);
    if (!id.matches("[A-Za-z0-9]+")) {
      throw new IllegalArgumentException("API key id '" + id + "' is not alphanumeric");
    }
    groups = groups == null ? Set.of() : Set.copyOf(groups);
    roles = roles == null ? Set.of() : Set.copyOf(roles);
  }

  @Override
  public String toString() {
    return "ApiKeyEntry[id="
        + id
        + ", user="
        + user
        + ", groups="
        + groups
        + ", roles="
        + roles
        + ", tenant="
        + tenant
        + "]";
  }
}
