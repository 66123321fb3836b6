package io.tributary.catalog;

import io.tributary.contract.TenantId;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A catalog entity as read back: identity, type, tenant, attributes and classifications.
 *
 * @param attributes Atlas attributes other than {@code qualifiedName} and {@code name}; values are
 *     JSON-like (String, Number, Boolean, List, Map)
 */
public record Entity(
    Guid guid,
    EntityKey key,
    String name,
    Map<String, Object> attributes,
    Set<String> classifications,
    Instant createTime,
    Instant updateTime) {
  public Entity {
    Objects.requireNonNull(guid, "guid");
    Objects.requireNonNull(key, "key");
    attributes = attributes == null ? Map.of() : Map.copyOf(attributes);
    classifications = classifications == null ? Set.of() : Set.copyOf(classifications);
  }

  public String typeName() {
    return key.typeName();
  }

  public String qualifiedName() {
    return key.qualifiedName();
  }

  public TenantId tenant() {
    return key.tenant();
  }
}
