package io.tributary.ranger.source;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.ranger.plugin.model.RangerPolicy;
import org.apache.ranger.plugin.model.RangerPolicy.RangerPolicyItem;
import org.apache.ranger.plugin.model.RangerPolicy.RangerPolicyItemAccess;
import org.apache.ranger.plugin.model.RangerPolicy.RangerPolicyResource;
import org.apache.ranger.plugin.model.RangerServiceDef;
import org.apache.ranger.plugin.model.RangerServiceDef.RangerResourceDef;
import org.apache.ranger.plugin.model.validation.RangerServiceDefHelper;

/**
 * Checks policies against a service definition before they reach the policy engine, which would
 * otherwise ignore unknown resources and access types silently (Ranger's JSON model ignores unknown
 * fields).
 */
final class PolicyValidator {
  private final RangerServiceDef serviceDef;
  private final Set<String> accessTypes = new HashSet<>();
  private final List<List<String>> hierarchies = new ArrayList<>();

  PolicyValidator(RangerServiceDef serviceDef) {
    this.serviceDef = serviceDef;
    serviceDef.getAccessTypes().forEach(def -> accessTypes.add(def.getName()));
    RangerServiceDefHelper helper = new RangerServiceDefHelper(serviceDef, false);
    for (List<RangerResourceDef> hierarchy :
        helper.getResourceHierarchies(RangerPolicy.POLICY_TYPE_ACCESS)) {
      hierarchies.add(hierarchy.stream().map(RangerResourceDef::getName).toList());
    }
  }

  /** Returns the problems of {@code policy}, empty when it is valid. */
  List<String> problems(RangerPolicy policy) {
    List<String> problems = new ArrayList<>();
    String name = policy.getName();
    String label = name == null || name.isBlank() ? "a policy without a name" : "'" + name + "'";
    if (name == null || name.isBlank()) {
      problems.add(label + ": 'name' is required");
    }
    if (policy.getPolicyType() != null
        && policy.getPolicyType() != RangerPolicy.POLICY_TYPE_ACCESS) {
      problems.add(label + ": only access policies (policyType 0) are supported");
    }
    checkResources(label, policy.getResources(), problems);
    if (policy.getAdditionalResources() != null) {
      for (Map<String, RangerPolicyResource> resources : policy.getAdditionalResources()) {
        checkResources(label, resources, problems);
      }
    }
    checkItems(label, "policyItems", policy.getPolicyItems(), problems);
    checkItems(label, "denyPolicyItems", policy.getDenyPolicyItems(), problems);
    checkItems(label, "allowExceptions", policy.getAllowExceptions(), problems);
    checkItems(label, "denyExceptions", policy.getDenyExceptions(), problems);
    boolean empty =
        isEmpty(policy.getPolicyItems())
            && isEmpty(policy.getDenyPolicyItems())
            && !Boolean.TRUE.equals(policy.getIsDenyAllElse());
    if (empty) {
      problems.add(label + ": has neither policyItems nor denyPolicyItems");
    }
    return problems;
  }

  private void checkResources(
      String label, Map<String, RangerPolicyResource> resources, List<String> problems) {
    if (resources == null || resources.isEmpty()) {
      problems.add(label + ": 'resources' is required");
      return;
    }
    for (Map.Entry<String, RangerPolicyResource> entry : resources.entrySet()) {
      String key = entry.getKey();
      if (serviceDef.getResources().stream().noneMatch(def -> def.getName().equals(key))) {
        problems.add(
            label
                + ": resource '"
                + key
                + "' is not in service definition '"
                + serviceDef.getName()
                + "'");
      }
      RangerPolicyResource value = entry.getValue();
      if (value == null || value.getValues() == null || value.getValues().isEmpty()) {
        problems.add(label + ": resource '" + key + "' has no values");
      } else if (value.getValues().stream().anyMatch(v -> v == null || v.isBlank())) {
        problems.add(label + ": resource '" + key + "' has a blank value");
      }
    }
    Set<String> keys = resources.keySet();
    boolean validPrefix =
        hierarchies.stream()
            .anyMatch(
                h -> h.size() >= keys.size() && Set.copyOf(h.subList(0, keys.size())).equals(keys));
    if (!validPrefix) {
      problems.add(
          label + ": resources " + keys + " are not the top of any hierarchy " + hierarchies);
    }
  }

  private void checkItems(
      String label, String field, List<RangerPolicyItem> items, List<String> problems) {
    if (items == null) {
      return;
    }
    for (int i = 0; i < items.size(); i++) {
      RangerPolicyItem item = items.get(i);
      String where = label + ": " + field + "[" + i + "]";
      if (item == null) {
        problems.add(where + " is null");
        continue;
      }
      if (isEmpty(item.getUsers()) && isEmpty(item.getGroups()) && isEmpty(item.getRoles())) {
        problems.add(where + " names no users, groups or roles");
      }
      if (isEmpty(item.getAccesses())) {
        problems.add(where + " has no accesses");
      } else {
        for (RangerPolicyItemAccess access : item.getAccesses()) {
          if (access == null || !accessTypes.contains(access.getType())) {
            problems.add(
                where
                    + ": access type '"
                    + (access == null ? null : access.getType())
                    + "' is unknown; known: "
                    + accessTypes);
          }
        }
      }
    }
  }

  private static boolean isEmpty(java.util.Collection<?> values) {
    return values == null || values.isEmpty();
  }
}
