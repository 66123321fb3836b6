package io.tributary.tenancy;

import static io.tributary.tenancy.TenancyServer.created;
import static io.tributary.tenancy.TenancyServer.encode;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tributary.ranger.tenancy.TenantRole;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Everything that belongs to a dataset (its columns, its column lineage entries) is visible exactly
 * when the dataset is, on every endpoint. {@code acme}'s job {@code crm-loader} writes {@code
 * customers} (classified PII) from {@code signups}, with a schema and column lineage; then:
 *
 * <ul>
 *   <li>(a) {@code mallory}, an acme reader, is denied {@code customers} by a Ranger deny policy;
 *   <li>(b) {@code contractor}, an acme reader, is denied PII by a tag policy;
 *   <li>(c) {@code globex} is granted a share of {@code customers}.
 * </ul>
 *
 * The denied readers see neither the dataset nor anything of it; globex's reader sees all of it;
 * acme's own reader sees everything, so that no assertion is vacuous.
 */
class DependentVisibilityIT {
  private static final String MALLORY = "mallory";
  private static final String CONTRACTOR = "contractor";
  private static final String GLOBEX = Users.user("globex", TenantRole.READER);
  private static final String ACME = Users.user("acme", TenantRole.READER);
  private static final String CUSTOMERS = Lineage.topic("customers");
  private static final Map<String, String> COLUMNS =
      Map.of("email", "email_address", "name", "full_name");

  private static final String POLICIES =
      """
      {"policies": [{
        "name": "no-customers-for-mallory",
        "resources": {
          "tenant": {"values": ["acme"]},
          "namespace": {"values": ["prod"]},
          "dataset": {"values": ["customers"]}
        },
        "denyPolicyItems": [{"accesses": [{"type": "read", "isAllowed": true},
                                          {"type": "lineage", "isAllowed": true}],
                             "users": ["mallory"]}]
      }],
      "tagPolicies": {"policies": [{
        "name": "no-pii-for-contractors",
        "resources": {"tag": {"values": ["PII"]}},
        "denyPolicyItems": [{"accesses": [{"type": "tributary:read", "isAllowed": true},
                                          {"type": "tributary:lineage", "isAllowed": true}],
                             "groups": ["contractors"]}]
      }]}}
      """;

  @TempDir static Path dataDir;
  private static TenancyServer server;
  private static String customers;
  private static String signups;
  private static String signupsEmail;
  private static final Map<String, String> columns = new LinkedHashMap<>();
  private static final Map<String, String> entries = new LinkedHashMap<>();
  private static final Map<String, String> dependents = new LinkedHashMap<>();
  private static final Map<String, FeedReader> feeds = new LinkedHashMap<>();

  @BeforeAll
  static void start() throws Exception {
    Users users =
        Users.write(
            dataDir.resolve("users.json"),
            List.of("acme", "globex"),
            Map.of(
                MALLORY,
                new Users.Extra(Set.of("acme.reader"), Set.of(), "acme"),
                CONTRACTOR,
                new Users.Extra(Set.of("acme.reader"), Set.of("contractors"), "acme")));
    server = TenancyServer.start(dataDir, users, Map.of("policy.poll-interval", "200ms"));
    server.createTenants(List.of("acme", "globex"));
    Files.createDirectories(dataDir.resolve("policies"));
    Files.writeString(dataDir.resolve("policies").resolve("dependents.json"), POLICIES);
    created(
        server
            .as(Users.user("acme", TenantRole.ADMIN))
            .post(
                "api/v1/tenants/acme/shares",
                "{\"grantee\":\"globex\",\"namespace\":\"prod\",\"datasets\":[\"customers\"]}"));
    server.ingest("acme", event(0));

    customers = guid("kafka_topic", CUSTOMERS);
    signups = guid("kafka_topic", Lineage.topic("signups"));
    signupsEmail = guid("stream_column", Lineage.topic("signups") + ".email_address");
    for (String column : COLUMNS.keySet()) {
      columns.put(CUSTOMERS + "." + column, guid("stream_column", CUSTOMERS + "." + column));
      String lineage = "streaming/crm-loader:" + CUSTOMERS + "." + column;
      entries.put(lineage, guid("stream_column_lineage", lineage));
    }
    dependents.putAll(columns);
    dependents.putAll(entries);
    // Every policy in force: the share, the deny policy and the tag policy.
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                status(GLOBEX, "api/v1/entities/" + customers) == 200
                    && status(MALLORY, "api/v1/entities/" + customers) == 404
                    && status(CONTRACTOR, "api/v1/entities/" + customers) == 404);
    for (String user : List.of(ACME, MALLORY, CONTRACTOR, GLOBEX)) {
      feeds.put(user, FeedReader.open(server.as(user).request("api/v1/feed")));
    }
    // A later event adds a column, its lineage entry and their relationships: feed material;
    // then a job of acme's that every acme reader may see marks the end of those changes.
    server.ingest("acme", event(60));
    server.ingest(
        "acme",
        Lineage.job("feed-marker", List.of("marker-in"), List.of("marker-out")).at(120).json());
  }

  @AfterAll
  static void stop() {
    feeds.values().forEach(FeedReader::close);
    server.close();
  }

  /** The job's event; from {@code seconds} = 60 on, {@code customers} also has {@code phone}. */
  private static String event(int seconds) {
    Map<String, String> columns = new LinkedHashMap<>(COLUMNS);
    if (seconds >= 60) {
      columns.put("phone", "phone_number");
    }
    ObjectNode event =
        Lineage.job("crm-loader", List.of("signups"), List.of("customers"))
            .columns(columns)
            .at(seconds)
            .node();
    ((ObjectNode) event.path("outputs").get(0).path("facets"))
        .putObject("tags")
        .put("_producer", Lineage.PRODUCER)
        .put(
            "_schemaURL",
            "https://openlineage.io/spec/facets/1-0-0/TagsDatasetFacet.json#/$defs/TagsDatasetFacet")
        .putArray("tags")
        .addObject()
        .put("key", "classification")
        .put("value", "PII");
    return event.toString();
  }

  private static String guid(String type, String qualifiedName) {
    return server.guid("acme", type, qualifiedName);
  }

  private static int status(String user, String path) {
    return server.as(user).get(path).statusCode();
  }

  /** The body of a GET that must answer 200. */
  private static String body(String user, String path) {
    HttpResponse<String> r = server.as(user).get(path);
    assertThat(r.statusCode()).as(user + " GET " + path + ": " + r.body()).isEqualTo(200);
    return r.body();
  }

  private static String typeOf(String qualifiedName) {
    return qualifiedName.startsWith("streaming/") ? "stream_column_lineage" : "stream_column";
  }

  /** Visible in cases (c) and to acme's reader; hidden in cases (a) and (b). */
  private static boolean sees(String user) {
    return user.equals(ACME) || user.equals(GLOBEX);
  }

  @Test
  void shouldAnswerForEachDependentByGuidAndByKeyExactlyAsForItsDataset() {
    for (String user : List.of(ACME, MALLORY, CONTRACTOR, GLOBEX)) {
      int expected = sees(user) ? 200 : 404;
      TenancyServer.Client as = server.as(user);
      assertThat(status(user, "api/v1/entities/" + customers)).as(user).isEqualTo(expected);
      for (Map.Entry<String, String> d : dependents.entrySet()) {
        String guid = d.getValue();
        for (String path :
            List.of(
                "api/v1/entities/" + guid,
                "api/v1/entities/" + guid + "/related/dataset_stream_columns",
                "api/v1/lineage/" + guid,
                "api/v1/lineage/" + guid + "?level=COLUMN",
                "api/v1/impact/" + guid,
                "api/v1/lineage/" + guid + "/export?format=csv&level=COLUMN")) {
          HttpResponse<String> r = as.get(path);
          assertThat(r.statusCode()).as(user + " GET " + path).isEqualTo(expected);
          if (expected == 404) {
            assertThat(r.body()).as(user + " GET " + path).doesNotContain(CUSTOMERS);
          }
        }
        assertThat(as.get("api/v1/entities/" + guid).body().contains(CUSTOMERS))
            .isEqualTo(sees(user));
        assertThat(as.byKey("acme", typeOf(d.getKey()), d.getKey()).size())
            .as(user + " " + d.getKey())
            .isEqualTo(sees(user) ? 1 : 0);
      }
    }
  }

  @Test
  void shouldListADatasetsDependentsInSearchesListsAndStatsOnlyWhereTheDatasetIsVisible() {
    Map<String, java.util.Collection<String>> listed = new LinkedHashMap<>();
    listed.put("api/v1/search?mode=prefix&q=customers&tenant=acme&limit=1000", columns.values());
    listed.put("api/v1/search?tenant=acme&limit=1000", dependents.values());
    listed.put("api/v1/search?type=stream_column&tenant=acme&limit=1000", columns.values());
    listed.put("api/v1/search?type=stream_column_lineage&tenant=acme&limit=1000", entries.values());
    listed.put("api/v1/search?type=Process&limit=1000", entries.values());
    listed.put("api/v1/entities?type=stream_column&tenant=acme&limit=1000", columns.values());
    listed.put(
        "api/v1/entities?type=stream_column_lineage&tenant=acme&limit=1000", entries.values());
    for (String user : List.of(ACME, MALLORY, CONTRACTOR, GLOBEX)) {
      listed.forEach(
          (path, guids) -> {
            String found = body(user, path);
            for (String guid : guids) {
              assertThat(found.contains(guid)).as(user + " " + path).isEqualTo(sees(user));
            }
            if (!sees(user)) {
              assertThat(found).as(user + " " + path).doesNotContain(CUSTOMERS);
            }
          });
    }
    // Columns: signups and customers have three each (the later event added phone); the grantee
    // counts the shared dataset's only.
    assertThat(columnCount(ACME)).isEqualTo(6);
    assertThat(columnCount(GLOBEX)).isEqualTo(3);
    JsonNode related =
        server.as(GLOBEX).ok("api/v1/entities/" + customers + "/related/dataset_stream_columns");
    assertThat(related.path("entities")).hasSize(3);
  }

  private static long columnCount(String user) {
    return server.as(user).ok("api/v1/stats").path("entitiesByType").path("stream_column").asLong();
  }

  @Test
  void shouldNotRevealAHiddenDatasetsColumnsInTheLineageOfAVisibleOne() {
    for (String user : List.of(MALLORY, CONTRACTOR)) {
      for (String path :
          List.of(
              "api/v1/lineage/" + signups + "?direction=DOWNSTREAM&depth=5&level=COLUMN",
              "api/v1/lineage/" + signups + "?direction=DOWNSTREAM&depth=5",
              "api/v1/lineage/" + signupsEmail + "?depth=5&level=COLUMN",
              "api/v1/impact/" + signupsEmail + "?depth=5",
              "api/v1/impact/" + signups + "?depth=5",
              "api/v1/lineage/" + signupsEmail + "/export?format=csv&level=COLUMN&depth=5",
              "api/v1/lineage/" + signups + "/export?format=graphml&level=COLUMN&depth=5")) {
        String found = body(user, path);
        assertThat(found).as(user + " " + path).doesNotContain(CUSTOMERS);
        for (String guid : dependents.values()) {
          assertThat(found).as(user + " " + path).doesNotContain(guid);
        }
      }
      for (String to : dependents.values()) {
        assertThat(status(user, "api/v1/lineage/path?from=" + signupsEmail + "&to=" + to))
            .isEqualTo(404);
      }
    }
    // acme's reader sees them all on the same endpoints.
    String own =
        server
            .as(ACME)
            .ok("api/v1/lineage/" + signups + "?depth=5&level=COLUMN&direction=DOWNSTREAM")
            .toString();
    assertThat(own).contains(dependents.values().toArray(String[]::new));
    assertThat(
            status(
                ACME,
                "api/v1/lineage/path?from="
                    + signupsEmail
                    + "&to="
                    + dependents.get(CUSTOMERS + ".email")))
        .isEqualTo(200);
  }

  @Test
  void shouldShowTheSharedDatasetsColumnLineageToTheGrantee() {
    TenancyServer.Client globex = server.as(GLOBEX);
    String email = dependents.get(CUSTOMERS + ".email");
    String emailLineage = dependents.get("streaming/crm-loader:" + CUSTOMERS + ".email");
    JsonNode lineage = globex.ok("api/v1/lineage/" + email + "?level=COLUMN&depth=5");
    assertThat(names(lineage.path("nodes"))).contains(CUSTOMERS + ".email");
    assertThat(lineage.toString()).contains(emailLineage);
    // The input column is acme's unshared data: not a node of the grantee's lineage.
    assertThat(names(lineage.path("nodes"))).noneMatch(n -> n.startsWith(Lineage.topic("signups")));
    assertThat(globex.ok("api/v1/lineage/path?from=" + emailLineage + "&to=" + email).toString())
        .contains(CUSTOMERS + ".email");
    assertThat(globex.ok("api/v1/impact/" + emailLineage).toString()).contains(email);
    assertThat(body(GLOBEX, "api/v1/lineage/" + email + "/export?format=csv&level=COLUMN"))
        .contains(CUSTOMERS);
  }

  @Test
  void shouldAnswerTheAtlasApiForADependentExactlyAsForItsDataset() {
    for (String user : List.of(ACME, MALLORY, CONTRACTOR, GLOBEX)) {
      TenancyServer.Client as = server.as(user);
      // The Atlas API acts in the caller's tenant: globex sees acme's shared dataset nowhere.
      int dataset = as.get("api/atlas/v2/entity/guid/" + customers).statusCode();
      assertThat(dataset).as(user).isEqualTo(user.equals(ACME) ? 200 : 404);
      for (Map.Entry<String, String> d : dependents.entrySet()) {
        for (String path :
            List.of(
                "api/atlas/v2/entity/guid/" + d.getValue(),
                "api/atlas/v2/entity/uniqueAttribute/type/"
                    + typeOf(d.getKey())
                    + "?attr:qualifiedName="
                    + encode(d.getKey()),
                "api/atlas/v2/lineage/" + d.getValue())) {
          HttpResponse<String> r = as.get(path);
          assertThat(r.statusCode()).as(user + " GET " + path).isEqualTo(dataset);
          // A look-up by name echoes the name asked for; one by guid names nothing.
          if (dataset != 200 && !path.contains("uniqueAttribute")) {
            assertThat(r.body()).as(user + " GET " + path).doesNotContain(CUSTOMERS);
          }
        }
      }
      Map<String, java.util.Collection<String>> searches = new LinkedHashMap<>();
      searches.put("api/atlas/v2/search/basic?typeName=stream_column&limit=1000", columns.values());
      searches.put(
          "api/atlas/v2/search/basic?typeName=stream_column_lineage&limit=1000", entries.values());
      searches.put("api/atlas/v2/search/basic?query=customers*&limit=1000", columns.values());
      searches.forEach(
          (path, guids) -> {
            String found = body(user, path);
            for (String guid : guids) {
              assertThat(found.contains(guid)).as(user + " " + path).isEqualTo(dataset == 200);
            }
            assertThat(found.contains(CUSTOMERS)).as(user + " " + path).isEqualTo(dataset == 200);
          });
      if (!user.equals(GLOBEX)) {
        String lineage = body(user, "api/atlas/v2/lineage/" + signups + "?depth=5");
        assertThat(lineage.contains(CUSTOMERS)).as(user).isEqualTo(dataset == 200);
      }
    }
    // acme's reader finds the columns among the dataset's relationships.
    assertThat(body(ACME, "api/atlas/v2/entity/guid/" + customers))
        .contains(columns.values().toArray(String[]::new));
  }

  @Test
  void shouldFeedChangesOfADependentExactlyToThoseWhoMayReadItsDataset() {
    String phone = CUSTOMERS + ".phone";
    String phoneLineage = "streaming/crm-loader:" + phone;
    for (String user : List.of(ACME, MALLORY, CONTRACTOR)) {
      // The feed is in commit order: past the marker, a stream has passed every earlier change.
      await().atMost(Duration.ofSeconds(20)).until(() -> feeds.get(user).mentions("feed-marker"));
    }
    await().atMost(Duration.ofSeconds(20)).until(() -> feeds.get(GLOBEX).mentions(phoneLineage));
    assertThat(feeds.get(ACME).mentions(phone)).isTrue();
    assertThat(feeds.get(ACME).mentions(phoneLineage)).isTrue();
    assertThat(feeds.get(GLOBEX).mentions(phone)).isTrue();
    for (String user : List.of(MALLORY, CONTRACTOR)) {
      assertThat(feeds.get(user).data).as(user).noneMatch(d -> d.contains(CUSTOMERS));
      assertThat(feeds.get(user).mentions(Lineage.topic("signups") + ".phone_number"))
          .as(user + " hears the visible input's new column")
          .isTrue();
    }
    assertThat(feeds.get(GLOBEX).data).noneMatch(d -> d.contains("signups"));
  }

  private static List<String> names(JsonNode entities) {
    List<String> out = new ArrayList<>();
    entities.forEach(e -> out.add(e.path("qualifiedName").asText()));
    return out;
  }
}
