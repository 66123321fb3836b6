package io.tributary.tenancy;

import static io.tributary.tenancy.TenancyServer.encode;
import static io.tributary.tenancy.TenancyServer.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.tributary.ranger.tenancy.TenantRole;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Search, questions, summaries and insights show each tenant only what it may read: acme and globex
 * both have a contacts topic with an email field; neither ever sees the other's.
 */
class SearchTenancyIT {
  private static final String ACME = Users.user("acme", TenantRole.READER);
  private static final String GLOBEX = Users.user("globex", TenantRole.READER);

  @TempDir static Path dataDir;
  private static TenancyServer server;
  private static String acmeContacts;

  @BeforeAll
  static void start() {
    server = TenancyServer.withTenants(dataDir, List.of("acme", "globex"));
    server.ingest(
        "acme",
        Lineage.job("crm-sync", List.of("signups"), List.of("crm.contacts"))
            .columns(Map.of("email", "mail_address", "first_name", "name"))
            .json());
    server.ingest(
        "globex",
        Lineage.job("lead-loader", List.of("leads"), List.of("globex.contacts"))
            .columns(Map.of("email", "lead_email"))
            .json());
    await()
        .atMost(Duration.ofSeconds(60))
        .until(
            () ->
                search(ACME, "customer emails", "hybrid").stream()
                        .anyMatch(e -> e.path("name").asText().equals("crm.contacts"))
                    && search(GLOBEX, "customer emails", "hybrid").stream()
                        .anyMatch(e -> e.path("name").asText().equals("globex.contacts")));
    acmeContacts =
        search(ACME, "crm.contacts", "keyword").stream()
            .filter(e -> e.path("typeName").asText().equals("kafka_topic"))
            .findFirst()
            .orElseThrow()
            .path("guid")
            .asText();
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @Test
  void customerEmailsFindsTheContactsTopicByTheMeaningOfItsEmailField() {
    List<JsonNode> hits = search(ACME, "customer emails", null);
    assertThat(hits.get(0).path("name").asText()).isEqualTo("crm.contacts");
  }

  @Test
  void everySearchModeShowsEachTenantOnlyItsOwnEntities() {
    for (String mode : List.of("keyword", "semantic", "hybrid")) {
      for (String q : List.of("contacts", "customer emails", "email", "crm.contacts")) {
        assertThat(search(ACME, q, mode)).allMatch(e -> e.path("tenant").asText().equals("acme"));
        assertThat(search(GLOBEX, q, mode))
            .allMatch(e -> e.path("tenant").asText().equals("globex"));
      }
    }
  }

  @Test
  void questionsNeverNameAnotherTenantsEntities() {
    JsonNode own = ok(ACME, "api/v1/ask?q=" + encode("what feeds crm.contacts"));
    assertThat(own.path("intent").asText()).isEqualTo("upstream");
    assertThat(own.path("answer").asText()).contains("crm-sync");
    assertThat(own.path("graph").path("nodes")).isNotEmpty();
    for (String q :
        List.of(
            "what feeds crm.contacts",
            "who reads signups",
            "which topics have an email field",
            "how many kafka topics",
            "customer emails")) {
      String body = ok(GLOBEX, "api/v1/ask?q=" + encode(q)).toString();
      assertThat(body).doesNotContain(acmeContacts).doesNotContain("crm-sync");
    }
  }

  @Test
  void summariesAndInsightsOfAnotherTenantAreNotFound() {
    assertThat(server.as(GLOBEX).get("api/v1/entities/" + acmeContacts + "/summary").statusCode())
        .isEqualTo(404);
    JsonNode summary = ok(ACME, "api/v1/entities/" + acmeContacts + "/summary");
    assertThat(summary.path("summary").asText()).contains("crm-sync").contains("2 fields");
    assertThat(ok(GLOBEX, "api/v1/insights").toString()).doesNotContain(acmeContacts);
    assertThat(ok(ACME, "api/v1/insights").path("insights")).isNotEmpty();
  }

  @Test
  void badQuestionsAndModesAreProblems() {
    HttpResponse<String> noQuestion = server.as(ACME).get("api/v1/ask");
    assertThat(noQuestion.statusCode()).isEqualTo(400);
    assertThat(noQuestion.headers().firstValue("Content-Type"))
        .hasValue("application/problem+json");
    assertThat(server.as(ACME).get("api/v1/search?q=x&mode=fuzzy").statusCode()).isEqualTo(400);
    assertThat(server.as(null).get("api/v1/ask?q=who").statusCode()).isEqualTo(401);
  }

  private static List<JsonNode> search(String user, String q, String mode) {
    JsonNode body =
        ok(user, "api/v1/search?q=" + encode(q) + (mode == null ? "" : "&mode=" + mode));
    List<JsonNode> out = new ArrayList<>();
    body.path("entities").forEach(out::add);
    return out;
  }

  private static JsonNode ok(String user, String path) {
    HttpResponse<String> r = server.as(user).get(path);
    assertThat(r.statusCode()).as(user + " GET " + path + ": " + r.body()).isEqualTo(200);
    return json(r);
  }
}
