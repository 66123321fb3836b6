package io.tributary.atlascompat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tributary.catalog.EntityKey;
import io.tributary.catalog.EntityWrite;
import io.tributary.catalog.Types;
import io.tributary.catalog.Visibility;
import io.tributary.contract.IngestHeaders;
import io.tributary.contract.TenantId;
import io.tributary.openlineage.EventTranslator;
import io.tributary.openlineage.NamespaceResolver;
import io.tributary.openlineage.TranslatedEvent;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.atlas.AtlasClientV2;
import org.apache.atlas.AtlasServiceException;
import org.apache.atlas.model.SearchFilter;
import org.apache.atlas.model.discovery.AtlasSearchResult;
import org.apache.atlas.model.discovery.SearchParameters;
import org.apache.atlas.model.instance.AtlasClassification;
import org.apache.atlas.model.instance.AtlasEntity;
import org.apache.atlas.model.instance.AtlasEntity.AtlasEntitiesWithExtInfo;
import org.apache.atlas.model.instance.AtlasEntity.AtlasEntityWithExtInfo;
import org.apache.atlas.model.instance.AtlasEntityHeader;
import org.apache.atlas.model.instance.AtlasObjectId;
import org.apache.atlas.model.instance.EntityMutationResponse;
import org.apache.atlas.model.instance.EntityMutations.EntityOperation;
import org.apache.atlas.model.lineage.AtlasLineageInfo;
import org.apache.atlas.model.typedef.AtlasClassificationDef;
import org.apache.atlas.model.typedef.AtlasEntityDef;
import org.apache.atlas.model.typedef.AtlasStructDef.AtlasAttributeDef;
import org.apache.atlas.model.typedef.AtlasTypesDef;
import org.apache.atlas.type.AtlasTypeUtil;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Atlas's own Java client, {@code AtlasClientV2} 2.4.0, against a running Tributary server. */
class AtlasClientV2IT {
  private static TributaryAtlasServer server;
  private static AtlasClientV2 atlas;

  @BeforeAll
  static void start() {
    server = TributaryAtlasServer.start();
    atlas =
        new AtlasClientV2(new String[] {server.uri.toString()}, new String[] {"admin", "admin"});
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @Test
  void shouldCreateTypedefsAndListThemWithAtlasTypesAndTributaryStreamingTypes() throws Exception {
    AtlasEntityDef feed =
        new AtlasEntityDef(
            "sensor_feed",
            "A feed of sensor readings",
            "1.0",
            List.of(new AtlasAttributeDef("sampleRateHz", "int")),
            java.util.Set.of("DataSet"));
    AtlasTypesDef request = new AtlasTypesDef();
    request.setEntityDefs(List.of(feed));
    request.setClassificationDefs(List.of(new AtlasClassificationDef("GDPR")));

    AtlasTypesDef created = atlas.createAtlasTypeDefs(request);

    assertThat(created.getEntityDefs()).extracting("name").containsExactly("sensor_feed");
    AtlasTypesDef all = atlas.getAllTypeDefs(new SearchFilter());
    assertThat(all.getEntityDefs())
        .extracting("name")
        .contains("sensor_feed", "DataSet", "Process", "kafka_topic", "pulsar_topic", "mqtt_topic");
    assertThat(all.getRelationshipDefs()).extracting("name").contains("dataset_process_inputs");
    assertThat(all.getClassificationDefs()).extracting("name").contains("GDPR", "PII");
    AtlasEntity sensor = new AtlasEntity("sensor_feed");
    sensor.setAttribute("qualifiedName", "feeds/temperature@plant-1");
    sensor.setAttribute("name", "temperature");
    sensor.setAttribute("sampleRateHz", 10);
    sensor.setClassifications(List.of(new AtlasClassification("GDPR")));
    String guid =
        atlas
            .createEntity(new AtlasEntityWithExtInfo(sensor))
            .getGuidAssignments()
            .values()
            .iterator()
            .next();
    AtlasEntity readBack = atlas.getEntityByGuid(guid).getEntity();
    assertThat(readBack.getTypeName()).isEqualTo("sensor_feed");
    assertThat(readBack.getAttribute("sampleRateHz")).isEqualTo(10);
    assertThat(readBack.getClassifications())
        .extracting(AtlasClassification::getTypeName)
        .containsExactly("GDPR");
    assertThatThrownBy(() -> atlas.createAtlasTypeDefs(request))
        .isInstanceOfSatisfying(
            AtlasServiceException.class,
            e -> {
              assertThat(e.getStatus().getStatusCode()).isEqualTo(409);
              assertThat(e.getMessage()).contains("ATLAS-409-00-001");
            });
  }

  @Test
  void shouldCreateEntitiesInBulkAndReadThemBackByGuidAndUniqueAttribute() throws Exception {
    Lineage l = createJob("bulk");

    assertThat(l.response.getGuidAssignments()).containsKeys("-1", "-2", "-3");
    assertThat(l.response.getEntitiesByOperation(EntityOperation.CREATE)).hasSize(3);

    AtlasEntityWithExtInfo job = atlas.getEntityByGuid(l.job);
    assertThat(job.getEntity().getTypeName()).isEqualTo("flink_application");
    assertThat(job.getEntity().getAttribute("name")).isEqualTo("bulk-job");
    assertThat(job.getEntity().getAttribute("processingType")).isEqualTo("STREAMING");
    assertThat(job.getEntity().getRelationshipAttribute("inputs").toString())
        .contains(l.in, "bulk-in@prod");
    assertThat(job.getEntity().getRelationshipAttribute("outputs").toString()).contains(l.out);

    AtlasEntityWithExtInfo out =
        atlas.getEntityByAttribute("kafka_topic", Map.of("qualifiedName", "bulk-out@prod"));
    assertThat(out.getEntity().getGuid()).isEqualTo(l.out);
    assertThat(out.getEntity().getClassifications())
        .extracting(AtlasClassification::getTypeName)
        .containsExactly("PII");
    assertThat(out.getEntity().getRelationshipAttribute("outputFromProcesses").toString())
        .contains(l.job);
  }

  @Test
  void shouldReadSeveralEntitiesByGuidInOneCallAsAtlasDoes() throws Exception {
    Lineage l = createJob("several");

    assertThat(atlas.getEntitiesByGuids(List.of(l.out, l.in)).getEntities())
        .extracting(e -> e.getAttribute("qualifiedName"))
        .containsExactly("several-out@prod", "several-in@prod");
    String missing = UUID.randomUUID().toString();
    assertThatThrownBy(() -> atlas.getEntitiesByGuids(List.of(l.in, missing)))
        .isInstanceOfSatisfying(
            AtlasServiceException.class,
            e -> assertThat(e.getStatus().getStatusCode()).isEqualTo(404));
  }

  @Test
  void shouldUpdateByUniqueAttributeWhenTheEntityExistsAsAtlasDoes() throws Exception {
    Lineage l = createJob("again");
    AtlasEntity topic = topic("again-in", "-7");
    topic.setAttribute("description", "second write");

    EntityMutationResponse second =
        atlas.createEntities(new AtlasEntitiesWithExtInfo(List.of(topic)));

    assertThat(second.getGuidAssignments()).containsEntry("-7", l.in);
    assertThat(atlas.getEntityByGuid(l.in).getEntity().getAttribute("description"))
        .isEqualTo("second write");
  }

  @Test
  void shouldFetchLineageByGuidAndByUniqueAttribute() throws Exception {
    Lineage l = createJob("lin");

    AtlasLineageInfo both = atlas.getLineageInfo(l.job, AtlasLineageInfo.LineageDirection.BOTH, 3);
    assertThat(both.getBaseEntityGuid()).isEqualTo(l.job);
    assertThat(both.getGuidEntityMap()).containsKeys(l.in, l.job, l.out);
    assertThat(both.getRelations())
        .extracting(r -> r.getFromEntityId() + ">" + r.getToEntityId())
        .containsExactlyInAnyOrder(l.in + ">" + l.job, l.job + ">" + l.out);

    AtlasLineageInfo upstream =
        atlas.getLineageInfo(
            "kafka_topic",
            Map.of("qualifiedName", "lin-out@prod"),
            AtlasLineageInfo.LineageDirection.INPUT,
            1);
    assertThat(upstream.getBaseEntityGuid()).isEqualTo(l.out);
    assertThat(upstream.getGuidEntityMap()).containsKeys(l.in, l.job, l.out);
    assertThat(upstream.getGuidEntityMap().get(l.in).getAttribute("qualifiedName"))
        .isEqualTo("lin-in@prod");
  }

  @Test
  void shouldRunBasicSearchWithFiltersAndPaging() throws Exception {
    createJob("search-a");
    createJob("search-b");
    SearchParameters params = new SearchParameters();
    params.setTypeName("kafka_topic");
    SearchParameters.FilterCriteria startsWith = new SearchParameters.FilterCriteria();
    startsWith.setAttributeName("qualifiedName");
    startsWith.setOperator(SearchParameters.Operator.STARTS_WITH);
    startsWith.setAttributeValue("search-");
    params.setEntityFilters(startsWith);
    params.setLimit(3);

    AtlasSearchResult firstPage = atlas.facetedSearch(params);
    params.setOffset(3);
    AtlasSearchResult secondPage = atlas.facetedSearch(params);

    assertThat(firstPage.getEntities()).hasSize(3);
    assertThat(secondPage.getEntities()).hasSize(1);
    assertThat(firstPage.getApproximateCount()).isEqualTo(4);
    assertThat(firstPage.getEntities())
        .extracting(AtlasEntityHeader::getTypeName)
        .containsOnly("kafka_topic");

    SearchParameters classified = new SearchParameters();
    classified.setTypeName("DataSet");
    classified.setClassification("PII");
    SearchParameters.FilterCriteria endsWith = new SearchParameters.FilterCriteria();
    endsWith.setAttributeName("name");
    endsWith.setOperator(SearchParameters.Operator.ENDS_WITH);
    endsWith.setAttributeValue("search-b-out");
    classified.setEntityFilters(endsWith);
    assertThat(atlas.facetedSearch(classified).getEntities())
        .extracting(h -> h.getAttribute("qualifiedName"))
        .containsExactly("search-b-out@prod");

    AtlasSearchResult byQuery =
        atlas.basicSearch("flink_application", null, "search-a*", true, 10, 0);
    assertThat(byQuery.getEntities())
        .extracting(h -> h.getAttribute("name"))
        .containsExactly("search-a-job");
  }

  @Test
  void shouldKeepCustomAttributesAndCheckThemAsAtlasDoes() throws Exception {
    AtlasEntity tagged = topic("custom-attrs", "-1");
    tagged.setCustomAttributes(Map.of("team", "payments", "tier-1", "yes"));
    atlas.createEntities(new AtlasEntitiesWithExtInfo(List.of(tagged)));

    AtlasEntity read =
        atlas
            .getEntityByAttribute("kafka_topic", Map.of("qualifiedName", "custom-attrs@prod"))
            .getEntity();
    assertThat(read.getCustomAttributes())
        .containsExactlyInAnyOrderEntriesOf(Map.of("team", "payments", "tier-1", "yes"));
    assertThat(read.getAttributes()).doesNotContainKey("__customAttributes");

    AtlasEntity badKey = topic("custom-attrs-bad", "-1");
    badKey.setCustomAttributes(Map.of("no spaces", "x"));
    assertThatThrownBy(() -> atlas.createEntities(new AtlasEntitiesWithExtInfo(List.of(badKey))))
        .isInstanceOfSatisfying(
            AtlasServiceException.class,
            e -> {
              assertThat(e.getStatus().getStatusCode()).isEqualTo(400);
              assertThat(e.getMessage()).contains("ATLAS-400-00-08D", "no spaces");
            });
  }

  @Test
  void shouldAnswerAtlasErrorsToAtlasClient() {
    String missing = UUID.randomUUID().toString();
    assertThatThrownBy(() -> atlas.getEntityByGuid(missing))
        .isInstanceOfSatisfying(
            AtlasServiceException.class,
            e -> {
              assertThat(e.getStatus().getStatusCode()).isEqualTo(404);
              assertThat(e.getMessage()).contains("ATLAS-404-00-005", missing);
            });
    assertThatThrownBy(
            () -> atlas.getEntityByAttribute("kafka_topic", Map.of("qualifiedName", "nope@prod")))
        .isInstanceOfSatisfying(
            AtlasServiceException.class,
            e -> assertThat(e.getMessage()).contains("ATLAS-404-00-009"));
    AtlasEntity unknownType = new AtlasEntity("no_such_type");
    unknownType.setAttribute("qualifiedName", "x");
    assertThatThrownBy(
            () -> atlas.createEntities(new AtlasEntitiesWithExtInfo(List.of(unknownType))))
        .isInstanceOfSatisfying(
            AtlasServiceException.class,
            e -> {
              assertThat(e.getStatus().getStatusCode()).isEqualTo(400);
              assertThat(e.getMessage()).contains("ATLAS-400-00-014");
            });
    AtlasEntity noName = topic("nameless", "-1");
    noName.removeAttribute("name");
    assertThatThrownBy(() -> atlas.createEntities(new AtlasEntitiesWithExtInfo(List.of(noName))))
        .isInstanceOfSatisfying(
            AtlasServiceException.class,
            e -> assertThat(e.getMessage()).contains("ATLAS-404-00-007", "kafka_topic.name"));
    AtlasEntity dangling =
        process("dangling", "-1", List.of(new AtlasObjectId("-99", "kafka_topic")), List.of());
    assertThatThrownBy(() -> atlas.createEntities(new AtlasEntitiesWithExtInfo(List.of(dangling))))
        .isInstanceOfSatisfying(
            AtlasServiceException.class,
            e -> assertThat(e.getMessage()).contains("ATLAS-404-00-00A", "-99"));
  }

  @Test
  void shouldShareEntitiesWithOpenLineageIngestion() throws Exception {
    ObjectMapper mapper = new ObjectMapper();
    JsonNode event =
        mapper.readTree(
            """
            {"eventType":"START","eventTime":"2026-11-28T10:00:00Z",
             "producer":"https://example.com/producer",
             "schemaURL":"https://openlineage.io/spec/2-0-2/OpenLineage.json#/$defs/RunEvent",
             "run":{"runId":"0195f0b8-6c37-7a51-9c52-6f2f1d1e0a01"},
             "job":{"namespace":"flink://cluster","name":"shared-job"},
             "inputs":[{"namespace":"kafka://broker:9092","name":"shared-in"}],
             "outputs":[{"namespace":"kafka://broker:9092","name":"shared-out"}]}
            """);
    TranslatedEvent translated =
        EventTranslator.create(
                NamespaceResolver.of(Map.of("kafka://broker:9092", "prod")), server.types)
            .translate(event, TenantId.DEFAULT);
    server.catalog.apply(translated.mutation());
    EntityKey input =
        translated.mutation().entities().stream()
            .map(EntityWrite::key)
            .filter(
                k ->
                    k.typeName().equals(Types.KAFKA_TOPIC)
                        && k.qualifiedName().contains("shared-in"))
            .findFirst()
            .orElseThrow();
    String olGuid = server.catalog.get(input, Visibility.all()).orElseThrow().guid().value();

    AtlasEntityWithExtInfo read =
        atlas.getEntityByAttribute(
            Types.KAFKA_TOPIC, Map.of("qualifiedName", input.qualifiedName()));
    assertThat(read.getEntity().getGuid()).isEqualTo(olGuid);
    assertThat(read.getEntity().getRelationshipAttribute("inputToProcesses").toString())
        .contains("shared-job");

    AtlasEntity again = new AtlasEntity(Types.KAFKA_TOPIC);
    again.setGuid("-1");
    again.setAttribute("qualifiedName", input.qualifiedName());
    again.setAttribute("name", "shared-in");
    again.setAttribute("owner", "data-platform");
    EntityMutationResponse response =
        atlas.createEntities(new AtlasEntitiesWithExtInfo(List.of(again)));
    assertThat(response.getGuidAssignments()).containsEntry("-1", olGuid);
    assertThat(server.catalog.get(input, Visibility.all()).orElseThrow().attributes())
        .containsEntry("owner", "data-platform");
  }

  @Test
  void shouldActWithinTheTenantNamedByTheHeader() throws Exception {
    createJob("tenanted");
    HttpClient http = HttpClient.newHttpClient();
    String path =
        "/api/atlas/v2/entity/uniqueAttribute/type/kafka_topic?attr:qualifiedName=tenanted-in%40prod";

    HttpResponse<String> other =
        http.send(
            HttpRequest.newBuilder(server.uri.resolve(path))
                .header(IngestHeaders.HTTP_TENANT, "acme")
                .build(),
            HttpResponse.BodyHandlers.ofString());
    HttpResponse<String> own =
        http.send(
            HttpRequest.newBuilder(server.uri.resolve(path)).build(),
            HttpResponse.BodyHandlers.ofString());

    assertThat(other.statusCode()).isEqualTo(404);
    assertThat(other.body()).contains("\"errorCode\":\"ATLAS-404-00-009\"");
    assertThat(own.statusCode()).isEqualTo(200);
  }

  @Test
  void shouldAddReadAndRemoveClassificationsWithAtlasClassificationCalls() throws Exception {
    Lineage l = createJob("classify");

    atlas.addClassifications(l.in, List.of(new AtlasClassification("SENSITIVE")));

    assertThat(atlas.getClassifications(l.in).getList())
        .extracting(AtlasClassification::getTypeName, AtlasClassification::getEntityGuid)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("SENSITIVE", l.in));
    assertThat(atlas.getEntityByGuid(l.in).getEntity().getClassifications())
        .extracting(AtlasClassification::getTypeName)
        .containsExactly("SENSITIVE");
    atlas.deleteClassification(l.out, "PII");
    assertThat(atlas.getClassifications(l.out).getList()).isEmpty();
    assertThatThrownBy(() -> atlas.deleteClassification(l.out, "PII"))
        .isInstanceOfSatisfying(
            AtlasServiceException.class,
            e -> assertThat(e.getStatus().getStatusCode()).isEqualTo(404));
    assertThatThrownBy(
            () -> atlas.addClassifications(l.in, List.of(new AtlasClassification("NO_SUCH"))))
        .isInstanceOfSatisfying(
            AtlasServiceException.class,
            e -> assertThat(e.getStatus().getStatusCode()).isEqualTo(404));
  }

  @Test
  void shouldDeleteAnEntityByGuidAndAnswerWithAtlasMutationResponse() throws Exception {
    Lineage l = createJob("deleted");

    EntityMutationResponse deleted = atlas.deleteEntityByGuid(l.in);

    assertThat(deleted.getEntitiesByOperation(EntityOperation.DELETE))
        .extracting(AtlasEntityHeader::getGuid)
        .containsExactly(l.in);
    assertThatThrownBy(() -> atlas.getEntityByGuid(l.in))
        .isInstanceOfSatisfying(
            AtlasServiceException.class,
            e -> assertThat(e.getStatus().getStatusCode()).isEqualTo(404));
    assertThatThrownBy(() -> atlas.deleteEntityByGuid(l.in))
        .isInstanceOfSatisfying(
            AtlasServiceException.class,
            e -> assertThat(e.getStatus().getStatusCode()).isEqualTo(404));
  }

  private record Lineage(EntityMutationResponse response, String in, String job, String out) {}

  /** in topic -> flink job -> out topic (PII), created in one bulk request with placeholders. */
  private static Lineage createJob(String name) throws AtlasServiceException {
    AtlasEntity in = topic(name + "-in", "-1");
    AtlasEntity out = topic(name + "-out", "-2");
    out.setClassifications(List.of(new AtlasClassification("PII")));
    AtlasEntity job =
        process(
            name,
            "-3",
            List.of(AtlasTypeUtil.getAtlasObjectId(in)),
            List.of(AtlasTypeUtil.getAtlasObjectId(out)));
    EntityMutationResponse response =
        atlas.createEntities(new AtlasEntitiesWithExtInfo(List.of(in, out, job)));
    Map<String, String> guids = response.getGuidAssignments();
    return new Lineage(response, guids.get("-1"), guids.get("-3"), guids.get("-2"));
  }

  private static AtlasEntity topic(String name, String guid) {
    AtlasEntity topic = new AtlasEntity("kafka_topic");
    topic.setGuid(guid);
    topic.setAttribute("qualifiedName", name + "@prod");
    topic.setAttribute("name", name);
    topic.setAttribute("topic", name);
    topic.setAttribute("uri", name);
    return topic;
  }

  private static AtlasEntity process(
      String name, String guid, List<AtlasObjectId> inputs, List<AtlasObjectId> outputs) {
    AtlasEntity job = new AtlasEntity("flink_application");
    job.setGuid(guid);
    job.setAttribute("qualifiedName", "flink://" + name);
    job.setAttribute("name", name + "-job");
    job.setAttribute("processingType", "STREAMING");
    job.setRelationshipAttribute("inputs", inputs);
    job.setRelationshipAttribute("outputs", outputs);
    return job;
  }
}
