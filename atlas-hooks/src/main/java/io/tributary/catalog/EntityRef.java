package io.tributary.catalog;

import java.util.Objects;

/** An entity's guid and key: enough to name it in a change event without loading it. */
public record EntityRef(Guid guid, EntityKey key) {
  public EntityRef {
    Objects.requireNonNull(guid, "guid");
    Objects.requireNonNull(key, "key");
  }
}
