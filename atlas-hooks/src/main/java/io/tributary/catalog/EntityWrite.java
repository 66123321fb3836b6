package io.tributary.catalog;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Create-or-update of one entity. Each attribute carries the time of the observation that produced
 * it ({@code asOf}): an attribute already written with a newer time is kept, so that events
 * delivered late or out of order never roll an entity back.
 *
 * @param attributes attributes to set; a null value removes the attribute
 * @param classifications classifications to add (never removes)
 */
public record EntityWrite(
    EntityKey key,
    String name,
    Map<String, Object> attributes,
    Set<String> classifications,
    Instant asOf) {
  public EntityWrite {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(asOf, "asOf");
    attributes =
        attributes == null
            ? Map.of()
            : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(attributes));
    classifications = classifications == null ? Set.of() : Set.copyOf(classifications);
  }

  public static EntityWrite of(EntityKey key, Instant asOf) {
    return new EntityWrite(key, null, Map.of(), Set.of(), asOf);
  }
}
