package io.tributary.catalog;

import java.util.List;
import java.util.Map;

/**
 * What a committed mutation did.
 *
 * @param guids the guid of every entity the mutation wrote, by key
 * @param created keys of entities that did not exist before
 * @param updated keys of entities that existed and changed
 */
public record MutationResult(
    Map<EntityKey, Guid> guids, List<EntityKey> created, List<EntityKey> updated) {
  public MutationResult {
    guids = Map.copyOf(guids);
    created = List.copyOf(created);
    updated = List.copyOf(updated);
  }
}
