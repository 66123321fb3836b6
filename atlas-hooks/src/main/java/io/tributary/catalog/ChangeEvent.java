package io.tributary.catalog;

import io.tributary.contract.TenantId;
import java.time.Instant;
import java.util.Objects;

/**
 * One committed change, as the change feed carries it.
 *
 * @param sequence strictly increasing across the catalog's life, also across restarts
 * @param relationshipType for relationship changes only, else null
 * @param target for relationship changes, the entity the relationship points to; for the deletion
 *     of an entity that belonged to a dataset (a column, a column lineage entry), that dataset, so
 *     that the deletion can be shown exactly to those who may see the dataset; else null
 */
public record ChangeEvent(
    long sequence,
    Kind kind,
    Instant time,
    EntityRef subject,
    String relationshipType,
    EntityRef target) {
  public enum Kind {
    ENTITY_CREATED,
    ENTITY_UPDATED,
    ENTITY_DELETED,
    RELATIONSHIP_CREATED
  }

  public ChangeEvent {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(time, "time");
    Objects.requireNonNull(subject, "subject");
  }

  public TenantId tenant() {
    return subject.key().tenant();
  }
}
