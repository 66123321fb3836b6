package io.tributary.atlas;

import java.util.List;
import java.util.Objects;

/**
 * Atlas's {@code HookNotification} V2 messages, as hooks publish them on {@code ATLAS_HOOK}: {@code
 * type} and {@code user} always present (Atlas serialises them with {@code ALWAYS}).
 */
public sealed interface HookNotification
    permits HookNotification.EntityCreateRequestV2,
        HookNotification.EntityPartialUpdateRequestV2,
        HookNotification.EntityDeleteRequestV2 {
  String ENTITY_CREATE_V2 = "ENTITY_CREATE_V2";
  String ENTITY_PARTIAL_UPDATE_V2 = "ENTITY_PARTIAL_UPDATE_V2";
  String ENTITY_DELETE_V2 = "ENTITY_DELETE_V2";

  String type();

  String user();

  /** Create-or-update of entities (Atlas's {@code createOrUpdate}, not a partial update). */
  record EntityCreateRequestV2(String type, String user, AtlasEntitiesWithExtInfo entities)
      implements HookNotification {
    public EntityCreateRequestV2 {
      Objects.requireNonNull(entities, "entities");
    }

    public static EntityCreateRequestV2 of(String user, AtlasEntitiesWithExtInfo entities) {
      return new EntityCreateRequestV2(ENTITY_CREATE_V2, user, entities);
    }
  }

  /** Changes the given attributes of one existing entity, found by type and unique attributes. */
  record EntityPartialUpdateRequestV2(
      String type, String user, AtlasObjectId entityId, AtlasEntityWithExtInfo entity)
      implements HookNotification {
    public EntityPartialUpdateRequestV2 {
      Objects.requireNonNull(entityId, "entityId");
      Objects.requireNonNull(entity, "entity");
    }

    public static EntityPartialUpdateRequestV2 of(
        String user, AtlasObjectId entityId, AtlasEntityWithExtInfo entity) {
      return new EntityPartialUpdateRequestV2(ENTITY_PARTIAL_UPDATE_V2, user, entityId, entity);
    }
  }

  /** Deletes entities, found by type and unique attributes. */
  record EntityDeleteRequestV2(String type, String user, List<AtlasObjectId> entities)
      implements HookNotification {
    public EntityDeleteRequestV2 {
      entities = List.copyOf(entities);
    }

    public static EntityDeleteRequestV2 of(String user, List<AtlasObjectId> entities) {
      return new EntityDeleteRequestV2(ENTITY_DELETE_V2, user, entities);
    }
  }
}
