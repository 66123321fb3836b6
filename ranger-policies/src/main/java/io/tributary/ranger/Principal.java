package io.tributary.ranger;

import io.tributary.contract.TenantId;
import java.util.Objects;
import java.util.Set;

/**
 * An authenticated caller.
 *
 * @param user the user name Ranger policies name
 * @param groups groups Ranger policies name
 * @param roles Ranger roles (for example {@code acme.admin}); merged with the roles Ranger Admin
 *     assigns to the user and groups
 * @param tenant the caller's home tenant, used as the default tenant of its requests
 */
public record Principal(String user, Set<String> groups, Set<String> roles, TenantId tenant) {
  public Principal {
    Objects.requireNonNull(user, "user");
    if (user.isBlank()) {
      throw new IllegalArgumentException("user must not be blank");
    }
    groups = groups == null ? Set.of() : Set.copyOf(groups);
    roles = roles == null ? Set.of() : Set.copyOf(roles);
    tenant = tenant == null ? TenantId.DEFAULT : tenant;
  }
}
