package io.tributary.ranger.governance;

import java.time.Duration;
import java.util.Objects;

/**
 * Entities of a tenant not updated for {@code olderThan} are purged.
 *
 * @param id the rule's name within the tenant
 * @param typeName a type (its subtypes too), or null for every type
 * @param classification only entities carrying it, or null
 */
public record RetentionRule(String id, String typeName, String classification, Duration olderThan) {
  public RetentionRule {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(olderThan, "olderThan");
    if (id.isBlank()) {
      throw new IllegalArgumentException("retention rule id is blank");
    }
    if (olderThan.isNegative() || olderThan.isZero()) {
      throw new IllegalArgumentException("olderThan " + olderThan + " is not positive");
    }
  }
}
