package io.tributary.atlas;

import java.util.Objects;

/**
 * Atlas's {@code AtlasRelationship} as {@code POST /v2/relationship} takes it: a type and its two
 * ends, in Atlas's end order ({@code end1} is the relationship def's {@code endDef1}).
 */
public record AtlasRelationship(
    String typeName, AtlasObjectId end1, AtlasObjectId end2, String guid, String status) {
  public AtlasRelationship {
    Objects.requireNonNull(typeName, "typeName");
    Objects.requireNonNull(end1, "end1");
    Objects.requireNonNull(end2, "end2");
  }

  public static AtlasRelationship of(String typeName, AtlasObjectId end1, AtlasObjectId end2) {
    return new AtlasRelationship(typeName, end1, end2, null, null);
  }
}
