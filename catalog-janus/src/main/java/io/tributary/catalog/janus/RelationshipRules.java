package io.tributary.catalog.janus;

import io.tributary.catalog.Mutation;
import io.tributary.catalog.RelationshipWrite;
import io.tributary.catalog.Types;
import io.tributary.catalog.types.TypeRegistry;

/**
 * Checks type names against the registry and stores the relationships that lineage walks in one
 * direction: {@code DataSet → Process} for inputs, {@code Process → DataSet} for outputs, {@code
 * DataSet → column}, {@code Process → run}. A write that names the ends the other way round (as
 * Atlas's end1/end2 order does for inputs) is turned around, so a walk reads edge direction only.
 */
final class RelationshipRules {
  private final TypeRegistry types;

  RelationshipRules(TypeRegistry types) {
    this.types = types;
  }

  /** Fails on the first unknown entity or relationship type, before any write. */
  void validate(Mutation mutation) {
    types.requireKnownTypes(mutation);
  }

  /** Whether a relationship of this type between entities of these types is stored reversed. */
  boolean reversed(String relationshipType, String from, String to) {
    return switch (relationshipType) {
      case Types.REL_INPUTS -> isA(from, Types.PROCESS) && isA(to, Types.DATASET);
      case Types.REL_OUTPUTS -> isA(from, Types.DATASET) && isA(to, Types.PROCESS);
      case Types.REL_COLUMNS -> isA(from, Types.COLUMN) && !isA(to, Types.COLUMN);
      case Types.REL_RUNS -> isA(from, Types.RUN) && !isA(to, Types.RUN);
      default -> false;
    };
  }

  static RelationshipWrite reverse(RelationshipWrite r) {
    return new RelationshipWrite(r.typeName(), r.to(), r.from(), r.attributes(), r.asOf());
  }

  private boolean isA(String type, String superType) {
    return types.isA(type, superType);
  }
}
