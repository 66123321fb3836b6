package io.tributary.atlas;

/** Names fixed by Atlas's model: attribute names, status and operation keys. */
public final class AtlasNames {
  public static final String QUALIFIED_NAME = "qualifiedName";
  public static final String NAME = "name";
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
