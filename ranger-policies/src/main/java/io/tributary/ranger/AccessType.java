package io.tributary.ranger;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The access types of the {@code tributary} service definition. */
public enum AccessType {
  /** See an entity and its attributes. */
  READ("read"),
  /** Ingest lineage and change entities. */
  WRITE("write"),
  /** Walk an entity's lineage. */
  LINEAGE("lineage"),
  /** Grant other tenants read on one's own datasets. */
  SHARE("share"),
  /** Approve or reject governance proposals (docs/governance.md). */
  APPROVE("approve"),
  /** Administer a tenant: its configuration, members and policies; implies all others. */
  ADMIN("admin");

  private final String rangerName;

  AccessType(String rangerName) {
    this.rangerName = rangerName;
  }

  /** The name used in Ranger policies and requests. */
  public String rangerName() {
    return rangerName;
  }

  public static AccessType fromRangerName(String name) {
    for (AccessType type : values()) {
      if (type.rangerName.equals(name)) {
        return type;
      }
    }
    throw new IllegalArgumentException(
        "Access type '"
            + name
            + "' is unknown; known: "
            + Arrays.stream(values()).map(t -> t.rangerName).collect(Collectors.joining(", "))
            + "");
  }

  @Override
  public String toString() {
    return name().toLowerCase(Locale.ROOT);
  }
}
