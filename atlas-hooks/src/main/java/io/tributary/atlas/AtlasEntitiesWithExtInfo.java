package io.tributary.atlas;

import java.util.List;
import java.util.Map;

/**
 * Atlas's {@code AtlasEntitiesWithExtInfo}: the body of {@code POST /v2/entity/bulk} and of an
 * {@code ENTITY_CREATE_V2} notification.
 */
public record AtlasEntitiesWithExtInfo(
    List<AtlasEntity> entities, Map<String, AtlasEntity> referredEntities) {
  public AtlasEntitiesWithExtInfo {
    entities = Copies.list(entities);
    referredEntities = Copies.mapOrNull(referredEntities);
  }

  public static AtlasEntitiesWithExtInfo of(List<AtlasEntity> entities) {
    return new AtlasEntitiesWithExtInfo(entities, null);
  }

  public Map<String, AtlasEntity> referredEntitiesOrEmpty() {
    return referredEntities == null ? Map.of() : referredEntities;
  }
}
