package io.tributary.atlas;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * Atlas's {@code AtlasTypesDef}. Each definition stays JSON: Tributary's type registry reads the
 * parts it needs and keeps the rest as written.
 */
public record AtlasTypesDef(
    List<JsonNode> enumDefs,
    List<JsonNode> structDefs,
    List<JsonNode> classificationDefs,
    List<JsonNode> entityDefs,
    List<JsonNode> relationshipDefs,
    List<JsonNode> businessMetadataDefs) {
  public AtlasTypesDef {
    enumDefs = Copies.list(enumDefs);
    structDefs = Copies.list(structDefs);
    classificationDefs = Copies.list(classificationDefs);
    entityDefs = Copies.list(entityDefs);
    relationshipDefs = Copies.list(relationshipDefs);
    businessMetadataDefs = Copies.list(businessMetadataDefs);
  }

  public static AtlasTypesDef empty() {
    return new AtlasTypesDef(null, null, null, null, null, null);
  }

  /** Every definition, in Atlas's order of categories. */
  public List<JsonNode> all() {
    return java.util.stream.Stream.of(
            enumDefs,
            structDefs,
            classificationDefs,
            entityDefs,
            relationshipDefs,
            businessMetadataDefs)
        .flatMap(List::stream)
        .toList();
  }
}
