package io.tributary.atlas;

import io.tributary.catalog.EntityKey;
import io.tributary.catalog.Mutation;
import java.util.List;
import java.util.Map;

/**
 * An Atlas write request resolved against the catalog.
 *
 * @param keysByRequestGuid the entity each guid of the request (placeholder or real) names
 * @param keys the keys of the request's entities, in request order, without repeats
 */
public record ResolvedRequest(
    Mutation mutation, Map<String, EntityKey> keysByRequestGuid, List<EntityKey> keys) {
  public ResolvedRequest {
    keysByRequestGuid = Map.copyOf(keysByRequestGuid);
    keys = List.copyOf(keys);
  }
}
