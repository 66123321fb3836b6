package io.tributary.atlas;

import io.tributary.catalog.Direction;
import io.tributary.catalog.Entity;
import io.tributary.catalog.Guid;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

/**
 * Catalog entities as Atlas JSON: full entities with their relationship attributes ({@code inputs},
 * {@code outputs}, {@code columns}, ...) and the headers that search, lineage and mutation
 * responses list.
 */
public final class AtlasEntityMapper {
  /** Entities linked to {@code guid} by one relationship type, walking {@code direction}. */
  @FunctionalInterface
  public interface Related {
    List<Entity> find(Guid guid, String relationshipType, Direction direction);
  }

  private final AtlasTypedefStore typedefs;
  private final Function<Entity, String> qualifiedNames;

  /**
   * @param qualifiedNames the qualifiedName Atlas shows for an entity (the remote backend encodes
   *     the tenant into it)
   */
  public AtlasEntityMapper(AtlasTypedefStore typedefs, Function<Entity, String> qualifiedNames) {
    this.typedefs = Objects.requireNonNull(typedefs, "typedefs");
    this.qualifiedNames = Objects.requireNonNull(qualifiedNames, "qualifiedNames");
  }

  /** The mapper for entities shown as stored: qualifiedName unchanged. */
  public static AtlasEntityMapper plain(AtlasTypedefStore typedefs) {
    return new AtlasEntityMapper(typedefs, Entity::qualifiedName);
  }

  public AtlasEntity toAtlas(Entity entity, Related related) {
    AtlasEntity.Builder b =
        AtlasEntity.builder(entity.typeName())
            .guid(entity.guid().value())
            .status(AtlasNames.STATUS_ACTIVE)
            .version(0L)
            .attributes(attributes(entity))
            .classifications(classifications(entity))
            .customAttributes(customAttributes(entity));
    if (entity.createTime() != null) {
      b.createTime(entity.createTime().toEpochMilli());
    }
    if (entity.updateTime() != null) {
      b.updateTime(entity.updateTime().toEpochMilli());
    }
    Map<String, List<AtlasObjectId>> byName = new LinkedHashMap<>();
    Map<String, Boolean> single = new LinkedHashMap<>();
    for (RelationshipEnd end : typedefs.endsOf(entity.typeName())) {
      Direction walk = end.isFrom() ? Direction.DOWNSTREAM : Direction.UPSTREAM;
      List<AtlasObjectId> refs = byName.computeIfAbsent(end.name(), n -> new ArrayList<>());
      single.merge(end.name(), end.single(), Boolean::logicalAnd);
      for (Entity other : related.find(entity.guid(), end.relationshipType(), walk)) {
        refs.add(relatedId(entity, other, end));
      }
    }
    byName.forEach(
        (name, refs) -> {
          if (single.get(name)) {
            b.relationshipAttribute(name, refs.isEmpty() ? null : refs.get(0));
          } else {
            b.relationshipAttribute(name, refs);
          }
        });
    return b.build();
  }

  public AtlasEntityHeader header(Entity entity) {
    return header(entity, Set.of());
  }

  /** A header with qualifiedName, name and the {@code extraAttributes} a search asked for. */
  public AtlasEntityHeader header(Entity entity, Set<String> extraAttributes) {
    Map<String, Object> attributes = new LinkedHashMap<>();
    attributes.put(AtlasNames.QUALIFIED_NAME, qualifiedNames.apply(entity));
    attributes.put(AtlasNames.NAME, entity.name());
    for (String name : extraAttributes) {
      if (entity.attributes().containsKey(name)) {
        attributes.put(name, entity.attributes().get(name));
      }
    }
    List<String> names = entity.classifications().stream().sorted().toList();
    return new AtlasEntityHeader(
        entity.typeName(),
        attributes,
        entity.guid().value(),
        AtlasNames.STATUS_ACTIVE,
        entity.name() == null ? qualifiedNames.apply(entity) : entity.name(),
        names,
        classifications(entity));
  }

  /** A stable id for the relationship between two entities, as Atlas gives every edge one. */
  public static String relationshipGuid(Guid from, String relationshipType, Guid to) {
    String text = from.value() + "|" + relationshipType + "|" + to.value();
    return UUID.nameUUIDFromBytes(text.getBytes(StandardCharsets.UTF_8)).toString();
  }

  private Map<String, Object> attributes(Entity entity) {
    Map<String, Object> attributes = new LinkedHashMap<>();
    attributes.put(AtlasNames.QUALIFIED_NAME, qualifiedNames.apply(entity));
    attributes.put(AtlasNames.NAME, entity.name());
    attributes.putAll(entity.attributes());
    attributes.remove(AtlasNames.CUSTOM_ATTRIBUTES);
    return attributes;
  }

  /** The custom attributes an Atlas client wrote, kept in the catalog under a reserved name. */
  private static Map<String, String> customAttributes(Entity entity) {
    if (!(entity.attributes().get(AtlasNames.CUSTOM_ATTRIBUTES) instanceof Map<?, ?> stored)) {
      return null;
    }
    Map<String, String> out = new LinkedHashMap<>();
    stored.forEach((k, v) -> out.put(String.valueOf(k), v == null ? null : v.toString()));
    return out;
  }

  private static List<AtlasClassification> classifications(Entity entity) {
    return entity.classifications().stream()
        .sorted()
        .map(
            c ->
                new AtlasClassification(
                    c, null, entity.guid().value(), AtlasNames.STATUS_ACTIVE, Boolean.TRUE))
        .toList();
  }

  private AtlasObjectId relatedId(Entity self, Entity other, RelationshipEnd end) {
    Guid from = end.isFrom() ? self.guid() : other.guid();
    Guid to = end.isFrom() ? other.guid() : self.guid();
    return new AtlasObjectId(
        other.guid().value(),
        other.typeName(),
        Map.of(AtlasNames.QUALIFIED_NAME, qualifiedNames.apply(other)),
        other.name() == null ? qualifiedNames.apply(other) : other.name(),
        AtlasNames.STATUS_ACTIVE,
        end.relationshipType(),
        relationshipGuid(from, end.relationshipType(), to),
        AtlasNames.STATUS_ACTIVE);
  }
}
