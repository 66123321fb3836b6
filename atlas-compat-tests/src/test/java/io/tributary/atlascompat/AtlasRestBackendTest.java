package io.tributary.atlascompat;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.tributary.atlas.AtlasJson;
import io.tributary.atlas.AtlasTypedefStore;
import io.tributary.catalog.ChangeEvent;
import io.tributary.catalog.ChangeFeed;
import io.tributary.catalog.Direction;
import io.tributary.catalog.Entity;
import io.tributary.catalog.EntityKey;
import io.tributary.catalog.EntityNotFoundException;
import io.tributary.catalog.EntityWrite;
import io.tributary.catalog.Guid;
import io.tributary.catalog.LineageGraph;
import io.tributary.catalog.LineageLevel;
import io.tributary.catalog.LineageQuery;
import io.tributary.catalog.Mutation;
import io.tributary.catalog.MutationResult;
import io.tributary.catalog.RelationshipWrite;
import io.tributary.catalog.SearchQuery;
import io.tributary.catalog.Types;
import io.tributary.catalog.Visibility;
import io.tributary.catalog.atlas.AtlasCatalog;
import io.tributary.catalog.atlas.AtlasRemoteException;
import io.tributary.catalog.atlas.AtlasRestClient;
import io.tributary.catalog.atlas.AtlasRestConfig;
import io.tributary.catalog.atlas.AtlasRestSink;
import io.tributary.catalog.atlas.RetryPolicy;
import io.tributary.catalog.atlas.TenantQualifiedNames;
import io.tributary.catalog.types.TypeRegistry;
import io.tributary.contract.TenantId;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.IntStream;
import org.apache.atlas.model.discovery.AtlasSearchResult;
import org.apache.atlas.model.instance.AtlasClassification;
import org.apache.atlas.model.instance.AtlasEntity;
import org.apache.atlas.model.instance.AtlasEntity.AtlasEntitiesWithExtInfo;
import org.apache.atlas.model.instance.AtlasEntity.AtlasEntityWithExtInfo;
import org.apache.atlas.model.instance.AtlasEntityHeader;
import org.apache.atlas.model.instance.EntityMutationResponse;
import org.apache.atlas.model.instance.EntityMutations.EntityOperation;
import org.apache.atlas.model.lineage.AtlasLineageInfo;
import org.apache.atlas.type.AtlasType;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The REST sink and reads of the remote-Atlas backend against a WireMock Atlas whose answers are
 * Atlas 2.4's own model objects serialised by Atlas's own {@code AtlasType}, and whose requests are
 * parsed by Atlas's model classes.
 */
class AtlasRestBackendTest {
  private static final String BULK = "/api/atlas/v2/entity/bulk";
  private static final String TOPIC_GUID = "6f0f7c2e-3c1d-4d8e-9a55-2b1f0c9e7a10";

  private final AtlasJson json = new AtlasJson();
  private final List<Duration> pauses = new CopyOnWriteArrayList<>();
  private final List<ChangeEvent> changes = new CopyOnWriteArrayList<>();
  private WireMockServer atlas;
  private AtlasCatalog catalog;

  @BeforeEach
  void start() {
    atlas = new WireMockServer(options().dynamicPort().extensions(new AtlasBulkStub()));
    atlas.start();
    catalog = catalog(30);
  }

  private AtlasCatalog catalog(int batchSize) {
    AtlasRestConfig config =
        new AtlasRestConfig(
            URI.create(atlas.baseUrl()),
            "admin",
            "secret",
            Duration.ofSeconds(5),
            new RetryPolicy(4, Duration.ofMillis(50), Duration.ofMillis(400)));
    AtlasRestClient client =
        new AtlasRestClient(config, json, HttpClient.newHttpClient(), pauses::add);
    ChangeFeed feed = new ChangeFeed();
    feed.subscribe(0, changes::add);
    return new AtlasCatalog(
        client,
        new AtlasRestSink(client, batchSize),
        AtlasTypedefStore.builtIn(TypeRegistry.builtIn(), json),
        new TenantQualifiedNames(),
        feed);
  }

  @AfterEach
  void stop() {
    catalog.close();
    atlas.stop();
  }

  private void stubBulk() {
    atlas.stubFor(
        post(urlPathEqualTo(BULK)).willReturn(aResponse().withTransformers(AtlasBulkStub.NAME)));
  }

  @Test
  void shouldSendMutationsInBulkRequestsOfAtMostBatchSizeThatAtlasReads() {
    stubBulk();
    List<Mutation> mutations =
        IntStream.range(0, 25).mapToObj(i -> Fixtures.job(TenantId.DEFAULT, "job" + i, 2)).toList();

    List<MutationResult> results = catalog.applyAll(mutations);

    List<LoggedRequest> requests = atlas.findAll(postRequestedFor(urlPathEqualTo(BULK)));
    assertThat(requests).hasSize(4);
    int total = 0;
    for (LoggedRequest request : requests) {
      assertThat(request.getHeader("Authorization")).startsWith("Basic ");
      AtlasEntitiesWithExtInfo body = atlasBody(request);
      assertThat(body.getEntities()).hasSizeLessThanOrEqualTo(30);
      total += body.getEntities().size();
      assertThat(body.getEntities()).allSatisfy(e -> assertThat(e.getGuid()).startsWith("-"));
    }
    assertThat(total).isEqualTo(100);
    assertThat(results).hasSize(25);
    EntityKey out = Fixtures.topic(TenantId.DEFAULT, "job7-out");
    assertThat(results.get(7).guids())
        .containsEntry(out, new Guid(AtlasBulkStub.guidOf("kafka_topic", "job7-out@prod")));
    assertThat(results.get(7).created()).hasSize(4);
    assertThat(changes).hasSize(100).allMatch(c -> c.kind() == ChangeEvent.Kind.ENTITY_CREATED);
  }

  @Test
  void shouldCarryInputsAndOutputsOnTheProcessWithPlaceholderReferences() {
    stubBulk();

    catalog.apply(Fixtures.job(TenantId.DEFAULT, "enrich", 1));

    AtlasEntity job =
        atlasBody(atlas.findAll(postRequestedFor(urlPathEqualTo(BULK))).get(0))
            .getEntities()
            .get(0);
    assertThat(job.getTypeName()).isEqualTo("flink_application");
    assertThat(job.getRelationshipAttribute("inputs").toString())
        .contains("guid=-2", "enrich-in-0@prod");
    assertThat(job.getRelationshipAttribute("outputs").toString())
        .contains("guid=-3", "enrich-out@prod");
  }

  @Test
  void shouldEncodeTenantIntoQualifiedNameForNonDefaultTenants() {
    stubBulk();

    catalog.apply(Fixtures.job(new TenantId("acme"), "enrich", 1));

    AtlasEntitiesWithExtInfo body =
        atlasBody(atlas.findAll(postRequestedFor(urlPathEqualTo(BULK))).get(0));
    assertThat(body.getEntities())
        .extracting(e -> e.getAttribute("qualifiedName"))
        .contains("flink://enrich@@acme", "enrich-out@prod@@acme");
  }

  @Test
  void shouldRetryServerErrorsWithBackoffThenSucceed() {
    atlas.stubFor(
        post(urlPathEqualTo(BULK))
            .inScenario("flaky")
            .whenScenarioStateIs(Scenario.STARTED)
            .willReturn(atlasError(503, "ATLAS-500-00-001", "Internal server error"))
            .willSetStateTo("second"));
    atlas.stubFor(
        post(urlPathEqualTo(BULK))
            .inScenario("flaky")
            .whenScenarioStateIs("second")
            .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER))
            .willSetStateTo("healthy"));
    atlas.stubFor(
        post(urlPathEqualTo(BULK))
            .inScenario("flaky")
            .whenScenarioStateIs("healthy")
            .willReturn(aResponse().withTransformers(AtlasBulkStub.NAME)));

    MutationResult result = catalog.apply(Fixtures.job(TenantId.DEFAULT, "j", 1));

    assertThat(result.guids()).hasSize(3);
    assertThat(atlas.findAll(postRequestedFor(urlPathEqualTo(BULK)))).hasSize(3);
    assertThat(pauses).containsExactly(Duration.ofMillis(50), Duration.ofMillis(100));
  }

  @Test
  void shouldNotRetryClientErrorsAndReportAtlasErrorCode() {
    atlas.stubFor(
        post(urlPathEqualTo(BULK))
            .willReturn(
                atlasError(
                    400, "ATLAS-400-00-014", "Type ENTITY with name kafka_topic does not exist")));

    assertThatThrownBy(() -> catalog.apply(Fixtures.job(TenantId.DEFAULT, "j", 1)))
        .isInstanceOfSatisfying(
            AtlasRemoteException.class,
            e -> {
              assertThat(e.status()).isEqualTo(400);
              assertThat(e.errorCode()).isEqualTo("ATLAS-400-00-014");
              assertThat(e.getMessage()).contains("kafka_topic does not exist");
            });
    assertThat(atlas.findAll(postRequestedFor(urlPathEqualTo(BULK)))).hasSize(1);
    assertThat(pauses).isEmpty();
  }

  @Test
  void shouldGiveUpAfterTheLastAttemptOnPersistentServerErrors() {
    atlas.stubFor(
        post(urlPathEqualTo(BULK)).willReturn(atlasError(500, "ATLAS-500-00-001", "boom")));

    assertThatThrownBy(() -> catalog.apply(Fixtures.job(TenantId.DEFAULT, "j", 1)))
        .isInstanceOfSatisfying(
            AtlasRemoteException.class, e -> assertThat(e.status()).isEqualTo(500));
    assertThat(atlas.findAll(postRequestedFor(urlPathEqualTo(BULK)))).hasSize(4);
    assertThat(pauses)
        .containsExactly(Duration.ofMillis(50), Duration.ofMillis(100), Duration.ofMillis(200));
  }

  @Test
  void shouldRetryABulkConflictOnceAsAtlasAnswersConcurrentCreates() {
    atlas.stubFor(
        post(urlPathEqualTo(BULK))
            .inScenario("race")
            .whenScenarioStateIs(Scenario.STARTED)
            .willReturn(atlasError(409, "ATLAS-409-00-003", "failed to update entity: j"))
            .willSetStateTo("resolved"));
    atlas.stubFor(
        post(urlPathEqualTo(BULK))
            .inScenario("race")
            .whenScenarioStateIs("resolved")
            .willReturn(aResponse().withTransformers(AtlasBulkStub.NAME)));

    assertThat(catalog.apply(Fixtures.job(TenantId.DEFAULT, "j", 1)).guids()).hasSize(3);
    assertThat(atlas.findAll(postRequestedFor(urlPathEqualTo(BULK)))).hasSize(2);
  }

  @Test
  void shouldFailOnASecondConflict() {
    atlas.stubFor(
        post(urlPathEqualTo(BULK))
            .willReturn(atlasError(409, "ATLAS-409-00-003", "failed to update entity: j")));

    assertThatThrownBy(() -> catalog.apply(Fixtures.job(TenantId.DEFAULT, "j", 1)))
        .isInstanceOfSatisfying(
            AtlasRemoteException.class, e -> assertThat(e.status()).isEqualTo(409));
    assertThat(atlas.findAll(postRequestedFor(urlPathEqualTo(BULK)))).hasSize(2);
  }

  @Test
  void shouldCreateRelationshipBetweenStoredEntitiesAndAcceptAnExistingOne() {
    atlas.stubFor(
        post(urlPathEqualTo("/api/atlas/v2/relationship"))
            .willReturn(atlasError(409, "ATLAS-409-00-002", "relationship already exists")));
    EntityKey in = Fixtures.topic(TenantId.DEFAULT, "a");
    EntityKey job = Fixtures.job(TenantId.DEFAULT, "j");

    catalog.apply(
        new Mutation(
            "test",
            List.of(),
            List.of(new RelationshipWrite(Types.REL_INPUTS, in, job, Map.of(), Fixtures.T0))));

    LoggedRequest request =
        atlas.findAll(postRequestedFor(urlPathEqualTo("/api/atlas/v2/relationship"))).get(0);
    org.apache.atlas.model.instance.AtlasRelationship body =
        AtlasType.fromJson(
            request.getBodyAsString(), org.apache.atlas.model.instance.AtlasRelationship.class);
    assertThat(body.getTypeName()).isEqualTo("dataset_process_inputs");
    assertThat(body.getEnd1().getTypeName())
        .as("Atlas's end1 of inputs is the process")
        .isEqualTo("flink_application");
    assertThat(body.getEnd2().getUniqueAttributes()).containsEntry("qualifiedName", "a@prod");
  }

  @Test
  void shouldSendAWriteWithoutNameAsPartialUpdateByUniqueAttribute() {
    EntityMutationResponse response = new EntityMutationResponse();
    response.addEntity(
        EntityOperation.PARTIAL_UPDATE,
        new AtlasEntityHeader("kafka_topic", TOPIC_GUID, Map.of("qualifiedName", "a@prod")));
    atlas.stubFor(
        put(urlPathEqualTo("/api/atlas/v2/entity/uniqueAttribute/type/kafka_topic"))
            .withQueryParam("attr:qualifiedName", equalTo("a@prod"))
            .willReturn(okJson(AtlasType.toJson(response))));
    EntityKey topic = Fixtures.topic(TenantId.DEFAULT, "a");

    MutationResult result =
        catalog.apply(
            new Mutation(
                "test",
                List.of(
                    new EntityWrite(
                        topic, null, Map.of("description", "orders"), Set.of(), Fixtures.T0)),
                List.of()));

    assertThat(result.guids()).containsEntry(topic, new Guid(TOPIC_GUID));
    assertThat(result.updated()).containsExactly(topic);
    LoggedRequest request =
        atlas
            .findAll(
                putRequestedFor(
                    urlPathEqualTo("/api/atlas/v2/entity/uniqueAttribute/type/kafka_topic")))
            .get(0);
    AtlasEntityWithExtInfo body =
        AtlasType.fromJson(request.getBodyAsString(), AtlasEntityWithExtInfo.class);
    assertThat(body.getEntity().getAttribute("description")).isEqualTo("orders");
    assertThat(body.getEntity().getAttribute("name")).as("a partial update sends no name").isNull();
  }

  @Test
  void shouldReadEntitiesThroughAtlasAndTreatAtlas404AsAbsent() {
    AtlasEntity topic = new AtlasEntity("kafka_topic");
    topic.setGuid(TOPIC_GUID);
    topic.setAttribute("qualifiedName", "orders@prod@@acme");
    topic.setAttribute("name", "orders");
    topic.setAttribute("topic", "orders");
    topic.setAttribute("uri", "orders@prod");
    topic.setAttribute("description", null);
    topic.setClassifications(List.of(new AtlasClassification("PII")));
    atlas.stubFor(
        get(urlPathEqualTo("/api/atlas/v2/entity/guid/" + TOPIC_GUID))
            .willReturn(okJson(AtlasType.toJson(new AtlasEntityWithExtInfo(topic)))));
    String missing = "00000000-0000-0000-0000-00000000dead";
    atlas.stubFor(
        get(urlPathEqualTo("/api/atlas/v2/entity/guid/" + missing))
            .willReturn(
                atlasError(
                    404,
                    "ATLAS-404-00-005",
                    "Given instance guid " + missing + " is invalid/not found")));

    Entity entity = catalog.get(new Guid(TOPIC_GUID), Visibility.all()).orElseThrow();

    assertThat(entity.key())
        .isEqualTo(new EntityKey(new TenantId("acme"), "kafka_topic", "orders@prod"));
    assertThat(entity.name()).isEqualTo("orders");
    assertThat(entity.attributes())
        .containsEntry("topic", "orders")
        .doesNotContainKey("description");
    assertThat(entity.classifications()).containsExactly("PII");
    assertThat(catalog.get(new Guid(missing), Visibility.all())).isEmpty();
    assertThat(catalog.get(new Guid(TOPIC_GUID), Visibility.tenants(Set.of(TenantId.DEFAULT))))
        .isEmpty();
  }

  @Test
  void shouldDecideAColumnAndAColumnLineageEntryThroughTheirDatasetInAtlas() {
    String column = "00000000-0000-0000-0000-0000000000c1";
    String entry = "00000000-0000-0000-0000-0000000000e1";
    AtlasEntity topic = new AtlasEntity("kafka_topic");
    topic.setGuid(TOPIC_GUID);
    topic.setAttribute("qualifiedName", "customers@prod@@acme");
    topic.setAttribute("name", "customers");
    topic.setClassifications(List.of(new AtlasClassification("PII")));
    AtlasEntity email = new AtlasEntity("stream_column");
    email.setGuid(column);
    email.setAttribute("qualifiedName", "customers@prod.email@@acme");
    email.setAttribute("name", "email");
    email.setAttribute("datasetQualifiedName", "customers@prod");
    email.setRelationshipAttribute(
        "dataset",
        Map.of(
            "guid", TOPIC_GUID, "typeName", "kafka_topic", "relationshipType", Types.REL_COLUMNS));
    AtlasEntity lineage = new AtlasEntity("stream_column_lineage");
    lineage.setGuid(entry);
    lineage.setAttribute("qualifiedName", "flink/loader:customers@prod.email@@acme");
    lineage.setAttribute("name", "email");
    lineage.setRelationshipAttribute(
        "outputs",
        List.of(
            Map.of(
                "guid",
                column,
                "typeName",
                "stream_column",
                "relationshipType",
                Types.REL_OUTPUTS)));
    for (AtlasEntity e : List.of(topic, email, lineage)) {
      atlas.stubFor(
          get(urlPathEqualTo("/api/atlas/v2/entity/guid/" + e.getGuid()))
              .willReturn(okJson(AtlasType.toJson(new AtlasEntityWithExtInfo(e)))));
    }
    AtlasSearchResult found = new AtlasSearchResult();
    found.setEntities(
        List.of(
            header("stream_column", column, "customers@prod.email@@acme"),
            header("stream_column_lineage", entry, "flink/loader:customers@prod.email@@acme")));
    atlas.stubFor(
        post(urlPathEqualTo("/api/atlas/v2/search/basic"))
            .willReturn(okJson(AtlasType.toJson(found))));
    Visibility noPii = e -> !e.classifications().contains("PII");
    SearchQuery query = new SearchQuery("customers", null, null, null, Map.of(), 100, 0);

    assertThat(catalog.get(new Guid(column), noPii)).as("the column carries no tag").isEmpty();
    assertThat(catalog.get(new Guid(entry), noPii)).isEmpty();
    assertThat(catalog.search(query, noPii).entities()).isEmpty();
    assertThat(catalog.get(new Guid(column), Visibility.all())).isPresent();
    assertThat(catalog.get(new Guid(entry), Visibility.all())).isPresent();
    assertThat(catalog.search(query, Visibility.all()).entities()).hasSize(2);
  }

  @Test
  void shouldReadLineageThroughAtlas() {
    String in = "00000000-0000-0000-0000-000000000001";
    String job = "00000000-0000-0000-0000-000000000002";
    String out = "00000000-0000-0000-0000-000000000003";
    AtlasLineageInfo info =
        new AtlasLineageInfo(
            in,
            Map.of(
                in, header("kafka_topic", in, "in@prod"),
                job, header("flink_application", job, "flink://j"),
                out, header("kafka_topic", out, "out@prod@@acme")),
            Set.of(
                new AtlasLineageInfo.LineageRelation(
                    in, job, "10000000-0000-0000-0000-000000000001"),
                new AtlasLineageInfo.LineageRelation(
                    job, out, "10000000-0000-0000-0000-000000000002")),
            AtlasLineageInfo.LineageDirection.OUTPUT,
            3);
    atlas.stubFor(
        get(urlPathEqualTo("/api/atlas/v2/lineage/" + in))
            .withQueryParam("direction", equalTo("OUTPUT"))
            .withQueryParam("depth", equalTo("3"))
            .willReturn(okJson(AtlasType.toJson(info))));

    LineageGraph graph =
        catalog.lineage(
            new LineageQuery(new Guid(in), Direction.DOWNSTREAM, 3, LineageLevel.DATASET),
            Visibility.tenants(Set.of(TenantId.DEFAULT)));

    assertThat(graph.entities()).containsOnlyKeys(new Guid(in), new Guid(job));
    assertThat(graph.redacted()).containsExactly(new Guid(out));
    assertThat(graph.edges())
        .extracting(e -> e.relationshipType())
        .containsExactlyInAnyOrder(Types.REL_INPUTS, Types.REL_OUTPUTS);
    assertThat(graph.distances()).containsEntry(new Guid(out), 1);
  }

  @Test
  void shouldDeleteThroughAtlasByGuid() {
    AtlasEntity topic = new AtlasEntity("kafka_topic");
    topic.setGuid(TOPIC_GUID);
    topic.setAttribute("qualifiedName", "orders@prod");
    atlas.stubFor(
        get(urlPathEqualTo("/api/atlas/v2/entity/guid/" + TOPIC_GUID))
            .willReturn(okJson(AtlasType.toJson(new AtlasEntityWithExtInfo(topic)))));
    atlas.stubFor(
        get(urlPathEqualTo("/api/atlas/v2/entity/uniqueAttribute/type/kafka_topic"))
            .withQueryParam("attr:qualifiedName", equalTo("orders@prod"))
            .willReturn(okJson(AtlasType.toJson(new AtlasEntityWithExtInfo(topic)))));
    EntityMutationResponse deleted = new EntityMutationResponse();
    deleted.addEntity(
        EntityOperation.DELETE, new AtlasEntityHeader("kafka_topic", TOPIC_GUID, Map.of()));
    atlas.stubFor(
        delete(urlPathEqualTo("/api/atlas/v2/entity/guid/" + TOPIC_GUID))
            .willReturn(okJson(AtlasType.toJson(deleted))));

    assertThat(catalog.delete(new Guid(TOPIC_GUID))).isTrue();
    assertThat(changes)
        .extracting(ChangeEvent::kind)
        .containsExactly(ChangeEvent.Kind.ENTITY_DELETED);
  }

  @Test
  void shouldRemoveAClassificationThroughAtlasOwnEndpointAndPublishTheUpdate() {
    stubTopic();
    String path = "/api/atlas/v2/entity/guid/" + TOPIC_GUID + "/classification/PII";
    atlas.stubFor(delete(urlPathEqualTo(path)).willReturn(aResponse().withStatus(204)));

    assertThat(catalog.removeClassification(new Guid(TOPIC_GUID), "PII")).isTrue();
    assertThat(atlas.findAll(deleteRequestedFor(urlPathEqualTo(path)))).hasSize(1);
    assertThat(changes)
        .extracting(ChangeEvent::kind)
        .containsExactly(ChangeEvent.Kind.ENTITY_UPDATED);
  }

  @Test
  void shouldAnswerFalseWhenAtlasSaysTheEntityDoesNotCarryTheClassification() {
    stubTopic();
    atlas.stubFor(
        delete(urlPathEqualTo("/api/atlas/v2/entity/guid/" + TOPIC_GUID + "/classification/PII"))
            .willReturn(
                atlasError(
                    400, "ATLAS-400-00-06D", "Classification PII is not associated with entity")));

    assertThat(catalog.removeClassification(new Guid(TOPIC_GUID), "PII")).isFalse();
    assertThat(changes).isEmpty();
  }

  @Test
  void shouldRefuseToRemoveAClassificationFromAnEntityAtlasDoesNotKnow() {
    atlas.stubFor(
        get(urlPathEqualTo("/api/atlas/v2/entity/guid/" + TOPIC_GUID))
            .willReturn(
                atlasError(
                    404,
                    "ATLAS-404-00-005",
                    "Given instance guid " + TOPIC_GUID + " is invalid/not found")));

    assertThatThrownBy(() -> catalog.removeClassification(new Guid(TOPIC_GUID), "PII"))
        .isInstanceOf(EntityNotFoundException.class);
    assertThat(atlas.findAll(deleteRequestedFor(urlPathMatching(".*/classification/.*"))))
        .isEmpty();
  }

  private void stubTopic() {
    AtlasEntity topic = new AtlasEntity("kafka_topic");
    topic.setGuid(TOPIC_GUID);
    topic.setAttribute("qualifiedName", "orders@prod");
    topic.setClassifications(
        List.of(new org.apache.atlas.model.instance.AtlasClassification("PII")));
    atlas.stubFor(
        get(urlPathEqualTo("/api/atlas/v2/entity/guid/" + TOPIC_GUID))
            .willReturn(okJson(AtlasType.toJson(new AtlasEntityWithExtInfo(topic)))));
  }

  private static AtlasEntityHeader header(String type, String guid, String qualifiedName) {
    return new AtlasEntityHeader(
        type, guid, Map.of("qualifiedName", qualifiedName, "name", qualifiedName));
  }

  private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder atlasError(
      int status, String code, String message) {
    return aResponse()
        .withStatus(status)
        .withHeader("Content-Type", "application/json")
        .withBody(AtlasType.toJson(Map.of("errorCode", code, "errorMessage", message)));
  }

  private static AtlasEntitiesWithExtInfo atlasBody(LoggedRequest request) {
    AtlasEntitiesWithExtInfo body =
        AtlasType.fromJson(
            new String(request.getBody(), StandardCharsets.UTF_8), AtlasEntitiesWithExtInfo.class);
    assertThat(body).as("Atlas reads the request").isNotNull();
    return new AtlasEntitiesWithExtInfo(new ArrayList<>(body.getEntities()));
  }

  @Test
  void shouldRefuseTributarysInternalEntitiesWithoutSendingAnythingToAtlas() {
    stubBulk();
    EntityKey dashboard = new EntityKey(TenantId.DEFAULT, Types.DASHBOARD, "dashboard/d1");
    Mutation mutation =
        new Mutation(
            "dashboard",
            List.of(
                new EntityWrite(
                    dashboard, "Mine", Map.of("title", "Mine"), Set.of(), java.time.Instant.now())),
            List.of());

    assertThat(catalog.storesInternalTypes()).isFalse();
    assertThatThrownBy(() -> catalog.applyAll(List.of(mutation)))
        .isInstanceOf(io.tributary.catalog.atlas.InternalTypeRefusedException.class)
        .hasMessageContaining("'tributary_dashboard'")
        .hasMessageContaining("not written to a remote Atlas");
    assertThat(
            catalog
                .search(
                    new SearchQuery(null, Types.DASHBOARD, null, TenantId.DEFAULT, Map.of(), 50, 0),
                    Visibility.all())
                .entities())
        .isEmpty();
    assertThat(atlas.getAllServeEvents()).isEmpty();
  }
}
