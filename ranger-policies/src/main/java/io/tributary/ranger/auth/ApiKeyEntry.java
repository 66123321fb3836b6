package io.tributary.ranger.auth;

import io.tributary.contract.TenantId;
import java.util.Objects;
import java.util.Set;

/**
 * An API key of the users file. The key presented is {@code trb_<id>_<secret>}; the file keeps the
 * id in clear (to find the entry) and only a hash of the secret.
 *
 * @param id what {@link AuthNames#apiKeyId} allows
 * @param secretHash a {@link SecretHasher} string of the secret, never the secret
 * @param user the user name the key acts as in Ranger policies; need not be a user of the file (a
 *     service such as {@code ingest-bot} may hold keys only)
 * @param tenant the home tenant, or null for {@code default}
 */
public record ApiKeyEntry(
    String id,
    String secretHash,
    String user,
    Set<String> groups,
    Set<String> roles,
    TenantId tenant) {
  public ApiKeyEntry {
    AuthNames.apiKeyId(id);
    Objects.requireNonNull(secretHash, "secretHash of API key " + id);
    AuthNames.user(user);
    groups = UserEntry.labels("group", groups);
    roles = UserEntry.labels("role", roles);
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
