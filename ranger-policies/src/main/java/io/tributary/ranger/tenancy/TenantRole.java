package io.tributary.ranger.tenancy;

import io.tributary.contract.TenantId;
import io.tributary.ranger.AccessType;
import java.util.List;
import java.util.Locale;

/**
 * The roles every tenant has. Each is a Ranger role named {@code <tenant>.<role>} ({@code
 * acme.admin}); its members come from the users file, JWT claims or Ranger Admin.
 */
public enum TenantRole {
  ADMIN(
      List.of(
          AccessType.ADMIN,
          AccessType.READ,
          AccessType.WRITE,
          AccessType.LINEAGE,
          AccessType.SHARE,
          AccessType.APPROVE)),
  WRITER(List.of(AccessType.READ, AccessType.WRITE, AccessType.LINEAGE)),
  READER(List.of(AccessType.READ, AccessType.LINEAGE));

  /**
   * Platform administrators: may create and delete tenants and administer all of them. Has no dot,
   * so it can never be a tenant role.
   */
  public static final String PLATFORM_ADMIN = "platform-admin";

  private final List<AccessType> accesses;

  TenantRole(List<AccessType> accesses) {
    this.accesses = accesses;
  }

  public List<AccessType> accesses() {
    return accesses;
  }

  /** The Ranger role of this tenant role in {@code tenant}. */
  public String roleName(TenantId tenant) {
    return tenant.value() + "." + name().toLowerCase(Locale.ROOT);
  }
}
