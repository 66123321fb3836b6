package io.tributary.atlas;

/** Names fixed by Atlas's model: attribute names, status and operation keys. */
public final class AtlasNames {
  public static final String QUALIFIED_NAME = "qualifiedName";
  public static final String NAME = "name";

  /**
   * Where the catalog keeps an entity's Atlas custom attributes: a system-style name ("__"), which
   * no attribute of a type may take, so it can never collide with one.
   */
  public static final String CUSTOM_ATTRIBUTES = "__customAttributes";

  /** Atlas's default {@code atlas.custom.attribute.key.max.length}. */
  public static final int CUSTOM_ATTRIBUTE_KEY_MAX_LENGTH = 50;

  /** Atlas's default {@code atlas.custom.attribute.value.max.length}. */
  public static final int CUSTOM_ATTRIBUTE_VALUE_MAX_LENGTH = 500;

  public static final String STATUS_ACTIVE = "ACTIVE";

  /** Keys of {@code EntityMutationResponse.mutatedEntities} ({@code EntityOperation}). */
  public static final String OP_CREATE = "CREATE";

  public static final String OP_UPDATE = "UPDATE";
  public static final String OP_PARTIAL_UPDATE = "PARTIAL_UPDATE";
  public static final String OP_DELETE = "DELETE";

  /** The request-parameter prefix of unique attributes: {@code ?attr:qualifiedName=...}. */
  public static final String ATTR_PREFIX = "attr:";

  private AtlasNames() {}
}
