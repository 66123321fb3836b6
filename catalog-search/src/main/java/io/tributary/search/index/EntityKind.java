package io.tributary.search.index;

import io.tributary.catalog.Types;
import io.tributary.catalog.types.TypeRegistry;

/** What an indexed entity is, coarsely: how questions and insights tell them apart. */
public enum EntityKind {
  DATASET,
  PROCESS,
  COLUMN,
  OTHER;

  public static EntityKind of(String typeName, TypeRegistry types) {
    if (Types.COLUMN.equals(typeName)) {
      return COLUMN;
    }
    if (types.hasEntityType(typeName) && types.isA(typeName, Types.DATASET)) {
      return DATASET;
    }
    if (types.hasEntityType(typeName) && types.isA(typeName, Types.PROCESS)) {
      return PROCESS;
    }
    return OTHER;
  }

  /** Runs and column lineage entries are many and carry no searchable name of their own. */
  public static boolean indexed(String typeName) {
    return !Types.RUN.equals(typeName) && !Types.COLUMN_LINEAGE.equals(typeName);
  }
}
