package io.tributary.atlas;

import java.util.Map;

/**
 * Atlas's {@code AtlasObjectId}: a reference by guid, or by type and unique attributes. Reads of
 * relationship attributes carry Atlas's {@code AtlasRelatedObjectId} fields too.
 */
public record AtlasObjectId(
    String guid,
    String typeName,
    Map<String, Object> uniqueAttributes,
    String displayText,
    String entityStatus,
    String relationshipType,
    String relationshipGuid,
    String relationshipStatus) {
  public AtlasObjectId {
    uniqueAttributes = Copies.mapOrNull(uniqueAttributes);
  }

  public static AtlasObjectId ofGuid(String guid) {
    return new AtlasObjectId(guid, null, null, null, null, null, null, null);
  }

  public static AtlasObjectId ofQualifiedName(String typeName, String qualifiedName) {
    return new AtlasObjectId(
        null,
        typeName,
        Map.of(AtlasNames.QUALIFIED_NAME, qualifiedName),
        null,
        null,
        null,
        null,
        null);
  }

  /** The referenced qualifiedName, when the reference is by unique attribute. */
  public String qualifiedName() {
    Object value =
        uniqueAttributes == null ? null : uniqueAttributes.get(AtlasNames.QUALIFIED_NAME);
    return value == null ? null : value.toString();
  }
}
