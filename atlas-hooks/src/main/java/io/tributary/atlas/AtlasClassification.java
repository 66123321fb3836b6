package io.tributary.atlas;

import java.util.Map;
import java.util.Objects;

/** Atlas's {@code AtlasClassification}: a classification type attached to an entity. */
public record AtlasClassification(
    String typeName,
    Map<String, Object> attributes,
    String entityGuid,
    String entityStatus,
    Boolean propagate) {
  public AtlasClassification {
    Objects.requireNonNull(typeName, "classification typeName");
    attributes = Copies.mapOrNull(attributes);
  }

  public static AtlasClassification of(String typeName) {
    return new AtlasClassification(typeName, null, null, null, null);
  }
}
