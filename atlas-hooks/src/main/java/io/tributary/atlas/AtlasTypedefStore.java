package io.tributary.atlas;

import com.fasterxml.jackson.databind.JsonNode;
import io.tributary.catalog.Types;
import io.tributary.catalog.types.TypeRegistry;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The Atlas typedefs a catalog knows, as whole {@code AtlasTypesDef} documents: answers {@code GET
 * /v2/types/typedefs}, registers new types with the catalog's {@link TypeRegistry}, and knows which
 * relationship attributes ({@code inputs}, {@code outputs}, {@code columns}, ...) each entity type
 * carries.
 */
public final class AtlasTypedefStore {
  private static final List<String> CATEGORIES =
      List.of(
          "enumDefs",
          "structDefs",
          "classificationDefs",
          "entityDefs",
          "relationshipDefs",
          "businessMetadataDefs");

  private final TypeRegistry registry;
  private final Map<String, Map<String, JsonNode>> byCategory = new LinkedHashMap<>();

  public AtlasTypedefStore(TypeRegistry registry) {
    this.registry = Objects.requireNonNull(registry, "registry");
    CATEGORIES.forEach(c -> byCategory.put(c, new LinkedHashMap<>()));
  }

  /**
   * A store holding Tributary's built-in typedefs, registered in {@code registry} (which normally
   * holds them already: registering again replaces them with the same definitions).
   */
  public static AtlasTypedefStore builtIn(TypeRegistry registry, AtlasJson json) {
    AtlasTypedefStore store = new AtlasTypedefStore(registry);
    for (String resource : TypeRegistry.BUILT_IN) {
      try (InputStream in = AtlasTypedefStore.class.getResourceAsStream(resource)) {
        if (in == null) {
          throw new IllegalStateException("typedef resource " + resource + " is missing");
        }
        store.remember(json.mapper().readTree(in));
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read typedefs " + resource, e);
      }
    }
    return store;
  }

  /**
   * Creates types as Atlas's {@code POST /v2/types/typedefs} does: every name must be new, else
   * nothing is created and the error names the first existing type.
   */
  public synchronized AtlasTypesDef create(AtlasTypesDef typesDef) {
    JsonNode document = toNode(typesDef);
    for (String category : CATEGORIES) {
      for (JsonNode def : document.path(category)) {
        String name = def.path("name").asText("");
        if (name.isBlank()) {
          throw new AtlasApiException(
              AtlasErrorCode.BAD_REQUEST, "a typedef in " + category + " has no name");
        }
        if (exists(name)) {
          throw new AtlasApiException(AtlasErrorCode.TYPE_ALREADY_EXISTS, name);
        }
      }
    }
    for (JsonNode def : document.path("entityDefs")) {
      for (JsonNode superType : def.path("superTypes")) {
        if (!exists(superType.asText()) && !declares(document, superType.asText())) {
          throw new AtlasApiException(AtlasErrorCode.TYPE_NAME_NOT_FOUND, superType.asText());
        }
      }
    }
    registry.register(document);
    remember(document);
    return typesDef;
  }

  /** Every known typedef. */
  public synchronized AtlasTypesDef all() {
    return new AtlasTypesDef(
        List.copyOf(byCategory.get("enumDefs").values()),
        List.copyOf(byCategory.get("structDefs").values()),
        List.copyOf(byCategory.get("classificationDefs").values()),
        List.copyOf(byCategory.get("entityDefs").values()),
        List.copyOf(byCategory.get("relationshipDefs").values()),
        List.copyOf(byCategory.get("businessMetadataDefs").values()));
  }

  public TypeRegistry registry() {
    return registry;
  }

  /**
   * The relationship attributes an entity of {@code entityType} carries, one per relationship end
   * whose type it is or inherits from.
   */
  public synchronized List<RelationshipEnd> endsOf(String entityType) {
    List<RelationshipEnd> out = new ArrayList<>();
    for (JsonNode def : byCategory.get("relationshipDefs").values()) {
      String relationshipType = def.path("name").asText();
      JsonNode end1 = def.path("endDef1");
      JsonNode end2 = def.path("endDef2");
      // The catalog writes dataset_process_inputs in data-flow order (dataset -> process): the
      // reverse of its Atlas end order. Every other relationship goes from endDef1 to endDef2.
      boolean end1IsFrom = !Types.REL_INPUTS.equals(relationshipType);
      if (registry.isA(entityType, end1.path("type").asText())) {
        out.add(end(relationshipType, entityType, end1, end1IsFrom, end2));
      }
      if (registry.isA(entityType, end2.path("type").asText())) {
        out.add(end(relationshipType, entityType, end2, !end1IsFrom, end1));
      }
    }
    return out;
  }

  /** The end that {@code entityType} carries under attribute {@code name}, if any. */
  public List<RelationshipEnd> endsNamed(String entityType, String name) {
    return endsOf(entityType).stream().filter(e -> e.name().equals(name)).toList();
  }

  private static RelationshipEnd end(
      String relationshipType, String entityType, JsonNode end, boolean isFrom, JsonNode other) {
    return new RelationshipEnd(
        relationshipType,
        entityType,
        end.path("name").asText(),
        isFrom,
        "SINGLE".equals(end.path("cardinality").asText("SINGLE")),
        other.path("type").asText());
  }

  private boolean exists(String name) {
    return byCategory.values().stream().anyMatch(m -> m.containsKey(name))
        || registry.hasEntityType(name)
        || registry.hasRelationshipType(name)
        || registry.hasClassification(name)
        || AtlasBuiltInTypes.isPrimitive(name);
  }

  private static boolean declares(JsonNode document, String name) {
    for (JsonNode def : document.path("entityDefs")) {
      if (name.equals(def.path("name").asText())) {
        return true;
      }
    }
    return false;
  }

  private void remember(JsonNode document) {
    for (String category : CATEGORIES) {
      for (JsonNode def : document.path(category)) {
        byCategory.get(category).put(def.path("name").asText(), def);
      }
    }
  }

  private static JsonNode toNode(AtlasTypesDef typesDef) {
    com.fasterxml.jackson.databind.node.ObjectNode node =
        com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode();
    node.putArray("enumDefs").addAll(typesDef.enumDefs());
    node.putArray("structDefs").addAll(typesDef.structDefs());
    node.putArray("classificationDefs").addAll(typesDef.classificationDefs());
    node.putArray("entityDefs").addAll(typesDef.entityDefs());
    node.putArray("relationshipDefs").addAll(typesDef.relationshipDefs());
    node.putArray("businessMetadataDefs").addAll(typesDef.businessMetadataDefs());
    return node;
  }
}
