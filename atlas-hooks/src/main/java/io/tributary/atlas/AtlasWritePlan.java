package io.tributary.atlas;

import io.tributary.catalog.EntityKey;
import java.util.List;
import java.util.Objects;

/**
 * What one catalog mutation becomes in Atlas.
 *
 * @param creates entities the mutation defines (it names them): Atlas's create-or-update, each with
 *     a placeholder guid
 * @param partialUpdates entities the mutation only changes (no name given): Atlas's partial update
 *     by unique attribute
 * @param relationships relationships between entities that neither list carries (REST only)
 */
public record AtlasWritePlan(
    List<Keyed> creates, List<Keyed> partialUpdates, List<AtlasRelationship> relationships) {
  public AtlasWritePlan {
    creates = List.copyOf(creates);
    partialUpdates = List.copyOf(partialUpdates);
    relationships = List.copyOf(relationships);
  }

  /** An Atlas entity and the catalog key it stands for. */
  public record Keyed(EntityKey key, AtlasEntity entity) {
    public Keyed {
      Objects.requireNonNull(key, "key");
      Objects.requireNonNull(entity, "entity");
    }
  }

  public int entityCount() {
    return creates.size() + partialUpdates.size();
  }
}
