package io.tributary.server.export;

import io.tributary.catalog.Types;
import io.tributary.catalog.types.TypeRegistry;
import java.util.Objects;

/** Tells datasets, processes and columns apart through the type hierarchy. */
public final class NodeKinds {
  private final TypeRegistry types;

  public NodeKinds(TypeRegistry types) {
    this.types = Objects.requireNonNull(types, "types");
  }

  public NodeKind of(String typeName) {
    if (Types.COLUMN.equals(typeName)) {
      return NodeKind.COLUMN;
    }
    if (types.hasEntityType(typeName) && types.isA(typeName, Types.PROCESS)) {
      return NodeKind.PROCESS;
    }
    return NodeKind.DATASET;
  }
}
