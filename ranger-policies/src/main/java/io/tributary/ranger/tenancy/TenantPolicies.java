package io.tributary.ranger.tenancy;

import io.tributary.contract.TenantId;
import io.tributary.ranger.AccessType;
import io.tributary.ranger.ResourcePath;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.ranger.plugin.model.RangerPolicy;
import org.apache.ranger.plugin.model.RangerPolicy.RangerPolicyItem;
import org.apache.ranger.plugin.model.RangerPolicy.RangerPolicyItemAccess;
import org.apache.ranger.plugin.model.RangerPolicy.RangerPolicyResource;

/** The policies Tributary generates: per tenant, per share, and for platform administrators. */
public final class TenantPolicies {
  public static final String LABEL = "tributary";

  private final String serviceName;

  public TenantPolicies(String serviceName) {
    this.serviceName = Objects.requireNonNull(serviceName, "serviceName");
  }

  /**
   * One policy on everything of the tenant (its datasets and, as additional resources, its jobs),
   * with one item per tenant role.
   */
  public PolicySet forTenant(TenantId tenant) {
    RangerPolicy policy =
        policy(
            "tenant-" + tenant,
            "Members of tenant " + tenant + " by role",
            List.of(tenant.value()),
            List.of("*"),
            List.of("*"),
            tenant);
    List<RangerPolicyItem> items = new ArrayList<>();
    List<String> roles = new ArrayList<>();
    for (TenantRole role : TenantRole.values()) {
      items.add(item(role.accesses(), List.of(role.roleName(tenant))));
      roles.add(role.roleName(tenant));
    }
    policy.setPolicyItems(items);
    return new PolicySet("tenant-" + tenant, List.of(policy), roles);
  }

  /** Read and lineage on the shared datasets for every role of the grantee. */
  public PolicySet forShare(Share share) {
    RangerPolicy policy =
        policy(
            share.policyName(),
            "Datasets of " + share.owner() + " shared with " + share.grantee(),
            List.of(share.owner().value()),
            List.of(share.namespace()),
            share.datasets(),
            share.owner());
    policy.setAdditionalResources(null);
    List<String> granteeRoles =
        List.of(TenantRole.values()).stream().map(r -> r.roleName(share.grantee())).toList();
    policy.setPolicyItems(
        List.of(item(List.of(AccessType.READ, AccessType.LINEAGE), granteeRoles)));
    return new PolicySet(share.policyName(), List.of(policy), List.of());
  }

  /** Platform administrators administer every tenant and the platform itself. */
  public PolicySet forPlatform() {
    RangerPolicy policy =
        policy(
            "platform-admin",
            "Platform administrators: every tenant, and creating and deleting tenants",
            List.of("*"),
            List.of("*"),
            List.of("*"),
            null);
    policy.setPolicyItems(
        List.of(item(TenantRole.ADMIN.accesses(), List.of(TenantRole.PLATFORM_ADMIN))));
    return new PolicySet("platform", List.of(policy), List.of(TenantRole.PLATFORM_ADMIN));
  }

  /** The platform operations' resource, for documentation and tests. */
  public static ResourcePath platformResource() {
    return ResourcePath.platform();
  }

  private RangerPolicy policy(
      String name,
      String description,
      List<String> tenants,
      List<String> namespaces,
      List<String> leaves,
      TenantId tenant) {
    RangerPolicy policy = new RangerPolicy();
    policy.setService(serviceName);
    policy.setName(name);
    policy.setDescription(description);
    policy.setIsEnabled(true);
    policy.setIsAuditEnabled(true);
    policy.setPolicyType(RangerPolicy.POLICY_TYPE_ACCESS);
    policy.setPolicyLabels(
        tenant == null ? List.of(LABEL) : List.of(LABEL, LABEL + "-tenant-" + tenant));
    policy.setResources(resources(tenants, namespaces, "dataset", leaves));
    List<Map<String, RangerPolicyResource>> additional = new ArrayList<>();
    additional.add(resources(tenants, namespaces, "job", leaves));
    policy.setAdditionalResources(additional);
    return policy;
  }

  private static Map<String, RangerPolicyResource> resources(
      List<String> tenants, List<String> namespaces, String leaf, List<String> leaves) {
    Map<String, RangerPolicyResource> resources = new LinkedHashMap<>();
    resources.put("tenant", new RangerPolicyResource(tenants, false, false));
    resources.put("namespace", new RangerPolicyResource(namespaces, false, false));
    resources.put(leaf, new RangerPolicyResource(leaves, false, leaf.equals("dataset")));
    return resources;
  }

  private static RangerPolicyItem item(List<AccessType> accesses, List<String> roles) {
    List<RangerPolicyItemAccess> items =
        accesses.stream().map(a -> new RangerPolicyItemAccess(a.rangerName(), true)).toList();
    return new RangerPolicyItem(
        new ArrayList<>(items), List.of(), List.of(), new ArrayList<>(roles), List.of(), false);
  }
}
