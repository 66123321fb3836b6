package io.tributary.ranger;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.ranger.plugin.model.RangerPolicy;
import org.apache.ranger.plugin.model.RangerPolicy.RangerPolicyItem;
import org.apache.ranger.plugin.model.RangerPolicy.RangerPolicyResource;
import org.apache.ranger.plugin.util.ServicePolicies;

/**
 * Where a read decision can depend on a dataset's or job's name under one set of policies. Tenant
 * policies name datasets and jobs with {@code *}; only shares and hand-written policies name them
 * one by one, each within a tenant and namespace it names literally. Under any other tenant and
 * namespace every dataset (or job) with the same classifications is decided alike, so one Ranger
 * evaluation answers for all of them. Anything this cannot read exactly (policy deltas, security
 * zones, policy conditions, a name-specific policy whose tenant or namespace is a pattern) makes
 * names count everywhere, which is what deciding per entity means; so do tags attached to resources
 * by name (the authorizer asks Ranger's tag enricher).
 *
 * @param version the policy version this describes
 */
record NameUse(long version, boolean everywhere, Set<List<String>> namespaces) {
  private static final List<String> LEAVES =
      List.of(ResourcePath.Kind.DATASET.resourceName(), ResourcePath.Kind.JOB.resourceName());

  NameUse {
    namespaces = Set.copyOf(namespaces);
  }

  /** Names count everywhere: what is known of no policy set. */
  static NameUse everywhere(long version) {
    return new NameUse(version, true, Set.of());
  }

  /** Whether {@code resource}'s decision may depend on its dataset or job name. */
  boolean matters(ResourcePath resource) {
    return everywhere
        || (resource.name() != null
            && namespaces.contains(List.of(resource.tenant(), resource.namespace())));
  }

  static NameUse of(ServicePolicies policies) {
    long version =
        policies == null || policies.getPolicyVersion() == null ? -1 : policies.getPolicyVersion();
    if (policies == null
        || policies.getPolicies() == null
        || (policies.getPolicyDeltas() != null && !policies.getPolicyDeltas().isEmpty())
        || (policies.getSecurityZones() != null && !policies.getSecurityZones().isEmpty())) {
      return everywhere(version);
    }
    Set<List<String>> named = new HashSet<>();
    for (RangerPolicy policy : policies.getPolicies()) {
      if (hasConditions(policy) || !namesLiterally(policy.getResources(), named)) {
        return everywhere(version);
      }
      if (policy.getAdditionalResources() != null) {
        for (Map<String, RangerPolicyResource> more : policy.getAdditionalResources()) {
          if (!namesLiterally(more, named)) {
            return everywhere(version);
          }
        }
      }
    }
    // Tag policies match classifications, which are part of every decision's key.
    if (policies.getTagPolicies() != null && policies.getTagPolicies().getPolicies() != null) {
      for (RangerPolicy policy : policies.getTagPolicies().getPolicies()) {
        if (hasConditions(policy)) {
          return everywhere(version);
        }
      }
    }
    return new NameUse(version, false, named);
  }

  /**
   * False when the resource names a dataset or job under a tenant or namespace pattern; otherwise
   * adds the literal tenant and namespace pairs under which it names one.
   */
  private static boolean namesLiterally(
      Map<String, RangerPolicyResource> resources, Set<List<String>> named) {
    if (resources == null) {
      return true;
    }
    boolean byName = false;
    for (String leaf : LEAVES) {
      RangerPolicyResource r = resources.get(leaf);
      if (r != null && !(Boolean.FALSE.equals(excludes(r)) && List.of("*").equals(r.getValues()))) {
        byName = true;
      }
    }
    if (!byName) {
      return true;
    }
    List<String> tenants = literals(resources.get("tenant"));
    List<String> namespaces = literals(resources.get("namespace"));
    if (tenants == null || namespaces == null) {
      return false;
    }
    for (String tenant : tenants) {
      for (String namespace : namespaces) {
        named.add(List.of(tenant, namespace));
      }
    }
    return true;
  }

  private static Boolean excludes(RangerPolicyResource r) {
    return r.getIsExcludes() == null ? Boolean.FALSE : r.getIsExcludes();
  }

  /** The values when all are literal (no pattern, macro or exclusion), else null. */
  private static List<String> literals(RangerPolicyResource r) {
    if (r == null || r.getValues() == null || r.getValues().isEmpty() || excludes(r)) {
      return null;
    }
    for (String v : r.getValues()) {
      if (v == null || v.isEmpty() || v.chars().anyMatch(c -> c == '*' || c == '?' || c == '{')) {
        return null;
      }
    }
    return r.getValues();
  }

  private static boolean hasConditions(RangerPolicy policy) {
    if (policy.getConditions() != null && !policy.getConditions().isEmpty()) {
      return true;
    }
    for (List<RangerPolicyItem> items :
        List.of(
            nonNull(policy.getPolicyItems()),
            nonNull(policy.getDenyPolicyItems()),
            nonNull(policy.getAllowExceptions()),
            nonNull(policy.getDenyExceptions()))) {
      for (RangerPolicyItem item : items) {
        if (item.getConditions() != null && !item.getConditions().isEmpty()) {
          return true;
        }
      }
    }
    return false;
  }

  private static List<RangerPolicyItem> nonNull(List<RangerPolicyItem> items) {
    return items == null ? List.of() : items;
  }
}
