package io.tributary.catalog.atlas;

import io.tributary.atlas.AtlasEntity;
import io.tributary.atlas.AtlasEntityWithExtInfo;
import io.tributary.atlas.AtlasTypedefStore;
import io.tributary.atlas.RelationshipEnd;
import io.tributary.catalog.Dependents;
import io.tributary.catalog.Entity;
import io.tributary.catalog.Types;
import io.tributary.catalog.Visibility;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The caller's {@link Visibility} within one read of a remote Atlas. An entity that belongs to a
 * dataset (see {@link Dependents}) is decided through that dataset, found through Atlas's
 * relationship attributes: a column's {@code dataset_stream_columns} end, a column lineage entry's
 * output columns. A dependent without a dataset is decided on its own attributes. Entities are
 * fetched at most once per read; not thread-safe.
 */
final class RemoteVisibility {
  private final Visibility visibility;
  private final Dependents dependents;
  private final AtlasRestClient client;
  private final RemoteEntities entities;
  private final AtlasTypedefStore typedefs;
  private final Map<String, Optional<AtlasEntity>> fetched = new HashMap<>();

  RemoteVisibility(
      Visibility visibility,
      Dependents dependents,
      AtlasRestClient client,
      RemoteEntities entities,
      AtlasTypedefStore typedefs) {
    this.visibility = visibility;
    this.dependents = dependents;
    this.client = client;
    this.entities = entities;
    this.typedefs = typedefs;
  }

  /** Decides an entity read without its relationships (a search or lineage header). */
  boolean canSee(Entity entity) {
    if (!dependents.isDependent(entity.typeName())) {
      return visibility.canSee(entity);
    }
    Optional<AtlasEntity> full = fetch(entity.guid().value());
    return full.isPresent() ? canSee(entity, full.get()) : visibility.canSee(entity);
  }

  /** Decides an entity read with its relationship attributes. */
  boolean canSee(Entity entity, AtlasEntity full) {
    if (!dependents.isDependent(entity.typeName())) {
      return visibility.canSee(entity);
    }
    List<Entity> owners = owners(full);
    if (owners.isEmpty()) {
      return visibility.canSee(entity);
    }
    for (Entity owner : owners) {
      if (!visibility.canSeeDependent(entity, owner)) {
        return false;
      }
    }
    return true;
  }

  /** The datasets a column or column lineage entry belongs to, as far as Atlas still has them. */
  List<Entity> owners(AtlasEntity full) {
    Set<String> datasets = new LinkedHashSet<>();
    switch (dependents.kindOf(full.typeName())) {
      case COLUMN -> datasets.addAll(datasetsOfColumn(full));
      case COLUMN_LINEAGE -> {
        for (Map<?, ?> output : ends(full, Types.REL_OUTPUTS, true)) {
          String guid = String.valueOf(output.get("guid"));
          Object type = output.get("typeName");
          if (type != null && dependents.kindOf(type.toString()) == Dependents.Kind.COLUMN) {
            fetch(guid).ifPresent(column -> datasets.addAll(datasetsOfColumn(column)));
          } else {
            datasets.add(guid);
          }
        }
      }
      case NONE -> {
        return List.of();
      }
    }
    List<Entity> out = new ArrayList<>();
    for (String guid : datasets) {
      fetch(guid).ifPresent(e -> out.add(entities.toEntity(e)));
    }
    return out;
  }

  private List<String> datasetsOfColumn(AtlasEntity column) {
    return ends(column, Types.REL_COLUMNS, false).stream()
        .map(ref -> String.valueOf(ref.get("guid")))
        .toList();
  }

  /** References on the entity's end of {@code relationshipType}, the from or the to side. */
  private List<Map<?, ?>> ends(AtlasEntity entity, String relationshipType, boolean isFrom) {
    List<Map<?, ?>> out = new ArrayList<>();
    for (RelationshipEnd end : typedefs.endsOf(entity.typeName())) {
      if (end.relationshipType().equals(relationshipType) && end.isFrom() == isFrom) {
        for (Map<?, ?> ref : references(entity.relationshipAttributesOrEmpty().get(end.name()))) {
          Object type = ref.get("relationshipType");
          if ((type == null || relationshipType.equals(type)) && ref.get("guid") != null) {
            out.add(ref);
          }
        }
      }
    }
    return out;
  }

  private Optional<AtlasEntity> fetch(String guid) {
    return fetched.computeIfAbsent(guid, g -> client.entity(g).map(AtlasEntityWithExtInfo::entity));
  }

  static List<Map<?, ?>> references(Object value) {
    List<Map<?, ?>> out = new ArrayList<>();
    if (value instanceof Map<?, ?> map) {
      out.add(map);
    } else if (value instanceof Collection<?> list) {
      for (Object item : list) {
        if (item instanceof Map<?, ?> map) {
          out.add(map);
        }
      }
    }
    return out;
  }
}
