package io.tributary.catalog;

import java.util.Objects;
import java.util.UUID;

/** An entity's immutable identifier, as Atlas uses it: a UUID string. */
public record Guid(String value) {
  public Guid {
    Objects.requireNonNull(value, "guid");
    try {
      UUID.fromString(value);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("Guid '" + value + "' is not a UUID");
    }
  }

  public static Guid random() {
    return new Guid(UUID.randomUUID().toString());
  }

  /** Stable guid for a key, so that a redelivered event creates no second entity. */
  public static Guid forKey(EntityKey key) {
    return new Guid(
        UUID.nameUUIDFromBytes(key.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8))
            .toString());
  }

  @Override
  public String toString() {
    return value;
  }
}
