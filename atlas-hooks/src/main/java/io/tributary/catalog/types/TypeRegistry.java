package io.tributary.catalog.types;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tributary.catalog.InvalidEntityException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Entity and relationship types, read from Atlas typedef JSON ({@code AtlasTypesDef}: {@code
 * entityDefs}, {@code relationshipDefs}, {@code classificationDefs}). Answers the supertype
 * questions that search and validation ask.
 */
public final class TypeRegistry {
  /** The typedefs every catalog starts with: Atlas's base model and Tributary's streaming types. */
  public static final List<String> BUILT_IN =
      List.of("/typedefs/atlas-base.json", "/typedefs/tributary-streaming.json");

  private final Map<String, List<String>> superTypes = new LinkedHashMap<>();
  private final Set<String> relationshipTypes = new LinkedHashSet<>();
  private final Set<String> classifications = new LinkedHashSet<>();
  private final Map<String, JsonNode> definitions = new LinkedHashMap<>();

  private TypeRegistry() {}

  /** A registry with no types; tests and tools register their own. */
  public static TypeRegistry empty() {
    return new TypeRegistry();
  }

  public static TypeRegistry builtIn() {
    TypeRegistry registry = new TypeRegistry();
    ObjectMapper mapper = new ObjectMapper();
    for (String resource : BUILT_IN) {
      try (InputStream in = TypeRegistry.class.getResourceAsStream(resource)) {
        if (in == null) {
          throw new IllegalStateException("typedef resource " + resource + " is missing");
        }
        registry.register(mapper.readTree(in));
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read typedefs " + resource, e);
      }
    }
    return registry;
  }

  /**
   * Adds the types of one {@code AtlasTypesDef} document; later definitions replace earlier ones.
   */
  public synchronized void register(JsonNode typesDef) {
    for (JsonNode def : typesDef.path("entityDefs")) {
      String name = requiredName(def);
      List<String> supers = new java.util.ArrayList<>();
      def.path("superTypes").forEach(s -> supers.add(s.asText()));
      superTypes.put(name, List.copyOf(supers));
      definitions.put(name, def);
    }
    for (JsonNode def : typesDef.path("relationshipDefs")) {
      relationshipTypes.add(requiredName(def));
      definitions.put(requiredName(def), def);
    }
    for (JsonNode def : typesDef.path("classificationDefs")) {
      classifications.add(requiredName(def));
      definitions.put(requiredName(def), def);
    }
  }

  private static String requiredName(JsonNode def) {
    String name = def.path("name").asText("");
    if (name.isBlank()) {
      throw new InvalidEntityException("a typedef has no name: " + def);
    }
    return name;
  }

  public synchronized boolean hasEntityType(String name) {
    return superTypes.containsKey(name);
  }

  /** Throws an error naming the type when it is unknown. */
  public void requireEntityType(String name) {
    if (!hasEntityType(name)) {
      throw new InvalidEntityException("Type '" + name + "' is not a known entity type");
    }
  }

  /**
   * Fails on the first unknown entity or relationship type a mutation names, before anything of it
   * is written: every backend refuses the same writes with the same message.
   */
  public void requireKnownTypes(io.tributary.catalog.Mutation mutation) {
    mutation.entities().forEach(w -> requireEntityType(mutation, w.key().typeName()));
    for (io.tributary.catalog.RelationshipWrite r : mutation.relationships()) {
      if (!hasRelationshipType(r.typeName())) {
        throw new InvalidEntityException(
            "Relationship type '"
                + r.typeName()
                + "' in '"
                + mutation.source()
                + "' is not a known relationship type");
      }
      requireEntityType(mutation, r.from().typeName());
      requireEntityType(mutation, r.to().typeName());
    }
  }

  private void requireEntityType(io.tributary.catalog.Mutation mutation, String typeName) {
    if (!hasEntityType(typeName)) {
      throw new InvalidEntityException(
          "Type '" + typeName + "' in '" + mutation.source() + "' is not a known entity type");
    }
  }

  public synchronized boolean hasRelationshipType(String name) {
    return relationshipTypes.contains(name);
  }

  public synchronized boolean hasClassification(String name) {
    return classifications.contains(name);
  }

  /** Whether {@code type} is {@code superType} or inherits from it. */
  public synchronized boolean isA(String type, String superType) {
    Deque<String> todo = new ArrayDeque<>(List.of(type));
    Set<String> seen = new LinkedHashSet<>();
    while (!todo.isEmpty()) {
      String t = todo.pop();
      if (t.equals(superType)) {
        return true;
      }
      if (seen.add(t)) {
        todo.addAll(superTypes.getOrDefault(t, List.of()));
      }
    }
    return false;
  }

  /** {@code type} and every entity type that inherits from it. */
  public synchronized Set<String> withSubtypes(String type) {
    Set<String> out = new TreeSet<>();
    for (String candidate : superTypes.keySet()) {
      if (isA(candidate, type)) {
        out.add(candidate);
      }
    }
    return Collections.unmodifiableSet(out);
  }

  public synchronized Set<String> entityTypes() {
    return Set.copyOf(superTypes.keySet());
  }

  public synchronized Set<String> classificationNames() {
    return Set.copyOf(classifications);
  }

  /** The typedef JSON of a type, as registered. */
  public synchronized java.util.Optional<JsonNode> definition(String name) {
    return java.util.Optional.ofNullable(definitions.get(name));
  }
}
