package io.tributary.atlascompat;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.atlas.AtlasEntityHeader;
import io.tributary.atlas.AtlasJson;
import io.tributary.atlas.AtlasLineageInfo.LineageRelation;
import io.tributary.atlas.AtlasTypedefStore;
import io.tributary.atlas.AtlasWriteMapper;
import io.tributary.atlas.AtlasWritePlan;
import io.tributary.atlas.SearchParameters.FilterCriteria;
import io.tributary.catalog.types.TypeRegistry;
import io.tributary.contract.TenantId;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.atlas.model.discovery.AtlasSearchResult;
import org.apache.atlas.model.discovery.SearchParameters;
import org.apache.atlas.model.instance.AtlasEntity;
import org.apache.atlas.model.instance.AtlasEntity.AtlasEntitiesWithExtInfo;
import org.apache.atlas.model.instance.AtlasObjectId;
import org.apache.atlas.model.instance.AtlasRelationship;
import org.apache.atlas.model.instance.EntityMutationResponse;
import org.apache.atlas.model.instance.EntityMutations.EntityOperation;
import org.apache.atlas.model.lineage.AtlasLineageInfo;
import org.apache.atlas.type.AtlasType;
import org.junit.jupiter.api.Test;

/** What Tributary writes, read by Atlas's model classes; what Atlas writes, read by Tributary. */
class AtlasJsonCompatibilityTest {
  private final AtlasJson json = new AtlasJson();
  private final AtlasTypedefStore typedefs =
      AtlasTypedefStore.builtIn(TypeRegistry.builtIn(), json);

  @Test
  void shouldWriteBulkRequestThatAtlasReadsWithPlaceholdersAndRelationshipAttributes() {
    AtlasWritePlan plan =
        new AtlasWriteMapper(typedefs, k -> k.qualifiedName())
            .plan(Fixtures.job(TenantId.DEFAULT, "enrich", 2), new AtomicInteger(), true);
    List<io.tributary.atlas.AtlasEntity> entities =
        plan.creates().stream().map(AtlasWritePlan.Keyed::entity).toList();

    AtlasEntitiesWithExtInfo parsed =
        AtlasType.fromJson(
            json.write(io.tributary.atlas.AtlasEntitiesWithExtInfo.of(entities)),
            AtlasEntitiesWithExtInfo.class);

    assertThat(parsed.getEntities()).hasSize(4);
    AtlasEntity job = parsed.getEntities().get(0);
    assertThat(job.getTypeName()).isEqualTo("flink_application");
    assertThat(job.getGuid()).isEqualTo("-1");
    assertThat(job.getAttribute("qualifiedName")).isEqualTo("flink://enrich");
    assertThat(job.getAttribute("id")).as("Atlas's mandatory flink id").isEqualTo("flink://enrich");
    List<AtlasObjectId> inputs = objectIds(job.getRelationshipAttribute("inputs"));
    assertThat(inputs).extracting(AtlasObjectId::getGuid).containsExactly("-2", "-3");
    assertThat(inputs.get(0).getUniqueAttributes())
        .containsEntry("qualifiedName", "enrich-in-0@prod");
    assertThat(objectIds(job.getRelationshipAttribute("outputs")))
        .extracting(AtlasObjectId::getGuid)
        .containsExactly("-4");
    AtlasEntity out = parsed.getEntities().get(3);
    assertThat(out.getAttribute("topic")).isEqualTo("enrich-out");
    assertThat(out.getAttribute("uri")).isEqualTo("enrich-out@prod");
    assertThat(out.getClassifications()).extracting("typeName").containsExactly("PII");
  }

  @Test
  void shouldReadAtlasMutationResponse() {
    EntityMutationResponse atlas = new EntityMutationResponse();
    org.apache.atlas.model.instance.AtlasEntityHeader header =
        new org.apache.atlas.model.instance.AtlasEntityHeader(
            "kafka_topic",
            "8d0c0a3e-6a7b-4bb1-9f7b-0d3b6f8a1c11",
            Map.of("qualifiedName", "a@prod"));
    atlas.addEntity(EntityOperation.CREATE, header);
    atlas.setGuidAssignments(Map.of("-1", "8d0c0a3e-6a7b-4bb1-9f7b-0d3b6f8a1c11"));

    io.tributary.atlas.EntityMutationResponse ours =
        json.read(AtlasType.toJson(atlas), io.tributary.atlas.EntityMutationResponse.class);

    assertThat(ours.guidAssignmentsOrEmpty())
        .containsEntry("-1", "8d0c0a3e-6a7b-4bb1-9f7b-0d3b6f8a1c11");
    assertThat(ours.headers("CREATE"))
        .extracting(AtlasEntityHeader::typeName)
        .containsExactly("kafka_topic");
  }

  @Test
  void shouldWriteLineageSearchAndErrorShapesThatAtlasReads() {
    io.tributary.atlas.AtlasLineageInfo lineage =
        new io.tributary.atlas.AtlasLineageInfo(
            "00000000-0000-0000-0000-000000000001",
            "BOTH",
            3,
            Map.of(
                "00000000-0000-0000-0000-000000000001",
                new AtlasEntityHeader(
                    "kafka_topic",
                    Map.of("qualifiedName", "a@prod"),
                    "00000000-0000-0000-0000-000000000001",
                    "ACTIVE",
                    "a",
                    List.of("PII"),
                    null)),
            Set.of(
                new LineageRelation(
                    "00000000-0000-0000-0000-000000000001",
                    "00000000-0000-0000-0000-000000000002",
                    "00000000-0000-0000-0000-000000000003")));
    AtlasLineageInfo parsed = AtlasType.fromJson(json.write(lineage), AtlasLineageInfo.class);
    assertThat(parsed.getLineageDirection()).isEqualTo(AtlasLineageInfo.LineageDirection.BOTH);
    assertThat(parsed.getLineageDepth()).isEqualTo(3);
    assertThat(
            parsed
                .getGuidEntityMap()
                .get("00000000-0000-0000-0000-000000000001")
                .getClassificationNames())
        .containsExactly("PII");
    assertThat(parsed.getRelations())
        .singleElement()
        .satisfies(
            r -> assertThat(r.getToEntityId()).isEqualTo("00000000-0000-0000-0000-000000000002"));

    io.tributary.atlas.SearchParameters params =
        new io.tributary.atlas.SearchParameters(
            null,
            "kafka_topic",
            "PII",
            true,
            false,
            true,
            true,
            10,
            5,
            FilterCriteria.and(
                List.of(
                    FilterCriteria.leaf("qualifiedName", "startsWith", "orders"),
                    FilterCriteria.leaf("name", "=", "orders"))),
            null,
            null,
            null,
            null);
    SearchParameters atlasParams = AtlasType.fromJson(json.write(params), SearchParameters.class);
    assertThat(atlasParams.getEntityFilters().getCondition())
        .isEqualTo(SearchParameters.FilterCriteria.Condition.AND);
    assertThat(atlasParams.getEntityFilters().getCriterion())
        .extracting(SearchParameters.FilterCriteria::getOperator)
        .containsExactly(SearchParameters.Operator.STARTS_WITH, SearchParameters.Operator.EQ);

    AtlasSearchResult result =
        AtlasType.fromJson(
            json.write(
                new io.tributary.atlas.AtlasSearchResult(
                    "BASIC", params, null, "kafka_topic", null, List.of(), 0)),
            AtlasSearchResult.class);
    assertThat(result.getQueryType()).isEqualTo(AtlasSearchResult.AtlasQueryType.BASIC);
  }

  @Test
  void shouldWriteRelationshipThatAtlasReads() {
    io.tributary.atlas.AtlasRelationship ours =
        io.tributary.atlas.AtlasRelationship.of(
            "dataset_process_inputs",
            io.tributary.atlas.AtlasObjectId.ofQualifiedName("flink_application", "flink://j"),
            io.tributary.atlas.AtlasObjectId.ofQualifiedName("kafka_topic", "a@prod"));

    AtlasRelationship parsed = AtlasType.fromJson(json.write(ours), AtlasRelationship.class);

    assertThat(parsed.getTypeName()).isEqualTo("dataset_process_inputs");
    assertThat(parsed.getEnd1().getUniqueAttributes()).containsEntry("qualifiedName", "flink://j");
    assertThat(parsed.getEnd2().getTypeName()).isEqualTo("kafka_topic");
  }

  @SuppressWarnings("unchecked")
  private static List<AtlasObjectId> objectIds(Object value) {
    return ((List<Object>) value)
        .stream().map(v -> AtlasType.fromLinkedHashMap(v, AtlasObjectId.class)).toList();
  }
}
