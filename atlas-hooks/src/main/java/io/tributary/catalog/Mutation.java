package io.tributary.catalog;

import java.util.List;
import java.util.Objects;

/**
 * Everything one input (an OpenLineage event, an Atlas bulk request) changes, applied atomically.
 * Relationships may name entities written in the same mutation or already in the catalog.
 *
 * @param source a short description of the input, for change events and error messages
 */
public record Mutation(
    String source, List<EntityWrite> entities, List<RelationshipWrite> relationships) {
  public Mutation {
    Objects.requireNonNull(source, "source");
    entities = entities == null ? List.of() : List.copyOf(entities);
    relationships = relationships == null ? List.of() : List.copyOf(relationships);
  }
}
