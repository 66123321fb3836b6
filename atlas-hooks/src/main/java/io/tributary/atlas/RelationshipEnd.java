package io.tributary.atlas;

import java.util.Objects;

/**
 * One end of an Atlas relationship type as an entity sees it: the relationship attribute {@code
 * name} that an entity of {@code entityType} carries, and whether that entity is the catalog's
 * {@code from} side of a {@link io.tributary.catalog.RelationshipWrite}.
 *
 * @param single the attribute holds one reference (cardinality SINGLE) rather than a list
 */
public record RelationshipEnd(
    String relationshipType,
    String entityType,
    String name,
    boolean isFrom,
    boolean single,
    String otherType) {
  public RelationshipEnd {
    Objects.requireNonNull(relationshipType, "relationshipType");
    Objects.requireNonNull(entityType, "entityType");
    Objects.requireNonNull(name, "name");
  }
}
