package io.tributary.catalog.atlas;

import io.tributary.catalog.EntityKey;
import io.tributary.contract.TenantId;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Tenants in a remote Atlas, whose qualifiedNames are unique per type across everything: the
 * default tenant's entities keep their qualifiedName (so Atlas's own hooks and Tributary name the
 * same topic alike), other tenants' get the suffix {@code @@<tenant>}.
 */
public final class TenantQualifiedNames {
  public static final String SEPARATOR = "@@";
  private static final Pattern SUFFIXED =
      Pattern.compile("(.+)" + SEPARATOR + "([a-z0-9][a-z0-9_-]{0,63})");

  public String encode(EntityKey key) {
    return TenantId.DEFAULT.equals(key.tenant())
        ? key.qualifiedName()
        : key.qualifiedName() + SEPARATOR + key.tenant().value();
  }

  public EntityKey decode(String typeName, String atlasQualifiedName) {
    Matcher m = SUFFIXED.matcher(atlasQualifiedName);
    if (m.matches()) {
      return new EntityKey(new TenantId(m.group(2)), typeName, m.group(1));
    }
    return new EntityKey(TenantId.DEFAULT, typeName, atlasQualifiedName);
  }

  /** The qualifiedName suffix that marks a tenant's entities, or null for the default tenant. */
  public String suffix(TenantId tenant) {
    return TenantId.DEFAULT.equals(tenant) ? null : SEPARATOR + tenant.value();
  }
}
