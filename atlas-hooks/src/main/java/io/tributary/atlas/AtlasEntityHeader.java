package io.tributary.atlas;

import java.util.List;
import java.util.Map;

/** Atlas's {@code AtlasEntityHeader}: what search, lineage and mutation responses list. */
public record AtlasEntityHeader(
    String typeName,
    Map<String, Object> attributes,
    String guid,
    String status,
    String displayText,
    List<String> classificationNames,
    List<AtlasClassification> classifications) {
  public AtlasEntityHeader {
    attributes = Copies.map(attributes);
    classificationNames = Copies.listOrNull(classificationNames);
    classifications = Copies.listOrNull(classifications);
  }
}
