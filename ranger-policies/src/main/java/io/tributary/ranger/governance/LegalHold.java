package io.tributary.ranger.governance;

import java.time.Instant;
import java.util.Objects;

/**
 * Blocks every purge of what it names: one entity (and what belongs to it, a dataset's columns and
 * column lineage), or a whole Ranger namespace of the tenant.
 *
 * @param guid the entity held, or null
 * @param namespace the namespace held, or null; exactly one of the two
 */
public record LegalHold(
    String id, String guid, String namespace, String reason, String createdBy, Instant created) {
  public LegalHold {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(created, "created");
    if ((guid == null) == (namespace == null)) {
      throw new IllegalArgumentException("a legal hold names either an entity guid or a namespace");
    }
  }
}
