package io.tributary.catalog.atlas;

import io.tributary.atlas.AtlasEntity;
import io.tributary.atlas.AtlasNames;
import io.tributary.catalog.EntityKey;
import io.tributary.catalog.EntityWrite;
import io.tributary.catalog.Mutation;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Newest-wins per attribute on a remote Atlas, which keeps no time per attribute: the time of each
 * attribute Tributary writes travels with the entity in Atlas's {@code customAttributes} (one key
 * per attribute), and a write drops the attributes for which Atlas already holds a value observed
 * at the same time or later. A late or redelivered event then changes nothing it should not, as on
 * the embedded catalog.
 *
 * <p>The check reads each entity before writing it, so two servers writing the same attribute of
 * the same entity at once can still race; one server, or one writer per entity (the ingest topic
 * partitioned by entity), keeps it exact.
 */
final class AttributeTimes {
  static final String KEY_PREFIX = "tributaryAsOf-";
  private static final Pattern PLAIN =
      Pattern.compile(
          "[A-Za-z0-9_]{1,"
              + (AtlasNames.CUSTOM_ATTRIBUTE_KEY_MAX_LENGTH - KEY_PREFIX.length())
              + "}");

  /**
   * Mutations stripped of the attributes that lose, and the custom attributes to send with each
   * entity whose times moved (the whole map, as Atlas replaces it).
   */
  record Prepared(List<Mutation> mutations, Map<EntityKey, Map<String, String>> customAttributes) {}

  private final Function<EntityKey, Optional<AtlasEntity>> read;

  /**
   * @param read the entity as Atlas holds it now, if it does
   */
  AttributeTimes(Function<EntityKey, Optional<AtlasEntity>> read) {
    this.read = read;
  }

  /** The custom attribute key that holds an attribute's time; short names are kept readable. */
  static String key(String attribute) {
    if (PLAIN.matcher(attribute).matches()) {
      return KEY_PREFIX + attribute;
    }
    long hash = 0xcbf29ce484222325L;
    for (byte b : attribute.getBytes(StandardCharsets.UTF_8)) {
      hash = (hash ^ (b & 0xff)) * 0x100000001b3L;
    }
    return KEY_PREFIX + "h" + Long.toHexString(hash);
  }

  Prepared prepare(List<Mutation> mutations) {
    Map<EntityKey, Map<String, String>> state = new HashMap<>();
    Map<EntityKey, Map<String, String>> moved = new LinkedHashMap<>();
    List<Mutation> out = new ArrayList<>(mutations.size());
    for (Mutation m : mutations) {
      List<EntityWrite> writes = new ArrayList<>(m.entities().size());
      for (EntityWrite w : m.entities()) {
        if (w.attributes().isEmpty()) {
          writes.add(w);
          continue;
        }
        Map<String, String> custom = state.computeIfAbsent(w.key(), this::stored);
        Map<String, Object> kept = new LinkedHashMap<>();
        w.attributes()
            .forEach(
                (name, value) -> {
                  String k = key(name);
                  Instant stored = instant(custom.get(k));
                  if (stored == null || w.asOf().isAfter(stored)) {
                    kept.put(name, value);
                    custom.put(k, w.asOf().toString());
                  }
                });
        if (!kept.isEmpty()) {
          moved.put(w.key(), custom);
        }
        writes.add(
            kept.size() == w.attributes().size()
                ? w
                : new EntityWrite(w.key(), w.name(), kept, w.classifications(), w.asOf()));
      }
      out.add(new Mutation(m.source(), writes, m.relationships()));
    }
    return new Prepared(out, moved);
  }

  private Map<String, String> stored(EntityKey key) {
    return new LinkedHashMap<>(
        read.apply(key).map(AtlasEntity::customAttributesOrEmpty).orElse(Map.of()));
  }

  private static Instant instant(String text) {
    if (text == null) {
      return null;
    }
    try {
      return Instant.parse(text);
    } catch (DateTimeParseException e) {
      // Someone else's value under our key: it orders nothing.
      return null;
    }
  }
}
