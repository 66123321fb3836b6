package io.tributary.ranger.admin;

import io.tributary.ranger.tenancy.PolicySet;
import io.tributary.ranger.tenancy.PolicyStore;
import java.util.List;
import java.util.Optional;
import org.apache.ranger.plugin.model.RangerPolicy;
import org.apache.ranger.plugin.model.RangerRole;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps generated policies in Ranger Admin: roles first (policies may only name existing roles),
 * then each policy created or, if one of the same name exists, replaced.
 */
public final class RangerAdminPolicyStore implements PolicyStore {
  private static final Logger LOG = LoggerFactory.getLogger(RangerAdminPolicyStore.class);

  private final RangerAdminApi api;

  public RangerAdminPolicyStore(RangerAdminApi api) {
    this.api = api;
  }

  @Override
  public void put(PolicySet set) {
    for (String roleName : set.roles()) {
      RangerRole role = new RangerRole();
      role.setName(roleName);
      role.setDescription("Tributary role " + roleName);
      role.setUsers(List.of());
      role.setGroups(List.of());
      role.setRoles(List.of());
      if (api.createRole(role)) {
        LOG.info("Created Ranger role '{}'", roleName);
      }
    }
    for (RangerPolicy policy : set.policies()) {
      Optional<RangerPolicy> existing = api.getPolicy(policy.getName());
      if (existing.isPresent()) {
        api.updatePolicy(existing.get().getId(), policy);
        LOG.info("Updated Ranger policy '{}'", policy.getName());
      } else {
        RangerPolicy created = api.createPolicy(policy);
        LOG.info("Created Ranger policy '{}' (id {})", policy.getName(), created.getId());
      }
    }
  }

  @Override
  public void remove(PolicySet set) {
    for (String name : set.policyNames()) {
      if (api.deletePolicy(name)) {
        LOG.info("Deleted Ranger policy '{}'", name);
      }
    }
    for (String roleName : set.roles()) {
      if (api.deleteRole(roleName)) {
        LOG.info("Deleted Ranger role '{}'", roleName);
      }
    }
  }
}
