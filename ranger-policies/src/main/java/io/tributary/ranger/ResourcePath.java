package io.tributary.ranger;

import io.tributary.contract.TenantId;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A resource of the {@code tributary} service definition: tenant, then optionally a namespace, then
 * optionally a dataset or a job.
 *
 * @param tenant a tenant id, or {@link #PLATFORM_TENANT} for platform-wide operations
 * @param namespace the namespace, or null for a tenant-level resource
 * @param kind dataset or job, or null above that level
 * @param name the dataset or job name, or null above that level
 */
public record ResourcePath(String tenant, String namespace, Kind kind, String name) {
  /**
   * The tenant value of platform operations (creating and deleting tenants). It can never be a real
   * tenant id (those start with a letter or digit), so only policies on {@code tenant=*} match it.
   */
  public static final String PLATFORM_TENANT = "_platform";

  /** The leaf resources of the service definition. */
  public enum Kind {
    DATASET("dataset"),
    JOB("job");

    private final String resourceName;

    Kind(String resourceName) {
      this.resourceName = resourceName;
    }

    public String resourceName() {
      return resourceName;
    }
  }

  public ResourcePath {
    Objects.requireNonNull(tenant, "tenant");
    if (!tenant.equals(PLATFORM_TENANT)) {
      new TenantId(tenant);
    }
    if (namespace != null && namespace.isBlank()) {
      throw new IllegalArgumentException("namespace of tenant '" + tenant + "' must not be blank");
    }
    if ((kind == null) != (name == null)) {
      throw new IllegalArgumentException(
          "a " + (kind == null ? "name" : kind.resourceName()) + " needs both kind and name");
    }
    if (name != null && (namespace == null || name.isBlank())) {
      throw new IllegalArgumentException(
          kind.resourceName() + " '" + name + "' needs a namespace and a non-blank name");
    }
  }

  public static ResourcePath platform() {
    return new ResourcePath(PLATFORM_TENANT, null, null, null);
  }

  public static ResourcePath tenant(TenantId tenant) {
    return new ResourcePath(tenant.value(), null, null, null);
  }

  public static ResourcePath namespace(TenantId tenant, String namespace) {
    return new ResourcePath(tenant.value(), namespace, null, null);
  }

  public static ResourcePath dataset(TenantId tenant, String namespace, String name) {
    return new ResourcePath(tenant.value(), namespace, Kind.DATASET, name);
  }

  public static ResourcePath job(TenantId tenant, String namespace, String name) {
    return new ResourcePath(tenant.value(), namespace, Kind.JOB, name);
  }

  /** Resource name to value, in hierarchy order, as a Ranger request carries it. */
  public Map<String, Object> toRangerResource() {
    Map<String, Object> elements = new LinkedHashMap<>();
    elements.put("tenant", tenant);
    if (namespace != null) {
      elements.put("namespace", namespace);
    }
    if (kind != null) {
      elements.put(kind.resourceName(), name);
    }
    return elements;
  }

  /** The path as Ranger's audit prints it: {@code acme/prod/orders}. */
  public String rangerPath() {
    StringBuilder path = new StringBuilder(tenant);
    if (namespace != null) {
      path.append('/').append(namespace);
    }
    if (name != null) {
      path.append('/').append(name);
    }
    return path.toString();
  }

  @Override
  public String toString() {
    StringBuilder text = new StringBuilder("tenant '").append(tenant).append('\'');
    if (namespace != null) {
      text.append(" namespace '").append(namespace).append('\'');
    }
    if (kind != null) {
      text.append(' ').append(kind.resourceName()).append(" '").append(name).append('\'');
    }
    return text.toString();
  }
}
