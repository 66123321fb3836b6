package io.tributary.atlas;

import com.fasterxml.jackson.databind.JsonNode;
import io.tributary.catalog.Entity;
import io.tributary.catalog.EntityKey;
import io.tributary.catalog.EntityWrite;
import io.tributary.catalog.Guid;
import io.tributary.catalog.Mutation;
import io.tributary.catalog.RelationshipWrite;
import io.tributary.catalog.types.TypeRegistry;
import io.tributary.contract.TenantId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Turns an Atlas entity write ({@code POST /v2/entity/bulk}, {@code POST /v2/entity}) into one
 * catalog {@link Mutation}, resolving guids as Atlas does:
 *
 * <ul>
 *   <li>an entity whose guid is a real guid of an existing entity updates that entity;
 *   <li>any other entity (a placeholder guid such as {@code "-1"}, no guid, or an unknown real
 *       guid) is found by its type and {@code qualifiedName}, and created when absent;
 *   <li>a reference names an entity of the request by its guid, or an existing entity by guid or by
 *       type and unique attributes; a placeholder naming nothing in the request is {@code
 *       REFERENCED_ENTITY_NOT_FOUND}, other unknown references {@code UNRESOLVED_REFERENCES_FOUND}.
 * </ul>
 *
 * <p>Relationship attributes ({@code inputs}, {@code outputs}, {@code columns}, ...), whether sent
 * in {@code relationshipAttributes} or, as older hooks do, in {@code attributes}, become
 * relationships of the matching relationship type.
 */
public final class AtlasRequestResolver {
  private static final java.util.regex.Pattern CUSTOM_ATTRIBUTE_KEY =
      java.util.regex.Pattern.compile("[a-zA-Z0-9_-]+");

  private final AtlasTypedefStore typedefs;

  public AtlasRequestResolver(AtlasTypedefStore typedefs) {
    this.typedefs = Objects.requireNonNull(typedefs, "typedefs");
  }

  public ResolvedRequest resolve(
      AtlasEntitiesWithExtInfo request,
      TenantId tenant,
      EntityLookup lookup,
      Instant asOf,
      String source) {
    Objects.requireNonNull(request, "request");
    List<AtlasEntity> all = new ArrayList<>(request.entities());
    all.addAll(request.referredEntitiesOrEmpty().values());
    if (all.isEmpty()) {
      throw new AtlasApiException(
          AtlasErrorCode.INVALID_PARAMETERS, "no entities to create/update.");
    }
    TypeRegistry registry = typedefs.registry();
    Map<String, EntityKey> keysByGuid = new LinkedHashMap<>();
    Map<EntityKey, AtlasEntity> byKey = new LinkedHashMap<>();
    List<EntityKey> order = new ArrayList<>();
    for (AtlasEntity entity : all) {
      validate(entity, registry);
      EntityKey key = keyOf(entity, tenant, lookup);
      if (entity.guid() != null) {
        keysByGuid.put(entity.guid(), key);
      }
      if (!byKey.containsKey(key)) {
        order.add(key);
      }
      byKey.merge(key, entity, AtlasRequestResolver::merge);
    }
    References references = new References(tenant, lookup, keysByGuid, byKey.keySet());
    List<EntityWrite> writes = new ArrayList<>();
    Set<RelationshipWrite> relationships = new LinkedHashSet<>();
    for (EntityKey key : order) {
      AtlasEntity entity = byKey.get(key);
      Map<String, Object> attributes = new LinkedHashMap<>(entity.attributes());
      attributes.remove(AtlasNames.QUALIFIED_NAME);
      attributes.remove(AtlasNames.CUSTOM_ATTRIBUTES);
      if (entity.customAttributes() != null) {
        attributes.put(AtlasNames.CUSTOM_ATTRIBUTES, entity.customAttributes());
      }
      Object name = attributes.remove(AtlasNames.NAME);
      collectRelationships(
          entity,
          key,
          entity.relationshipAttributesOrEmpty(),
          null,
          references,
          relationships,
          asOf);
      collectRelationships(
          entity, key, entity.attributes(), attributes, references, relationships, asOf);
      Set<String> classifications = new LinkedHashSet<>();
      for (AtlasClassification c : entity.classificationsOrEmpty()) {
        if (!registry.hasClassification(c.typeName())) {
          throw new AtlasApiException(AtlasErrorCode.UNKNOWN_CLASSIFICATION, c.typeName());
        }
        classifications.add(c.typeName());
      }
      writes.add(
          new EntityWrite(
              key, name == null ? null : name.toString(), attributes, classifications, asOf));
    }
    references.failOnUnresolved();
    return new ResolvedRequest(
        new Mutation(source, writes, List.copyOf(relationships)), keysByGuid, order);
  }

  private void validate(AtlasEntity entity, TypeRegistry registry) {
    if (entity.typeName() == null || !registry.hasEntityType(entity.typeName())) {
      throw new AtlasApiException(AtlasErrorCode.TYPE_NAME_INVALID, "ENTITY", entity.typeName());
    }
    entity.customAttributesOrEmpty().forEach(AtlasRequestResolver::validateCustomAttribute);
    for (String attribute : mandatoryAttributes(entity.typeName(), registry)) {
      Object value = entity.attribute(attribute);
      if (value == null || value.toString().isBlank()) {
        throw new AtlasApiException(
            AtlasErrorCode.INSTANCE_CRUD_INVALID_PARAMS,
            entity.typeName()
                + "."
                + attribute
                + ": mandatory attribute value missing in type "
                + entity.typeName());
      }
    }
  }

  /**
   * Atlas's limits on custom attributes (its defaults: 50-character keys, 500-character values).
   */
  private static void validateCustomAttribute(String key, String value) {
    if (key.length() > AtlasNames.CUSTOM_ATTRIBUTE_KEY_MAX_LENGTH) {
      throw new AtlasApiException(AtlasErrorCode.INVALID_CUSTOM_ATTRIBUTE_KEY_LENGTH, key);
    }
    if (!CUSTOM_ATTRIBUTE_KEY.matcher(key).matches()) {
      throw new AtlasApiException(AtlasErrorCode.INVALID_CUSTOM_ATTRIBUTE_KEY_CHARACTERS, key);
    }
    if (value != null && value.length() > AtlasNames.CUSTOM_ATTRIBUTE_VALUE_MAX_LENGTH) {
      throw new AtlasApiException(
          AtlasErrorCode.INVALID_CUSTOM_ATTRIBUTE_VALUE,
          value,
          String.valueOf(AtlasNames.CUSTOM_ATTRIBUTE_VALUE_MAX_LENGTH));
    }
  }

  /** Attributes declared {@code isOptional: false} on the type or its supertypes. */
  private static Set<String> mandatoryAttributes(String typeName, TypeRegistry registry) {
    Set<String> out = new LinkedHashSet<>();
    out.add(AtlasNames.QUALIFIED_NAME);
    for (String candidate : registry.entityTypes()) {
      if (!registry.isA(typeName, candidate)) {
        continue;
      }
      Optional<JsonNode> def = registry.definition(candidate);
      if (def.isEmpty()) {
        continue;
      }
      for (JsonNode attribute : def.get().path("attributeDefs")) {
        if (!attribute.path("isOptional").asBoolean(true)) {
          out.add(attribute.path("name").asText());
        }
      }
    }
    return out;
  }

  private static EntityKey keyOf(AtlasEntity entity, TenantId tenant, EntityLookup lookup) {
    String guid = entity.guid();
    if (isAssigned(guid)) {
      Optional<Entity> existing = lookup.byGuid(new Guid(guid));
      if (existing.isPresent()) {
        EntityKey key = existing.get().key();
        if (!key.typeName().equals(entity.typeName())) {
          throw new AtlasApiException(
              AtlasErrorCode.BAD_REQUEST,
              "entity " + guid + " is a " + key.typeName() + ", not a " + entity.typeName());
        }
        if (!key.qualifiedName().equals(entity.qualifiedName())) {
          throw new AtlasApiException(
              AtlasErrorCode.BAD_REQUEST,
              "qualifiedName of entity "
                  + guid
                  + " is '"
                  + key.qualifiedName()
                  + "' and cannot change to '"
                  + entity.qualifiedName()
                  + "'");
        }
        return key;
      }
    }
    return new EntityKey(tenant, entity.typeName(), entity.qualifiedName());
  }

  /** Two copies of one entity in a request: the later attributes win, as in Atlas. */
  private static AtlasEntity merge(AtlasEntity first, AtlasEntity second) {
    AtlasEntity.Builder b = first.toBuilder().attributes(second.attributes());
    second.relationshipAttributesOrEmpty().forEach(b::relationshipAttribute);
    if (second.customAttributes() != null) {
      b.customAttributes(second.customAttributes());
    }
    List<AtlasClassification> classifications = new ArrayList<>(first.classificationsOrEmpty());
    classifications.addAll(second.classificationsOrEmpty());
    return b.classifications(classifications).build();
  }

  private void collectRelationships(
      AtlasEntity entity,
      EntityKey key,
      Map<String, Object> values,
      Map<String, Object> plainAttributes,
      References references,
      Set<RelationshipWrite> out,
      Instant asOf) {
    for (Map.Entry<String, Object> e : values.entrySet()) {
      List<RelationshipEnd> ends = typedefs.endsNamed(entity.typeName(), e.getKey());
      if (ends.isEmpty() || !looksLikeReferences(e.getValue())) {
        continue;
      }
      if (plainAttributes != null) {
        plainAttributes.remove(e.getKey());
      }
      for (Map<?, ?> ref : referenceMaps(e.getValue())) {
        EntityKey other = references.resolve(ref);
        if (other == null) {
          continue;
        }
        RelationshipEnd end = pick(ends, other, ref);
        out.add(
            end.isFrom()
                ? new RelationshipWrite(end.relationshipType(), key, other, Map.of(), asOf)
                : new RelationshipWrite(end.relationshipType(), other, key, Map.of(), asOf));
      }
    }
  }

  private RelationshipEnd pick(List<RelationshipEnd> ends, EntityKey other, Map<?, ?> ref) {
    Object declared = ref.get("relationshipType");
    for (RelationshipEnd end : ends) {
      if (declared != null && declared.equals(end.relationshipType())) {
        return end;
      }
    }
    for (RelationshipEnd end : ends) {
      if (typedefs.registry().isA(other.typeName(), end.otherType())) {
        return end;
      }
    }
    return ends.get(0);
  }

  private static boolean looksLikeReferences(Object value) {
    if (value instanceof Map<?, ?> map) {
      return map.containsKey("guid") || map.containsKey("uniqueAttributes");
    }
    if (value instanceof Collection<?> list) {
      return !list.isEmpty() && list.stream().allMatch(AtlasRequestResolver::looksLikeReferences);
    }
    return false;
  }

  private static List<Map<?, ?>> referenceMaps(Object value) {
    List<Map<?, ?>> out = new ArrayList<>();
    if (value instanceof Map<?, ?> map) {
      out.add(map);
    } else if (value instanceof Collection<?> list) {
      for (Object item : list) {
        out.add((Map<?, ?>) item);
      }
    }
    return out;
  }

  static boolean isAssigned(String guid) {
    if (guid == null) {
      return false;
    }
    try {
      UUID.fromString(guid);
      return true;
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  /** Resolves references and remembers the ones it could not. */
  private static final class References {
    private final TenantId tenant;
    private final EntityLookup lookup;
    private final Map<String, EntityKey> keysByGuid;
    private final Set<EntityKey> requestKeys;
    private final List<String> unresolvedIds = new ArrayList<>();
    private final List<String> unresolvedUnique = new ArrayList<>();

    References(
        TenantId tenant,
        EntityLookup lookup,
        Map<String, EntityKey> keysByGuid,
        Set<EntityKey> requestKeys) {
      this.tenant = tenant;
      this.lookup = lookup;
      this.keysByGuid = keysByGuid;
      this.requestKeys = requestKeys;
    }

    EntityKey resolve(Map<?, ?> ref) {
      Object guid = ref.get("guid");
      if (guid != null) {
        String id = guid.toString();
        EntityKey inRequest = keysByGuid.get(id);
        if (inRequest != null) {
          return inRequest;
        }
        if (isAssigned(id)) {
          Optional<Entity> existing = lookup.byGuid(new Guid(id));
          if (existing.isPresent()) {
            return existing.get().key();
          }
          unresolvedIds.add(id);
          return null;
        }
        // Atlas resolves a reference by its guid first: a placeholder must name an entity of the
        // request even when unique attributes come with it.
        throw new AtlasApiException(AtlasErrorCode.REFERENCED_ENTITY_NOT_FOUND, id);
      }
      Object typeName = ref.get("typeName");
      Object unique = ref.get("uniqueAttributes");
      Object qualifiedName =
          unique instanceof Map<?, ?> map ? map.get(AtlasNames.QUALIFIED_NAME) : null;
      if (typeName == null || qualifiedName == null) {
        throw new AtlasApiException(AtlasErrorCode.BAD_REQUEST, "ObjectId is not valid " + ref);
      }
      EntityKey key = new EntityKey(tenant, typeName.toString(), qualifiedName.toString());
      if (requestKeys.contains(key) || lookup.byKey(key).isPresent()) {
        return key;
      }
      unresolvedUnique.add("{typeName=" + typeName + ", uniqueAttributes=" + unique + "}");
      return null;
    }

    void failOnUnresolved() {
      if (!unresolvedIds.isEmpty() || !unresolvedUnique.isEmpty()) {
        throw new AtlasApiException(
            AtlasErrorCode.UNRESOLVED_REFERENCES_FOUND, unresolvedIds, unresolvedUnique);
      }
    }
  }
}
