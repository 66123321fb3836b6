package io.tributary.catalog;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * Create-or-update of one directed relationship between two entities of the same write. At most one
 * relationship of a type exists between two entities; attributes follow the same newest-wins rule
 * as {@link EntityWrite}.
 */
public record RelationshipWrite(
    String typeName, EntityKey from, EntityKey to, Map<String, Object> attributes, Instant asOf) {
  public RelationshipWrite {
    Objects.requireNonNull(typeName, "typeName");
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
    Objects.requireNonNull(asOf, "asOf");
    attributes =
        attributes == null
            ? Map.of()
            : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(attributes));
  }
}
