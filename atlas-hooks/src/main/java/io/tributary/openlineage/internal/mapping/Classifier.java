package io.tributary.openlineage.internal.mapping;

import io.tributary.catalog.types.TypeRegistry;
import java.util.Locale;
import java.util.TreeSet;

/**
 * Turns tags into Atlas classifications: a tag whose key or value names a classification of the
 * type registry (case-insensitively: {@code pii} → {@code PII}) classifies its entity.
 */
final class Classifier {
  private final TypeRegistry registry;

  Classifier(TypeRegistry registry) {
    this.registry = registry;
  }

  /** Adds the classifications a tag names to {@code entity}. */
  void classify(MutationDraft.EntityDraft entity, String key, String value) {
    add(entity, key);
    add(entity, value);
  }

  private void add(MutationDraft.EntityDraft entity, String candidate) {
    if (candidate == null || candidate.isBlank()) {
      return;
    }
    String trimmed = candidate.strip();
    if (registry.hasClassification(trimmed)) {
      entity.classify(trimmed);
      return;
    }
    for (String name : new TreeSet<>(registry.classificationNames())) {
      if (name.toLowerCase(Locale.ROOT).equals(trimmed.toLowerCase(Locale.ROOT))) {
        entity.classify(name);
        return;
      }
    }
  }
}
