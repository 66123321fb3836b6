package io.tributary.atlas;

import io.tributary.catalog.Entity;
import io.tributary.catalog.EntityKey;
import io.tributary.catalog.Guid;
import java.util.Optional;

/** Finds existing entities while an Atlas request is resolved, within the caller's tenant. */
public interface EntityLookup {
  Optional<Entity> byGuid(Guid guid);

  Optional<Entity> byKey(EntityKey key);
}
