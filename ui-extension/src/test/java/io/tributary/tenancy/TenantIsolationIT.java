package io.tributary.tenancy;

import static io.tributary.contract.IngestHeaders.HTTP_TENANT;
import static io.tributary.tenancy.TenancyServer.created;
import static io.tributary.tenancy.TenancyServer.encode;
import static io.tributary.tenancy.TenancyServer.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.tributary.ranger.tenancy.TenantRole;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Three tenants on one server; every endpoint tried by every tenant's users on the others' data.
 * {@code acme} shares two topics ({@code orders}, {@code orders-summary}) with {@code globex}; the
 * path between them runs through {@code acme}'s private job and topics, which nobody else may see.
 */
class TenantIsolationIT {
  private static final List<String> TENANTS = List.of("acme", "globex", "initech");
  private static final List<String> ACME_PRIVATE =
      List.of(
          "acme-secret-enricher", "acme-private-enriched", "acme-private-aggregator", "email_hash");
  private static final List<String> GLOBEX_PRIVATE =
      List.of("globex-billing", "globex-invoices", "globex-ledger");
  private static final List<String> INITECH_PRIVATE =
      List.of("initech-reports", "initech-raw", "initech-clean");
  private static final List<String> EXPORT_FORMATS =
      List.of("atlas", "openlineage", "graphml", "dot", "csv", "svg");

  @TempDir static Path dataDir;
  private static TenancyServer server;
  private static String acmeOrders;
  private static String acmeSummary;
  private static String acmePrivateTopic;
  private static String acmePrivateJob;
  private static String globexLedger;
  private static String initechClean;

  @BeforeAll
  static void start() {
    server = TenancyServer.withTenants(dataDir, TENANTS);
    server.ingest(
        "acme",
        Lineage.job("acme-secret-enricher", List.of("orders"), List.of("acme-private-enriched"))
            .columns(Map.of("email_hash", "email"))
            .json());
    server.ingest(
        "acme",
        Lineage.job(
                "acme-private-aggregator",
                List.of("acme-private-enriched"),
                List.of("orders-summary"))
            .json());
    server.ingest(
        "globex",
        Lineage.job("globex-billing", List.of("globex-invoices"), List.of("globex-ledger")).json());
    server.ingest(
        "initech",
        Lineage.job("initech-reports", List.of("initech-raw"), List.of("initech-clean")).json());
    created(
        server
            .as(Users.user("acme", TenantRole.ADMIN))
            .post(
                "api/v1/tenants/acme/shares",
                "{\"grantee\":\"globex\",\"namespace\":\"prod\","
                    + "\"datasets\":[\"orders\",\"orders-summary\"]}"));
    acmeOrders = server.guid("acme", "kafka_topic", Lineage.topic("orders"));
    acmeSummary = server.guid("acme", "kafka_topic", Lineage.topic("orders-summary"));
    acmePrivateTopic = server.guid("acme", "kafka_topic", Lineage.topic("acme-private-enriched"));
    acmePrivateJob = server.guid("acme", "flink_application", "streaming/acme-secret-enricher");
    globexLedger = server.guid("globex", "kafka_topic", Lineage.topic("globex-ledger"));
    initechClean = server.guid("initech", "kafka_topic", Lineage.topic("initech-clean"));
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  private static String reader(String tenant) {
    return Users.user(tenant, TenantRole.READER);
  }

  /** Every private name of the tenants other than {@code tenant} (and acme's, shared or not). */
  private static List<String> othersPrivate(String tenant) {
    List<String> out = new ArrayList<>();
    if (!tenant.equals("acme")) {
      out.addAll(ACME_PRIVATE);
    }
    if (!tenant.equals("globex")) {
      out.addAll(GLOBEX_PRIVATE);
    }
    if (!tenant.equals("initech")) {
      out.addAll(INITECH_PRIVATE);
    }
    return out;
  }

  private static Map<String, String> guidsOf(String tenant) {
    return switch (tenant) {
      case "acme" ->
          Map.of("acme-private-enriched", acmePrivateTopic, "acme-secret-enricher", acmePrivateJob);
      case "globex" -> Map.of("globex-ledger", globexLedger);
      default -> Map.of("initech-clean", initechClean);
    };
  }

  @Test
  void shouldAnswer401WithAProblemAndAChallengeWithoutValidCredentials() {
    HttpResponse<String> none = server.as(null).get("api/v1/search");
    assertThat(none.statusCode()).isEqualTo(401);
    assertThat(none.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    assertThat(none.headers().firstValue("WWW-Authenticate").orElse("")).contains("Bearer");
    assertThat(json(none).path("type").asText()).isEqualTo("urn:tributary:problem:unauthorized");

    HttpResponse<String> wrong =
        server.as(null).get("api/v1/search", Map.of("X-API-Key", "trb_000000000000_00"));
    assertThat(wrong.statusCode()).isEqualTo(401);
    assertThat(wrong.body()).doesNotContain("trb_000000000000_00");
    assertThat(server.as(null).post("api/v1/lineage", "{}").statusCode()).isEqualTo(401);
    assertThat(server.as(null).get("api/atlas/v2/types/typedefs").statusCode()).isEqualTo(401);
    assertThat(server.as(null).get("metrics").statusCode()).isEqualTo(401);
    assertThat(server.as(reader("acme")).get("metrics").statusCode()).isEqualTo(200);
  }

  @Test
  void shouldServeHealthAndTheWebUiWithoutCredentialsAndPolicyDetailsToPlatformAdmins() {
    HttpResponse<String> health = server.as(null).get("health");
    assertThat(health.statusCode()).isEqualTo(200);
    assertThat(health.body()).isEqualTo("{\"status\":\"UP\"}");
    assertThat(server.as(null).get("").statusCode()).isEqualTo(200);

    assertThat(server.as(null).get("api/v1/health").statusCode()).isEqualTo(401);
    assertThat(server.as(Users.user("acme", TenantRole.ADMIN)).get("api/v1/health").statusCode())
        .isEqualTo(403);
    JsonNode details = server.as(Users.PLATFORM).ok("api/v1/health");
    assertThat(details.path("policy").path("version").asLong()).isPositive();
    assertThat(details.path("policy").path("files").has("tenant-acme.json")).isTrue();
  }

  @Test
  void shouldAcceptBasicCredentialsOfThePasswordUser() {
    String basic =
        Base64.getEncoder()
            .encodeToString(
                (Users.PASSWORD_USER + ":" + Users.PASSWORD).getBytes(StandardCharsets.UTF_8));
    HttpResponse<String> ok =
        server
            .as(null)
            .get("api/v1/entities/" + acmeOrders, Map.of("Authorization", "Basic " + basic));
    assertThat(ok.statusCode()).isEqualTo(200);
    String wrong =
        Base64.getEncoder().encodeToString("alice:guess".getBytes(StandardCharsets.UTF_8));
    assertThat(
            server
                .as(null)
                .get("api/v1/entities/" + acmeOrders, Map.of("Authorization", "Basic " + wrong))
                .statusCode())
        .isEqualTo(401);
  }

  @Test
  void shouldNotRevealAnEntityOfAnotherTenantByGuidOnAnyEndpoint() {
    for (String tenant : TENANTS) {
      for (String other : TENANTS) {
        if (other.equals(tenant)) {
          continue;
        }
        for (String guid : guidsOf(other).values()) {
          TenancyServer.Client as = server.as(reader(tenant));
          for (String path :
              List.of(
                  "api/v1/entities/" + guid,
                  "api/v1/entities/" + guid + "/related/dataset_stream_columns",
                  "api/v1/lineage/" + guid,
                  "api/v1/lineage/" + guid + "?level=COLUMN",
                  "api/v1/impact/" + guid,
                  "api/v1/lineage/" + guid + "/export?format=csv")) {
            HttpResponse<String> r = as.get(path);
            assertThat(r.statusCode()).as(tenant + " GET " + path).isEqualTo(404);
            assertThat(r.body()).doesNotContain(any(othersPrivate(tenant)));
          }
        }
      }
    }
    // The owner's readers do see them.
    assertThat(server.as(reader("globex")).get("api/v1/entities/" + globexLedger).statusCode())
        .isEqualTo(200);
  }

  @Test
  void shouldNotFindAnEntityOfAnotherTenantByKey() {
    TenancyServer.Client globex = server.as(reader("globex"));
    assertThat(globex.byKey("acme", "kafka_topic", Lineage.topic("acme-private-enriched")))
        .isEmpty();
    assertThat(
            server
                .as(reader("initech"))
                .byKey("globex", "kafka_topic", Lineage.topic("globex-ledger")))
        .isEmpty();
    // Without a tenant, a key is looked up in the caller's own tenant.
    assertThat(globex.byKey(null, "kafka_topic", Lineage.topic("globex-ledger"))).hasSize(1);
    assertThat(globex.byKey("acme", "kafka_topic", Lineage.topic("orders"))).hasSize(1);
  }

  @Test
  void shouldListOnlyVisibleEntitiesInSearchesListsAndStats() {
    for (String tenant : TENANTS) {
      TenancyServer.Client as = server.as(reader(tenant));
      for (String path :
          List.of(
              "api/v1/search?limit=1000",
              "api/v1/search?mode=prefix&q=acme&limit=1000",
              "api/v1/search?q=acme&limit=1000",
              "api/v1/search?q=acme&mode=semantic&limit=1000",
              "api/v1/search?tenant=acme&limit=1000",
              "api/v1/search?type=DataSet&limit=1000",
              "api/v1/entities?limit=1000",
              "api/v1/entities?type=flink_application&limit=1000")) {
        JsonNode page = as.ok(path);
        assertThat(page.toString())
            .as(tenant + " " + path)
            .doesNotContain(any(othersPrivate(tenant)));
        for (JsonNode e : page.path("entities")) {
          String owner = e.path("tenant").asText();
          assertThat(owner.equals(tenant) || (tenant.equals("globex") && owner.equals("acme")))
              .as(tenant + " sees " + e)
              .isTrue();
        }
      }
    }
    JsonNode globexSearch = server.as(reader("globex")).ok("api/v1/search?tenant=acme&limit=1000");
    assertThat(names(globexSearch.path("entities")))
        .contains(Lineage.topic("orders"), Lineage.topic("orders-summary"));
    assertThat(
            server
                .as(reader("acme"))
                .ok("api/v1/search?mode=prefix&q=acme-private&limit=100")
                .path("total")
                .asLong())
        .isPositive();

    // Other tests add topics to acme and globex, never to initech.
    long acmeTopics = topics(reader("acme"), "api/v1/stats");
    long acmeSearched =
        server
            .as(reader("acme"))
            .ok("api/v1/search?type=kafka_topic&tenant=acme&limit=1000")
            .path("total")
            .asLong();
    long globexSeesOfAcme =
        server
            .as(reader("globex"))
            .ok("api/v1/search?type=kafka_topic&tenant=acme&limit=1000")
            .path("total")
            .asLong();
    assertThat(acmeTopics).isEqualTo(acmeSearched).isGreaterThanOrEqualTo(3);
    assertThat(globexSeesOfAcme).isEqualTo(2);
    assertThat(topics(reader("initech"), "api/v1/stats")).isEqualTo(2);
    assertThat(topics(Users.PLATFORM, "api/v1/stats"))
        .as("acme's, globex's own and the two acme shares with it, initech's two")
        .isEqualTo(acmeTopics + topics(reader("globex"), "api/v1/stats"));
    assertThat(server.as(Users.NOBODY).ok("api/v1/stats").path("entities").asLong()).isZero();
  }

  @Test
  void shouldNotTellATenantWhenAnotherTenantWrites() {
    long before = server.as(reader("initech")).ok("api/v1/stats").path("lastSequence").asLong();
    assertThat(before).isPositive();
    server.ingest(
        "globex",
        Lineage.job("globex-sequence-probe", List.of("globex-invoices"), List.of("globex-probe"))
            .json());
    assertThat(server.as(reader("initech")).ok("api/v1/stats").path("lastSequence").asLong())
        .isEqualTo(before);
    assertThat(server.as(reader("globex")).ok("api/v1/stats").path("lastSequence").asLong())
        .isGreaterThan(before);
  }

  @Test
  void shouldShowTheLineageOfASharedDatasetWithoutRevealingTheOwnersPrivatePath() {
    TenancyServer.Client globex = server.as(reader("globex"));
    JsonNode lineage = globex.ok("api/v1/lineage/" + acmeOrders + "?direction=DOWNSTREAM&depth=5");
    assertThat(names(lineage.path("nodes")))
        .containsExactlyInAnyOrder(Lineage.topic("orders"), Lineage.topic("orders-summary"));
    assertThat(lineage.path("redacted")).isNotEmpty();
    assertThat(lineage.toString()).doesNotContain(any(ACME_PRIVATE));

    JsonNode path = globex.ok("api/v1/lineage/path?from=" + acmeOrders + "&to=" + acmeSummary);
    assertThat(path.path("guids").size()).isGreaterThan(2);
    assertThat(names(path.path("nodes")))
        .containsExactlyInAnyOrder(Lineage.topic("orders"), Lineage.topic("orders-summary"));
    assertThat(path.toString()).doesNotContain(any(ACME_PRIVATE));

    JsonNode impact = globex.ok("api/v1/impact/" + acmeOrders + "?depth=5");
    assertThat(impact.toString())
        .contains(Lineage.topic("orders-summary"))
        .doesNotContain(any(ACME_PRIVATE));
    JsonNode impactGuids = globex.ok("api/v1/impact/" + acmeOrders + "?depth=5&fields=guid");
    assertThat(impactGuids.path("entries").findValuesAsText("guid"))
        .containsExactlyElementsOf(
            java.util.stream.StreamSupport.stream(impact.path("entries").spliterator(), false)
                .map(e -> e.path("entity").path("guid").asText())
                .toList());

    // acme's own reader sees the whole path: the assertions above are not vacuous.
    JsonNode own =
        server
            .as(reader("acme"))
            .ok("api/v1/lineage/" + acmeOrders + "?direction=DOWNSTREAM&depth=5");
    assertThat(own.toString())
        .contains("acme-secret-enricher", "acme-private-enriched", "acme-private-aggregator");
  }

  @Test
  void shouldNotRevealPrivateColumnsInColumnLineageOfASharedDataset() {
    JsonNode columns =
        server
            .as(reader("globex"))
            .ok("api/v1/lineage/" + acmeOrders + "?direction=DOWNSTREAM&depth=5&level=COLUMN");
    assertThat(columns.toString()).doesNotContain(any(ACME_PRIVATE));
    JsonNode own =
        server
            .as(reader("acme"))
            .ok("api/v1/lineage/" + acmeOrders + "?direction=DOWNSTREAM&depth=5&level=COLUMN");
    assertThat(own.toString()).contains("email_hash");
  }

  @Test
  void shouldExportTheLineageOfASharedDatasetWithoutTheOwnersPrivateNames() {
    for (String format : EXPORT_FORMATS) {
      HttpResponse<String> export =
          server
              .as(reader("globex"))
              .get(
                  "api/v1/lineage/"
                      + acmeOrders
                      + "/export?format="
                      + format
                      + "&direction=DOWNSTREAM&depth=5");
      assertThat(export.statusCode()).as(format).isEqualTo(200);
      assertThat(export.body())
          .as(format)
          .contains("orders-summary")
          .doesNotContain(any(ACME_PRIVATE));
    }
    HttpResponse<String> own =
        server
            .as(reader("acme"))
            .get(
                "api/v1/lineage/" + acmeOrders + "/export?format=csv&direction=DOWNSTREAM&depth=5");
    assertThat(own.body()).contains("acme-private-enriched");
  }

  @Test
  void shouldServeTheAtlasApiWithinTheCallersTenants() {
    TenancyServer.Client globex = server.as(reader("globex"));
    assertThat(globex.get("api/atlas/v2/entity/guid/" + acmePrivateTopic).statusCode())
        .isEqualTo(404);
    assertThat(globex.get("api/atlas/v2/entity/guid/" + initechClean).statusCode()).isEqualTo(404);
    assertThat(globex.get("api/atlas/v2/entity/guid/" + globexLedger).statusCode()).isEqualTo(200);
    HttpResponse<String> byName =
        globex.get(
            "api/atlas/v2/entity/uniqueAttribute/type/kafka_topic?attr:qualifiedName="
                + encode(Lineage.topic("acme-private-enriched")),
            Map.of(HTTP_TENANT, "acme"));
    assertThat(byName.statusCode()).isEqualTo(403);
    assertThat(byName.body()).doesNotContain(any(ACME_PRIVATE));
    HttpResponse<String> search =
        globex.get("api/atlas/v2/search/basic?typeName=DataSet&limit=1000");
    assertThat(search.statusCode()).isEqualTo(200);
    assertThat(search.body())
        .contains("globex-ledger")
        .doesNotContain(any(othersPrivate("globex")));
    HttpResponse<String> searchAcme =
        globex.get("api/atlas/v2/search/basic?typeName=DataSet", Map.of(HTTP_TENANT, "acme"));
    assertThat(searchAcme.statusCode()).isEqualTo(403);
    HttpResponse<String> lineage = globex.get("api/atlas/v2/lineage/" + acmePrivateJob);
    assertThat(lineage.statusCode()).isEqualTo(404);

    HttpResponse<String> acmeLineage =
        server.as(reader("acme")).get("api/atlas/v2/lineage/" + acmeOrders + "?depth=5");
    assertThat(acmeLineage.statusCode()).isEqualTo(200);
    assertThat(acmeLineage.body()).contains("acme-private-enriched");

    String bulk =
        "{\"entities\":[{\"typeName\":\"kafka_topic\",\"attributes\":{\"qualifiedName\":"
            + "\"planted@prod\",\"name\":\"planted\",\"topic\":\"planted\",\"uri\":\"planted\"}}]}";
    assertThat(server.as(reader("acme")).post("api/atlas/v2/entity/bulk", bulk).statusCode())
        .isEqualTo(403);
    assertThat(
            server
                .as(Users.user("acme", TenantRole.WRITER))
                .post("api/atlas/v2/entity/bulk", bulk, Map.of(HTTP_TENANT, "globex"))
                .statusCode())
        .isEqualTo(403);
    assertThat(
            server
                .as(Users.user("acme", TenantRole.ADMIN))
                .post("api/atlas/v2/types/typedefs", "{\"entityDefs\":[]}")
                .statusCode())
        .isEqualTo(403);
    assertThat(
            server
                .as(Users.PLATFORM)
                .ok("api/v1/search?mode=prefix&q=planted")
                .path("total")
                .asLong())
        .isZero();
  }

  @Test
  void shouldRefuseIngestIntoAnotherTenantHoweverItIsNamed() {
    TenancyServer.Client acme = server.as(Users.user("acme", TenantRole.WRITER));
    String event = Lineage.job("planted-job", List.of("planted-in"), List.of("planted-out")).json();
    String facet =
        Lineage.job("planted-job", List.of("planted-in"), List.of("planted-out"))
            .tenant("globex")
            .json();

    assertForbidden(acme.post("api/v1/lineage", event, Map.of(HTTP_TENANT, "globex")));
    assertForbidden(acme.post("api/v1/lineage?tenant=globex", event));
    assertForbidden(acme.post("api/v1/lineage", facet));
    assertForbidden(
        acme.post("api/v1/lineage/batch", "[" + event + "]", Map.of(HTTP_TENANT, "globex")));
    HttpResponse<String> batch = acme.post("api/v1/lineage/batch", "[" + facet + "," + facet + "]");
    assertForbidden(batch);
    assertThat(json(batch).path("failed_events")).hasSize(2);
    // A reader may not write even its own tenant.
    assertForbidden(server.as(reader("acme")).post("api/v1/lineage", event));

    HttpResponse<String> mixed =
        acme.post(
            "api/v1/lineage/batch",
            Lineage.array(
                Lineage.job("acme-own-job", List.of("acme-own-in"), List.of("acme-own-out"))
                    .tenant("acme"),
                Lineage.job("planted-job", List.of("planted-in"), List.of("planted-out"))
                    .tenant("globex")));
    assertThat(mixed.statusCode()).as(mixed.body()).isEqualTo(200);
    assertThat(json(mixed).path("status").asText()).isEqualTo("partial_success");
    assertThat(json(mixed).path("failed_events").get(0).path("index").asInt()).isEqualTo(1);

    JsonNode planted =
        server.as(Users.PLATFORM).ok("api/v1/search?mode=prefix&q=planted&limit=100");
    assertThat(planted.path("total").asLong()).isZero();
    assertThat(
            names(
                server
                    .as(reader("acme"))
                    .ok("api/v1/search?mode=prefix&q=acme-own&limit=100")
                    .path("entities")))
        .contains(Lineage.topic("acme-own-in"), Lineage.topic("acme-own-out"));
  }

  private static String[] any(List<String> texts) {
    return texts.toArray(String[]::new);
  }

  private static void assertForbidden(HttpResponse<String> response) {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(403);
    assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
  }

  @Test
  void shouldFeedEachSubscriberOnlyTheChangesItMayRead() throws Exception {
    try (FeedReader acme = FeedReader.open(server.as(reader("acme")).request("api/v1/feed"));
        FeedReader globex = FeedReader.open(server.as(reader("globex")).request("api/v1/feed"))) {
      server.ingest(
          "acme",
          Lineage.job("acme-feed-secret", List.of("acme-feed-in"), List.of("acme-feed-out"))
              .at(100)
              .json());
      server.ingest(
          "globex",
          Lineage.job("globex-feed-job", List.of("globex-feed-in"), List.of("globex-feed-out"))
              .at(101)
              .json());
      await().atMost(Duration.ofSeconds(20)).until(() -> acme.mentions("acme-feed-secret"));
      await().atMost(Duration.ofSeconds(20)).until(() -> globex.mentions("globex-feed-job"));
      // The feed is in commit order: globex's stream passed acme's changes without sending them.
      assertThat(globex.data).noneMatch(d -> d.contains("acme-feed"));
      server.ingest(
          "acme",
          Lineage.job("acme-feed-later", List.of("acme-feed-in"), List.of("acme-feed-out"))
              .at(102)
              .json());
      await().atMost(Duration.ofSeconds(20)).until(() -> acme.mentions("acme-feed-later"));
      assertThat(acme.data).noneMatch(d -> d.contains("globex-feed"));
    }
  }

  @Test
  void shouldListAndReadOnlyTheCallersTenants() {
    assertThat(ids(server.as(Users.PLATFORM).ok("api/v1/tenants")))
        .containsExactly("acme", "default", "globex", "initech");
    assertThat(ids(server.as(Users.user("acme", TenantRole.ADMIN)).ok("api/v1/tenants")))
        .containsExactly("acme");
    assertThat(ids(server.as(reader("globex")).ok("api/v1/tenants"))).containsExactly("globex");
    assertThat(ids(server.as(Users.NOBODY).ok("api/v1/tenants"))).isEmpty();
    assertThat(server.as(reader("acme")).get("api/v1/tenants/globex").statusCode()).isEqualTo(404);
    assertThat(server.as(reader("acme")).get("api/v1/tenants/globex/shares").statusCode())
        .isEqualTo(404);
    assertThat(server.as(reader("globex")).ok("api/v1/tenants/globex/shares").toString())
        .contains("orders-summary");

    TenancyServer.Client acmeAdmin = server.as(Users.user("acme", TenantRole.ADMIN));
    assertThat(acmeAdmin.post("api/v1/tenants", "{\"id\":\"rogue\"}").statusCode()).isEqualTo(403);
    assertThat(acmeAdmin.delete("api/v1/tenants/globex").statusCode()).isEqualTo(404);
    assertThat(acmeAdmin.delete("api/v1/tenants/acme").statusCode()).isEqualTo(403);
    assertThat(acmeAdmin.put("api/v1/tenants/acme", "{\"displayName\":\"Acme Corp\"}").statusCode())
        .isEqualTo(200);
    assertThat(
            acmeAdmin
                .put("api/v1/tenants/acme", "{\"quotas\":{\"eventsPerSecond\":1000000}}")
                .statusCode())
        .isEqualTo(403);
    assertThat(
            server
                .as(Users.user("acme", TenantRole.WRITER))
                .put("api/v1/tenants/acme", "{\"displayName\":\"Hijacked\"}")
                .statusCode())
        .isEqualTo(403);
    assertThat(
            acmeAdmin
                .post(
                    "api/v1/tenants/globex/shares",
                    "{\"grantee\":\"acme\",\"namespace\":\"prod\",\"datasets\":[\"globex-ledger\"]}")
                .statusCode())
        .isEqualTo(404);
    assertThat(
            server
                .as(Users.user("acme", TenantRole.WRITER))
                .post(
                    "api/v1/tenants/acme/shares",
                    "{\"grantee\":\"initech\",\"namespace\":\"prod\",\"datasets\":[\"acme-private-enriched\"]}")
                .statusCode())
        .isEqualTo(403);
    assertThat(server.as(reader("initech")).get("api/v1/entities/" + acmePrivateTopic).statusCode())
        .isEqualTo(404);
  }

  private static long topics(String user, String path) {
    return server.as(user).ok(path).path("entitiesByType").path("kafka_topic").asLong();
  }

  private static List<String> ids(JsonNode tenants) {
    List<String> out = new ArrayList<>();
    tenants.path("tenants").forEach(t -> out.add(t.path("id").asText()));
    return out;
  }

  private static List<String> names(JsonNode entities) {
    List<String> out = new ArrayList<>();
    entities.forEach(e -> out.add(e.path("qualifiedName").asText()));
    return out;
  }
}
