package io.tributary.atlas;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Defensive copies that keep order and null values, which Atlas's attribute maps allow. */
final class Copies {
  private Copies() {}

  static <K, V> Map<K, V> map(Map<K, V> map) {
    return map == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(map));
  }

  static <T> List<T> list(List<T> list) {
    return list == null ? List.of() : List.copyOf(list);
  }

  static <T> Set<T> set(Set<T> set) {
    return set == null ? Set.of() : Collections.unmodifiableSet(new LinkedHashSet<>(set));
  }

  /** Null for an empty map, so that Atlas JSON leaves it out as Atlas does. */
  static <K, V> Map<K, V> mapOrNull(Map<K, V> map) {
    return map == null || map.isEmpty()
        ? null
        : Collections.unmodifiableMap(new LinkedHashMap<>(map));
  }

  static <T> List<T> listOrNull(List<T> list) {
    return list == null || list.isEmpty() ? null : List.copyOf(list);
  }
}
