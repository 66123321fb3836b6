package io.tributary.ranger.tenancy;

import java.util.List;
import java.util.Objects;
import org.apache.ranger.plugin.model.RangerPolicy;

/**
 * Policies (and the Ranger roles they name) that are created, replaced and removed together: a
 * tenant's, one share's, the platform's.
 *
 * @param name file stem in the policy directory; also labels the policies in Ranger Admin
 */
public record PolicySet(String name, List<RangerPolicy> policies, List<String> roles) {
  public PolicySet {
    Objects.requireNonNull(name, "name");
    if (!name.matches("[a-z0-9][a-z0-9._-]*")) {
      throw new IllegalArgumentException("policy set name '" + name + "' is not [a-z0-9._-]+");
    }
    policies = List.copyOf(policies);
    roles = roles == null ? List.of() : List.copyOf(roles);
  }

  public List<String> policyNames() {
    return policies.stream().map(RangerPolicy::getName).toList();
  }
}
