package io.tributary.openlineage;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.tributary.catalog.EntityWrite;
import io.tributary.catalog.Mutation;
import io.tributary.catalog.RelationshipWrite;
import io.tributary.catalog.Types;
import io.tributary.catalog.types.TypeRegistry;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** Everything the mapping writes exists in the built-in typedefs, with the declared types. */
class TypedefConformanceTest {
  private static final TypeRegistry REGISTRY = TypeRegistry.builtIn();

  private static List<Mutation> everyMutation() {
    List<Mutation> mutations = new ArrayList<>();
    for (String name : Fixtures.corpus("valid")) {
      mutations.add(Fixtures.translate(name).mutation());
    }
    for (var type : io.openlineage.client.OpenLineage.RunEvent.EventType.values()) {
      mutations.add(
          Fixtures.TRANSLATOR
              .translate(Fixtures.json(ClientEvents.runEvent(type)), Fixtures.TENANT)
              .mutation());
    }
    return mutations;
  }

  /** Attribute name → Atlas typeName, over a type and its supertypes. */
  private static Map<String, String> declaredAttributes(String type) {
    Map<String, String> out = new HashMap<>();
    JsonNode def = REGISTRY.definition(type).orElseThrow();
    for (JsonNode attribute : def.path("attributeDefs")) {
      out.putIfAbsent(attribute.path("name").asText(), attribute.path("typeName").asText());
    }
    for (JsonNode superType : def.path("superTypes")) {
      declaredAttributes(superType.asText()).forEach(out::putIfAbsent);
    }
    return out;
  }

  private static boolean matches(String atlasType, Object value) {
    if (value == null) {
      return true;
    }
    return switch (atlasType) {
      case "string" -> value instanceof String;
      case "int" -> value instanceof Integer;
      case "long", "date" -> value instanceof Long;
      case "boolean" -> value instanceof Boolean;
      case "array<string>" ->
          value instanceof List<?> list && list.stream().allMatch(String.class::isInstance);
      case "map<string,string>" ->
          value instanceof Map<?, ?> map
              && map.keySet().stream().allMatch(String.class::isInstance)
              && map.values().stream().allMatch(String.class::isInstance);
      default -> false;
    };
  }

  @Test
  void shouldWriteOnlyDeclaredAttributesWithTheirDeclaredTypes() {
    Set<String> problems = new TreeSet<>();
    Set<String> written = new TreeSet<>();
    for (Mutation mutation : everyMutation()) {
      for (EntityWrite write : mutation.entities()) {
        String type = write.key().typeName();
        Map<String, String> declared = declaredAttributes(type);
        write
            .attributes()
            .forEach(
                (name, value) -> {
                  written.add(type + "." + name);
                  String atlasType = declared.get(name);
                  if (atlasType == null) {
                    problems.add(type + "." + name + " is not declared");
                  } else if (!matches(atlasType, value)) {
                    problems.add(
                        type + "." + name + " is " + atlasType + " but got " + value.getClass());
                  }
                });
      }
    }
    assertThat(problems).isEmpty();
    assertThat(written).hasSizeGreaterThan(80);
  }

  @Test
  void shouldUseOnlyKnownEntityTypesAndSetNamesOnlyOnAssets() {
    for (Mutation mutation : everyMutation()) {
      for (EntityWrite write : mutation.entities()) {
        String type = write.key().typeName();
        assertThat(REGISTRY.hasEntityType(type)).as(type).isTrue();
        if (write.name() != null) {
          assertThat(REGISTRY.isA(type, "Asset")).as("%s has a name", type).isTrue();
        }
      }
    }
  }

  @Test
  void shouldUseOnlyKnownClassifications() {
    for (Mutation mutation : everyMutation()) {
      for (EntityWrite write : mutation.entities()) {
        assertThat(write.classifications()).allMatch(REGISTRY::hasClassification);
      }
    }
  }

  @Test
  void shouldUseOnlyKnownRelationshipsBetweenTheirEndTypes() {
    Set<String> used = new TreeSet<>();
    for (Mutation mutation : everyMutation()) {
      for (RelationshipWrite relationship : mutation.relationships()) {
        used.add(relationship.typeName());
        assertThat(REGISTRY.hasRelationshipType(relationship.typeName()))
            .as(relationship.typeName())
            .isTrue();
        JsonNode def = REGISTRY.definition(relationship.typeName()).orElseThrow();
        String end1 = def.path("endDef1").path("type").asText();
        String end2 = def.path("endDef2").path("type").asText();
        String from = relationship.from().typeName();
        String to = relationship.to().typeName();
        boolean forward = REGISTRY.isA(from, end1) && REGISTRY.isA(to, end2);
        boolean backward = REGISTRY.isA(from, end2) && REGISTRY.isA(to, end1);
        assertThat(forward || backward)
            .as("%s from %s to %s", relationship.typeName(), from, to)
            .isTrue();
        assertThat(relationship.attributes()).isEmpty();
      }
    }
    assertThat(used)
        .containsExactlyInAnyOrder(
            Types.REL_INPUTS, Types.REL_OUTPUTS, Types.REL_COLUMNS, Types.REL_RUNS);
  }

  @Test
  void shouldPointDataFlowRelationshipsFromDatasetsToProcessesAndBack() {
    for (Mutation mutation : everyMutation()) {
      for (RelationshipWrite relationship : mutation.relationships()) {
        Optional<String> expected =
            switch (relationship.typeName()) {
              case Types.REL_INPUTS ->
                  Optional.of(
                      REGISTRY.isA(relationship.from().typeName(), Types.DATASET)
                              && REGISTRY.isA(relationship.to().typeName(), Types.PROCESS)
                          ? "ok"
                          : "inputs must go dataset -> process");
              case Types.REL_OUTPUTS ->
                  Optional.of(
                      REGISTRY.isA(relationship.from().typeName(), Types.PROCESS)
                              && REGISTRY.isA(relationship.to().typeName(), Types.DATASET)
                          ? "ok"
                          : "outputs must go process -> dataset");
              case Types.REL_COLUMNS ->
                  Optional.of(
                      relationship.to().typeName().equals(Types.COLUMN)
                          ? "ok"
                          : "columns must go dataset -> column");
              case Types.REL_RUNS ->
                  Optional.of(
                      relationship.to().typeName().equals(Types.RUN)
                          ? "ok"
                          : "runs must go process -> run");
              default -> Optional.empty();
            };
        assertThat(expected).as(relationship.toString()).contains("ok");
      }
    }
  }
}
