package io.tributary.atlas;

import java.util.Map;

/** Atlas's {@code AtlasEntityWithExtInfo}: one entity and the entities it refers to by guid. */
public record AtlasEntityWithExtInfo(
    AtlasEntity entity, Map<String, AtlasEntity> referredEntities) {
  public AtlasEntityWithExtInfo {
    referredEntities = Copies.mapOrNull(referredEntities);
  }

  public static AtlasEntityWithExtInfo of(AtlasEntity entity) {
    return new AtlasEntityWithExtInfo(entity, null);
  }
}
