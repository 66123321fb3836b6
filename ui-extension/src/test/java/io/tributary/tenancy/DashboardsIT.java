package io.tributary.tenancy;

import static io.tributary.tenancy.TenancyServer.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.tributary.ranger.tenancy.TenantRole;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Dashboards per user and per tenant on a server with authentication: who sees and who edits what,
 * across users of one tenant and across tenants, and what a bad body answers.
 */
class DashboardsIT {
  private static final String ACME_READER = Users.user("acme", TenantRole.READER);
  private static final String ACME_WRITER = Users.user("acme", TenantRole.WRITER);
  private static final String ACME_ADMIN = Users.user("acme", TenantRole.ADMIN);
  private static final String GLOBEX_ADMIN = Users.user("globex", TenantRole.ADMIN);
  private static final String GLOBEX_READER = Users.user("globex", TenantRole.READER);

  @TempDir static Path dataDir;
  private static TenancyServer server;

  @BeforeAll
  static void start() {
    Users users = Users.write(dataDir.resolve("users.json"), List.of("acme", "globex"), Map.of());
    server = TenancyServer.start(dataDir, users, Map.of());
    for (String tenant : List.of("acme", "globex")) {
      status(server.as(Users.PLATFORM).post("api/v1/tenants", "{\"id\":\"" + tenant + "\"}"), 201);
    }
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  private static JsonNode status(HttpResponse<String> response, int expected) {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(expected);
    return response.body().isEmpty() ? null : json(response);
  }

  private static String body(String title, Boolean shared) {
    return "{\"title\":\""
        + title
        + "\","
        + (shared == null ? "" : "\"shared\":" + shared + ",")
        + "\"widgets\":[{\"id\":\"h\",\"type\":\"streaming-health\",\"x\":0,\"y\":0,\"w\":6,\"h\":4,"
        + "\"config\":{\"staleMinutes\":5}},"
        + "{\"id\":\"f\",\"type\":\"freshness\",\"x\":6,\"y\":0,\"w\":6,\"h\":4}]}";
  }

  private static String create(String user, String title, Boolean shared) {
    return status(server.as(user).post("api/v1/dashboards", body(title, shared)), 201)
        .path("id")
        .asText();
  }

  private static List<String> titles(String user, String query) {
    List<String> out = new ArrayList<>();
    server
        .as(user)
        .ok("api/v1/dashboards" + query)
        .path("dashboards")
        .forEach(d -> out.add(d.path("title").asText()));
    return out;
  }

  @Test
  void personalDashboardIsSeenAndEditedByItsOwnerOnly() {
    String id = create(ACME_READER, "Reader's own", null);

    JsonNode read = server.as(ACME_READER).ok("api/v1/dashboards/" + id);
    assertThat(read.path("shared").asBoolean()).isFalse();
    assertThat(read.path("owner").asText()).isEqualTo(ACME_READER);
    assertThat(read.path("editable").asBoolean()).isTrue();
    assertThat(read.path("widgets")).hasSize(2);
    assertThat(read.at("/widgets/0/config/staleMinutes").asInt()).isEqualTo(5);
    assertThat(titles(ACME_READER, "")).contains("Reader's own");

    // Another user of the same tenant, even its administrator, neither sees nor edits it.
    for (String other : List.of(ACME_WRITER, ACME_ADMIN)) {
      assertThat(titles(other, "")).doesNotContain("Reader's own");
      status(server.as(other).get("api/v1/dashboards/" + id), 404);
      status(server.as(other).put("api/v1/dashboards/" + id, body("Taken over", null)), 404);
      status(server.as(other).delete("api/v1/dashboards/" + id), 404);
    }

    JsonNode changed =
        status(server.as(ACME_READER).put("api/v1/dashboards/" + id, body("Renamed", null)), 200);
    assertThat(changed.path("title").asText()).isEqualTo("Renamed");
    assertThat(server.as(ACME_READER).ok("api/v1/dashboards/" + id).path("title").asText())
        .isEqualTo("Renamed");
  }

  @Test
  void sharedDashboardIsSeenByTheTenantAndEditedByItsWritersOnly() {
    String id = create(ACME_WRITER, "Acme operations", true);

    for (String member : List.of(ACME_READER, ACME_ADMIN)) {
      assertThat(titles(member, "")).contains("Acme operations");
    }
    JsonNode asReader = server.as(ACME_READER).ok("api/v1/dashboards/" + id);
    assertThat(asReader.path("editable").asBoolean()).isFalse();
    status(server.as(ACME_READER).put("api/v1/dashboards/" + id, body("Mine now", true)), 403);
    status(server.as(ACME_READER).delete("api/v1/dashboards/" + id), 403);
    // A reader may not share with the tenant either.
    status(server.as(ACME_READER).post("api/v1/dashboards", body("Loud", true)), 403);

    status(server.as(ACME_ADMIN).put("api/v1/dashboards/" + id, body("Acme ops", true)), 200);
    assertThat(titles(ACME_READER, "")).contains("Acme ops").doesNotContain("Acme operations");
  }

  @Test
  void anotherTenantCannotListReadChangeOrDeleteDashboards() {
    String shared = create(ACME_ADMIN, "Acme shared board", true);
    String personal = create(ACME_ADMIN, "Acme personal board", false);

    status(server.as(GLOBEX_ADMIN).get("api/v1/dashboards?tenant=acme"), 403);
    status(server.as(GLOBEX_READER).get("api/v1/dashboards?tenant=acme"), 403);
    assertThat(titles(GLOBEX_ADMIN, "")).doesNotContain("Acme shared board", "Acme personal board");
    for (String id : List.of(shared, personal)) {
      status(server.as(GLOBEX_ADMIN).get("api/v1/dashboards/" + id), 404);
      status(server.as(GLOBEX_ADMIN).get("api/v1/dashboards/" + id + "/export"), 404);
      status(server.as(GLOBEX_ADMIN).put("api/v1/dashboards/" + id, body("Hijacked", true)), 404);
      status(server.as(GLOBEX_ADMIN).delete("api/v1/dashboards/" + id), 404);
    }
    status(server.as(GLOBEX_ADMIN).post("api/v1/dashboards?tenant=acme", body("In", true)), 403);
    assertThat(server.as(ACME_ADMIN).ok("api/v1/dashboards/" + shared).path("title").asText())
        .isEqualTo("Acme shared board");
  }

  @Test
  void dashboardsStayOutOfSearchStatisticsAndTheEntityApi() {
    String id = create(ACME_WRITER, "Hidden from search", true);

    JsonNode stats = server.as(ACME_ADMIN).ok("api/v1/stats");
    assertThat(stats.path("entitiesByType").has("tributary_dashboard")).isFalse();
    status(server.as(ACME_ADMIN).get("api/v1/entities/" + id), 404);
    JsonNode search = server.as(ACME_ADMIN).ok("api/v1/search?q=Hidden");
    assertThat(search.toString()).doesNotContain(id);
  }

  @Test
  void exportedDashboardImportsAsANewPersonalOne() {
    String id = create(ACME_WRITER, "To export", true);
    HttpResponse<String> exported =
        server.as(ACME_WRITER).get("api/v1/dashboards/" + id + "/export");
    JsonNode document = status(exported, 200);
    assertThat(exported.headers().firstValue("Content-Disposition"))
        .get()
        .asString()
        .contains("To-export.dashboard.json");
    assertThat(document.path("format").asText()).isEqualTo("tributary.dashboard/v1");
    assertThat(document.has("owner")).isFalse();

    JsonNode imported =
        status(server.as(ACME_READER).post("api/v1/dashboards/import", document.toString()), 201);
    assertThat(imported.path("id").asText()).isNotEqualTo(id);
    assertThat(imported.path("owner").asText()).isEqualTo(ACME_READER);
    assertThat(imported.path("shared").asBoolean()).isFalse();
    assertThat(imported.path("widgets")).isEqualTo(document.path("widgets"));
  }

  @Test
  void aTenantWithoutSharedDashboardsIsOfferedTheBuiltInHealthDashboard() {
    JsonNode list = server.as(GLOBEX_READER).ok("api/v1/dashboards");
    assertThat(list.path("dashboards").get(0).path("id").asText()).isEqualTo("default");
    JsonNode builtIn = server.as(GLOBEX_READER).ok("api/v1/dashboards/default");
    assertThat(builtIn.path("builtIn").asBoolean()).isTrue();
    assertThat(builtIn.path("editable").asBoolean()).isFalse();
    List<String> types = new ArrayList<>();
    builtIn.path("widgets").forEach(w -> types.add(w.path("type").asText()));
    assertThat(types).contains("streaming-health", "ingest-rate", "freshness", "edge-backlog");
    status(server.as(GLOBEX_ADMIN).put("api/v1/dashboards/default", body("x", true)), 409);
  }

  @Test
  void badBodiesAnswerProblemsNamingWhatIsWrong() {
    HttpResponse<String> notJson = server.as(ACME_WRITER).post("api/v1/dashboards", "{\"title\":");
    assertThat(notJson.headers().firstValue("Content-Type"))
        .get()
        .asString()
        .startsWith("application/problem+json");
    assertThat(status(notJson, 400).path("type").asText()).endsWith("invalid-json");
    status(server.as(ACME_WRITER).post("api/v1/dashboards", "[1,2]"), 400);

    HttpResponse<String> invalid =
        server
            .as(ACME_WRITER)
            .post(
                "api/v1/dashboards",
                "{\"title\":\"\",\"shared\":\"yes\",\"widgets\":[{\"id\":\"a\",\"type\":\"pie\","
                    + "\"x\":10,\"y\":0,\"w\":4,\"h\":0,\"config\":[]}]}");
    assertThat(invalid.headers().firstValue("Content-Type"))
        .get()
        .asString()
        .startsWith("application/problem+json");
    JsonNode problem = status(invalid, 422);
    List<String> pointers = new ArrayList<>();
    problem.path("violations").forEach(v -> pointers.add(v.path("pointer").asText()));
    assertThat(pointers)
        .contains(
            "/title",
            "/shared",
            "/widgets/0/type",
            "/widgets/0/w",
            "/widgets/0/h",
            "/widgets/0/config");
  }
}
