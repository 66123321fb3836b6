package io.tributary.catalog;

import io.tributary.catalog.types.TypeRegistry;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Which entities belong to a dataset, and so are visible exactly when it is: columns ({@code
 * stream_column} and its subtypes), owned through {@code dataset_stream_columns}, and column
 * lineage entries ({@code stream_column_lineage} and its subtypes), owned by the dataset of their
 * output columns. Both carry their dataset's identity ({@code datasetQualifiedName}, {@code
 * namespace}, {@code clusterName}) as the OpenLineage mapping writes them; catalogs find the
 * dataset itself through the relationships and decide with {@link Visibility#canSeeDependent}.
 *
 * <p>Thread-safe. Type look-ups are cached, as this runs once per entity read.
 */
public final class Dependents {
  /** How an entity belongs to a dataset. */
  public enum Kind {
    /** Not at all: decided on its own. */
    NONE,
    /** A column: owned by the dataset linked to it by {@code dataset_stream_columns}. */
    COLUMN,
    /** A column lineage entry: owned by the dataset of its output columns. */
    COLUMN_LINEAGE
  }

  private final TypeRegistry types;
  private final ConcurrentHashMap<String, Kind> kinds = new ConcurrentHashMap<>();

  public Dependents(TypeRegistry types) {
    this.types = Objects.requireNonNull(types, "types");
  }

  public Kind kindOf(String typeName) {
    Kind kind = kinds.get(typeName);
    if (kind == null) {
      kind =
          types.isA(typeName, Types.COLUMN)
              ? Kind.COLUMN
              : types.isA(typeName, Types.COLUMN_LINEAGE) ? Kind.COLUMN_LINEAGE : Kind.NONE;
      // A type not registered yet may be registered later as a subtype: do not cache its guess.
      if (types.hasEntityType(typeName)) {
        kinds.put(typeName, kind);
      }
    }
    return kind;
  }

  public boolean isDependent(String typeName) {
    return kindOf(typeName) != Kind.NONE;
  }
}
