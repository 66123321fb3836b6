package io.tributary.atlascompat;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.tributary.testkit.RunningCatalog;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.atlas.model.instance.AtlasEntity;
import org.apache.atlas.model.instance.AtlasEntity.AtlasEntitiesWithExtInfo;
import org.apache.atlas.type.AtlasType;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code catalog.backend = atlas}: a catalog server whose OpenLineage ingest lands in an existing
 * Atlas (here WireMock answering as Atlas 2.4 does) instead of the embedded JanusGraph.
 */
class AtlasBackendServerIT {
  private static final String BULK = "/api/atlas/v2/entity/bulk";

  private WireMockServer atlas;
  private RunningCatalog server;

  @BeforeEach
  void start(@TempDir Path dir) {
    atlas = new WireMockServer(options().dynamicPort().extensions(new AtlasBulkStub()));
    atlas.start();
    atlas.stubFor(
        post(urlPathEqualTo(BULK)).willReturn(aResponse().withTransformers(AtlasBulkStub.NAME)));
    server =
        RunningCatalog.start(
            dir,
            Map.of(
                "catalog.backend", "atlas",
                "atlas.url", atlas.baseUrl(),
                "atlas.password", "secret"));
  }

  @AfterEach
  void stop() {
    if (server != null) {
      server.close();
    }
    atlas.stop();
  }

  @Test
  void shouldSendIngestedOpenLineageEventsToTheConfiguredAtlas() throws Exception {
    String event =
        """
        {"eventType":"START","eventTime":"2026-01-01T00:00:00Z",
         "producer":"https://tributary.io/test",
         "schemaURL":"https://openlineage.io/spec/2-0-2/OpenLineage.json#/$defs/RunEvent",
         "run":{"runId":"0190a5b4-0000-7000-8000-000000000001"},
         "job":{"namespace":"streams","name":"enrich-orders"},
         "inputs":[{"namespace":"kafka://broker:9092","name":"orders"}],
         "outputs":[{"namespace":"kafka://broker:9092","name":"orders-enriched"}]}
        """;
    HttpResponse<String> response =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .build()
            .send(
                HttpRequest.newBuilder(URI.create(server.uri() + "api/v1/lineage"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(event))
                    .build(),
                HttpResponse.BodyHandlers.ofString());

    assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
    List<LoggedRequest> requests = atlas.findAll(postRequestedFor(urlPathEqualTo(BULK)));
    assertThat(requests).isNotEmpty();
    assertThat(requests.get(0).getHeader("Authorization")).startsWith("Basic ");
    List<AtlasEntity> sent =
        requests.stream()
            .flatMap(
                r ->
                    AtlasType.fromJson(
                        new String(r.getBody(), StandardCharsets.UTF_8),
                        AtlasEntitiesWithExtInfo.class)
                        .getEntities()
                        .stream())
            .toList();
    assertThat(sent)
        .extracting(AtlasEntity::getTypeName)
        .contains("kafka_topic", "openlineage_job");
    assertThat(sent)
        .extracting(e -> e.getAttribute("qualifiedName"))
        .contains("orders@broker:9092", "orders-enriched@broker:9092");
  }

  private HttpResponse<String> send(String method, String path, String body) throws Exception {
    return HttpClient.newBuilder()
        .version(HttpClient.Version.HTTP_1_1)
        .build()
        .send(
            HttpRequest.newBuilder(URI.create(server.uri() + path))
                .header("Content-Type", "application/json")
                .method(
                    method,
                    body == null
                        ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body))
                .build(),
            HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void dashboardsAreNeverSentToAtlasAndSavingOneSaysWhy() throws Exception {
    HttpResponse<String> list = send("GET", "api/v1/dashboards", null);
    assertThat(list.statusCode()).as(list.body()).isEqualTo(200);
    assertThat(list.body()).contains("\"saving\":false", "\"id\":\"default\"");
    assertThat(send("GET", "api/v1/dashboards/default", null).statusCode()).isEqualTo(200);

    HttpResponse<String> created =
        send("POST", "api/v1/dashboards", "{\"title\":\"Mine\",\"widgets\":[]}");
    assertThat(created.statusCode()).isEqualTo(501);
    assertThat(created.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    assertThat(created.body())
        .contains("urn:tributary:problem:not-implemented", "not written to a remote Atlas");
    HttpResponse<String> imported =
        send("POST", "api/v1/dashboards/import", "{\"title\":\"Copy\",\"widgets\":[]}");
    assertThat(imported.statusCode()).isEqualTo(501);

    // Atlas was asked nothing about dashboards: no write, no search for their type.
    assertThat(atlas.getAllServeEvents())
        .allSatisfy(
            e ->
                assertThat(e.getRequest().getBodyAsString() + e.getRequest().getUrl())
                    .doesNotContain("tributary_dashboard", "Mine", "Copy"));
  }
}
