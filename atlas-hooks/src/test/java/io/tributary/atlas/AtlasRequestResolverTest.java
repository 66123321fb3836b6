package io.tributary.atlas;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tributary.catalog.Entity;
import io.tributary.catalog.EntityKey;
import io.tributary.catalog.Guid;
import io.tributary.catalog.RelationshipWrite;
import io.tributary.catalog.Types;
import io.tributary.catalog.types.TypeRegistry;
import io.tributary.contract.TenantId;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AtlasRequestResolverTest {
  private static final Instant T0 = Instant.parse("2026-11-28T10:00:00Z");
  private static final TenantId TENANT = TenantId.DEFAULT;
  private static final Guid STORED = new Guid("6f0f7c2e-3c1d-4d8e-9a55-2b1f0c9e7a10");

  private final AtlasJson json = new AtlasJson();
  private final AtlasRequestResolver resolver =
      new AtlasRequestResolver(AtlasTypedefStore.builtIn(TypeRegistry.builtIn(), json));
  private final Map<Guid, Entity> byGuid = new HashMap<>();
  private final Map<EntityKey, Entity> byKey = new HashMap<>();
  private final EntityLookup lookup =
      new EntityLookup() {
        @Override
        public Optional<Entity> byGuid(Guid guid) {
          return Optional.ofNullable(byGuid.get(guid));
        }

        @Override
        public Optional<Entity> byKey(EntityKey key) {
          return Optional.ofNullable(byKey.get(key));
        }
      };

  @Test
  void shouldTurnProcessInputsAndOutputsIntoCatalogRelationships() {
    AtlasEntity in = topic("in", "-1");
    AtlasEntity out = topic("out", "-2");
    AtlasEntity job =
        AtlasEntity.builder(Types.FLINK_APPLICATION)
            .guid("-3")
            .attribute("qualifiedName", "flink://j")
            .attribute("name", "j")
            .relationshipAttribute(
                "inputs", List.of(Map.of("guid", "-1", "typeName", "kafka_topic")))
            .attribute("outputs", List.of(Map.of("guid", "-2")))
            .build();

    ResolvedRequest r = resolve(in, out, job);

    EntityKey jobKey = new EntityKey(TENANT, Types.FLINK_APPLICATION, "flink://j");
    assertThat(r.mutation().relationships())
        .extracting(RelationshipWrite::typeName, RelationshipWrite::from, RelationshipWrite::to)
        .containsExactlyInAnyOrder(
            org.assertj.core.groups.Tuple.tuple(Types.REL_INPUTS, key("in"), jobKey),
            org.assertj.core.groups.Tuple.tuple(Types.REL_OUTPUTS, jobKey, key("out")));
    assertThat(r.keysByRequestGuid()).containsEntry("-3", jobKey);
    assertThat(r.mutation().entities().get(2).attributes()).doesNotContainKey("outputs");
  }

  @Test
  void shouldUpdateTheStoredEntityNamedByARealGuid() {
    remember(STORED, key("stored"));
    AtlasEntity update = topic("stored", STORED.value());

    assertThat(resolve(update).keysByRequestGuid()).containsEntry(STORED.value(), key("stored"));
  }

  @Test
  void shouldRejectAPlaceholderReferenceThatNamesNothingInTheRequest() {
    AtlasEntity job =
        AtlasEntity.builder(Types.FLINK_APPLICATION)
            .attribute("qualifiedName", "flink://j")
            .attribute("name", "j")
            .relationshipAttribute(
                "inputs",
                List.of(
                    Map.of(
                        "guid",
                        "-9",
                        "typeName",
                        "kafka_topic",
                        "uniqueAttributes",
                        Map.of("qualifiedName", "x@prod"))))
            .build();

    assertThatThrownBy(() -> resolve(job))
        .isInstanceOfSatisfying(
            AtlasApiException.class,
            e -> assertThat(e.errorCode()).isEqualTo(AtlasErrorCode.REFERENCED_ENTITY_NOT_FOUND));
  }

  @Test
  void shouldReportUnknownStoredReferencesTogether() {
    AtlasEntity job =
        AtlasEntity.builder(Types.FLINK_APPLICATION)
            .attribute("qualifiedName", "flink://j")
            .attribute("name", "j")
            .relationshipAttribute(
                "inputs",
                List.of(
                    Map.of("guid", STORED.value()),
                    Map.of(
                        "typeName",
                        "kafka_topic",
                        "uniqueAttributes",
                        Map.of("qualifiedName", "gone@prod"))))
            .build();

    assertThatThrownBy(() -> resolve(job))
        .isInstanceOfSatisfying(
            AtlasApiException.class,
            e -> {
              assertThat(e.errorCode()).isEqualTo(AtlasErrorCode.UNRESOLVED_REFERENCES_FOUND);
              assertThat(e.getMessage()).contains(STORED.value(), "gone@prod");
            });
  }

  @Test
  void shouldRejectMissingMandatoryNameAsAtlasDoes() {
    AtlasEntity nameless =
        AtlasEntity.builder("kafka_topic").attribute("qualifiedName", "a@prod").build();

    assertThatThrownBy(() -> resolve(nameless))
        .isInstanceOfSatisfying(
            AtlasApiException.class,
            e -> {
              assertThat(e.errorCode()).isEqualTo(AtlasErrorCode.INSTANCE_CRUD_INVALID_PARAMS);
              assertThat(e.getMessage())
                  .contains("kafka_topic.name: mandatory attribute value missing");
            });
  }

  @Test
  void shouldRejectUnknownTypesAndClassifications() {
    assertThatThrownBy(
            () -> resolve(AtlasEntity.builder("no_such").attribute("qualifiedName", "x").build()))
        .isInstanceOfSatisfying(
            AtlasApiException.class,
            e -> assertThat(e.errorCode()).isEqualTo(AtlasErrorCode.TYPE_NAME_INVALID));
    AtlasEntity tagged =
        topic("t", "-1").toBuilder()
            .classifications(List.of(AtlasClassification.of("NOPE")))
            .build();
    assertThatThrownBy(() -> resolve(tagged))
        .isInstanceOfSatisfying(
            AtlasApiException.class,
            e -> assertThat(e.errorCode()).isEqualTo(AtlasErrorCode.UNKNOWN_CLASSIFICATION));
  }

  @Test
  void shouldRefuseToChangeTheQualifiedNameOfAStoredEntity() {
    remember(STORED, key("stored"));

    assertThatThrownBy(() -> resolve(topic("renamed", STORED.value())))
        .isInstanceOfSatisfying(
            AtlasApiException.class, e -> assertThat(e.getMessage()).contains("cannot change"));
  }

  private ResolvedRequest resolve(AtlasEntity... entities) {
    return resolver.resolve(
        AtlasEntitiesWithExtInfo.of(List.of(entities)), TENANT, lookup, T0, "test");
  }

  private void remember(Guid guid, EntityKey key) {
    Entity e = new Entity(guid, key, key.qualifiedName(), Map.of(), Set.of(), T0, T0);
    byGuid.put(guid, e);
    byKey.put(key, e);
  }

  private static EntityKey key(String name) {
    return new EntityKey(TENANT, Types.KAFKA_TOPIC, name + "@prod");
  }

  private static AtlasEntity topic(String name, String guid) {
    return AtlasEntity.builder(Types.KAFKA_TOPIC)
        .guid(guid)
        .attribute("qualifiedName", name + "@prod")
        .attribute("name", name)
        .build();
  }
}
