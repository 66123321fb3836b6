package io.tributary.catalog;

import io.tributary.contract.TenantId;
import java.time.Instant;
import java.util.Objects;
import java.util.Set;

/**
 * One committed change, as the change feed carries it.
 *
 * @param sequence strictly increasing across the catalog's life, also across restarts
 * @param relationshipType for relationship changes only, else null
 * @param target for relationship changes, the entity the relationship points to; for the deletion
 *     of an entity that belonged to a dataset (a column, a column lineage entry), that dataset, so
 *     that the deletion can be shown exactly to those who may see the dataset; else null
 * @param attributes for {@link Kind#ENTITY_UPDATED}, the names of the attributes whose values the
 *     commit changed ({@value #CLASSIFICATIONS} when it added a classification), so that a listener
 *     interested in a few attributes need not read the entity on every statistics refresh; empty
 *     when not known (another backend, an older server), which a listener must read as "anything"
 * @param asOf for an entity created or updated, the time of the observation that wrote it (the
 *     OpenLineage event's time), as opposed to {@code time}, when it was committed; null when not
 *     known
 */
public record ChangeEvent(
    long sequence,
    Kind kind,
    Instant time,
    EntityRef subject,
    String relationshipType,
    EntityRef target,
    Set<String> attributes,
    Instant asOf) {
  /** The name {@link #attributes} uses for a change of the entity's classifications. */
  public static final String CLASSIFICATIONS = "classifications";

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
    attributes = attributes == null ? Set.of() : Set.copyOf(attributes);
  }

  /** A change whose attributes are not known. */
  public ChangeEvent(
      long sequence,
      Kind kind,
      Instant time,
      EntityRef subject,
      String relationshipType,
      EntityRef target) {
    this(sequence, kind, time, subject, relationshipType, target, Set.of(), null);
  }

  /**
   * Whether this change may have changed any of {@code names}: always for anything but an update,
   * and for an update whose attributes are not known.
   */
  public boolean mayChange(Set<String> names) {
    if (kind != Kind.ENTITY_UPDATED || attributes.isEmpty()) {
      return true;
    }
    for (String a : attributes) {
      if (names.contains(a)) {
        return true;
      }
    }
    return false;
  }

  public TenantId tenant() {
    return subject.key().tenant();
  }
}
