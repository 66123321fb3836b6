package io.tributary.catalog.atlas;

import io.tributary.atlas.AtlasClassification;
import io.tributary.atlas.AtlasEntity;
import io.tributary.atlas.AtlasEntityHeader;
import io.tributary.atlas.AtlasNames;
import io.tributary.catalog.Entity;
import io.tributary.catalog.EntityKey;
import io.tributary.catalog.Guid;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/** Atlas's entities and headers as catalog entities, tenants decoded from qualifiedNames. */
final class RemoteEntities {
  private final TenantQualifiedNames names;

  RemoteEntities(TenantQualifiedNames names) {
    this.names = Objects.requireNonNull(names, "names");
  }

  Entity toEntity(AtlasEntity e) {
    return build(
        e.guid(),
        e.typeName(),
        e.attributes(),
        e.classificationsOrEmpty(),
        e.createTime(),
        e.updateTime());
  }

  Entity toEntity(AtlasEntityHeader h) {
    List<AtlasClassification> classifications =
        h.classifications() != null
            ? h.classifications()
            : h.classificationNames() == null
                ? List.of()
                : h.classificationNames().stream().map(AtlasClassification::of).toList();
    return build(h.guid(), h.typeName(), h.attributes(), classifications, null, null);
  }

  private Entity build(
      String guid,
      String typeName,
      Map<String, Object> atlasAttributes,
      List<AtlasClassification> classifications,
      Long createTime,
      Long updateTime) {
    Object qualifiedName = atlasAttributes.get(AtlasNames.QUALIFIED_NAME);
    EntityKey key = names.decode(typeName, String.valueOf(qualifiedName));
    Map<String, Object> attributes = new LinkedHashMap<>();
    atlasAttributes.forEach(
        (name, value) -> {
          // Atlas lists references among attributes too (Process.inputs): the catalog keeps those
          // as relationships only, and leaves out attributes that are unset.
          if (value != null && !isReference(value)) {
            attributes.put(name, value);
          }
        });
    attributes.remove(AtlasNames.QUALIFIED_NAME);
    Object name = attributes.remove(AtlasNames.NAME);
    Set<String> classificationNames = new LinkedHashSet<>();
    classifications.forEach(c -> classificationNames.add(c.typeName()));
    return new Entity(
        new Guid(guid),
        key,
        name == null ? null : name.toString(),
        attributes,
        classificationNames,
        createTime == null ? null : Instant.ofEpochMilli(createTime),
        updateTime == null ? null : Instant.ofEpochMilli(updateTime));
  }

  private static boolean isReference(Object value) {
    if (value instanceof Map<?, ?> map) {
      return map.containsKey("guid") && map.containsKey("typeName");
    }
    if (value instanceof Collection<?> list) {
      return !list.isEmpty() && list.stream().allMatch(RemoteEntities::isReference);
    }
    return false;
  }
}
