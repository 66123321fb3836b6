package io.tributary.tenancy;

import static io.tributary.tenancy.TenancyServer.encode;
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
 * Retention on a running server: acme keeps Kafka topics one second; a legal hold on {@code
 * held-out} keeps it (and its columns) through a purge, while the purge removes the other topics,
 * publishes their deletion on the change feed and leaves globex's topics alone.
 */
class RetentionIT {
  private static final String ADMIN = Users.user("acme", TenantRole.ADMIN);
  private static final String READER = Users.user("acme", TenantRole.READER);
  private static final String GLOBEX = Users.user("globex", TenantRole.ADMIN);
  private static final String BASE = "api/v1/governance/tenants/acme/";

  @TempDir static Path dataDir;
  private static TenancyServer server;

  @BeforeAll
  static void start() {
    Users users = Users.write(dataDir.resolve("users.json"), List.of("acme", "globex"), Map.of());
    server = TenancyServer.start(dataDir, users, Map.of("policy.poll-interval", "200ms"));
    for (String tenant : List.of("acme", "globex")) {
      status(201, server.as(Users.PLATFORM).post("api/v1/tenants", "{\"id\":\"" + tenant + "\"}"));
    }
    status(
        201,
        server
            .as(Users.user("acme", TenantRole.WRITER))
            .post(
                "api/v1/lineage",
                Lineage.job("keeper", List.of("held-in"), List.of("held-out"))
                    .columns(Map.of("email", "email"))
                    .json()));
    status(
        201,
        server
            .as(Users.user("acme", TenantRole.WRITER))
            .post("api/v1/lineage", Lineage.job("loose", List.of("a"), List.of("b")).json()));
    status(
        201,
        server
            .as(Users.user("globex", TenantRole.WRITER))
            .post("api/v1/lineage", Lineage.job("theirs", List.of("g"), List.of("h")).json()));
    status(
        200,
        server
            .as(ADMIN)
            .put(
                BASE + "retention-rules/topics",
                "{\"typeName\": \"kafka_topic\", \"olderThan\": \"PT1S\"}"));
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @Test
  void shouldKeepWhatALegalHoldNamesThroughAPurgeAndRemoveTheRest() throws Exception {
    String heldOut = guid("acme", "kafka_topic", "held-out@prod");
    HttpResponse<String> hold =
        server
            .as(ADMIN)
            .post(
                BASE + "legal-holds",
                "{\"guid\": \"" + heldOut + "\", \"reason\": \"litigation 2026-17\"}");
    status(201, hold);
    String holdId = TenancyServer.json(hold).path("id").asText();
    assertThat(
            server.as(READER).ok(BASE + "legal-holds").path("holds").get(0).path("reason").asText())
        .isEqualTo("litigation 2026-17");

    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                names(server.as(ADMIN).ok(BASE + "retention/dry-run").path("removed")).size() == 3);
    JsonNode plan = server.as(ADMIN).ok(BASE + "retention/dry-run");
    assertThat(names(plan.path("removed")))
        .containsExactlyInAnyOrder("held-in@prod", "a@prod", "b@prod");
    assertThat(names(plan.path("held"))).containsExactly("held-out@prod");
    assertThat(plan.path("held").get(0).path("heldBy").asText()).isEqualTo(holdId);
    assertThat(guid("acme", "kafka_topic", "a@prod")).as("a dry run removes nothing").isNotEmpty();

    try (FeedReader feed = FeedReader.open(server.as(ADMIN).request("api/v1/feed"))) {
      JsonNode purged = TenancyServer.json(server.as(ADMIN).post(BASE + "retention/purge", ""));
      assertThat(names(purged.path("removed")))
          .containsExactlyInAnyOrder("held-in@prod", "a@prod", "b@prod");
      String a = purged.path("removed").get(0).path("guid").asText();
      await()
          .atMost(Duration.ofSeconds(10))
          .until(() -> feed.mentions("ENTITY_DELETED") && feed.mentions(a));
    }
    assertThat(server.as(ADMIN).get("api/v1/entities/" + heldOut).statusCode()).isEqualTo(200);
    assertThat(found("acme", "kafka_topic", "a@prod")).isEmpty();
    assertThat(found("globex", "kafka_topic", "g@prod")).as("another tenant's topics").hasSize(1);

    status(204, server.as(ADMIN).delete(BASE + "legal-holds/" + holdId));
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                names(server.as(ADMIN).ok(BASE + "retention/dry-run").path("removed"))
                    .contains("held-out@prod"));
  }

  @Test
  void shouldHoldAWholeNamespace() {
    HttpResponse<String> hold =
        server
            .as(ADMIN)
            .post(BASE + "legal-holds", "{\"namespace\": \"prod\", \"reason\": \"audit\"}");
    status(201, hold);
    String id = TenancyServer.json(hold).path("id").asText();
    try {
      await()
          .atMost(Duration.ofSeconds(30))
          .until(() -> !server.as(ADMIN).ok(BASE + "retention/dry-run").path("held").isEmpty());
      JsonNode plan = server.as(ADMIN).ok(BASE + "retention/dry-run");
      assertThat(plan.path("removed")).isEmpty();
      plan.path("held").forEach(h -> assertThat(h.path("heldBy").asText()).isEqualTo(id));
    } finally {
      status(204, server.as(ADMIN).delete(BASE + "legal-holds/" + id));
    }
  }

  @Test
  void shouldKeepRetentionInsideItsTenantAndToItsAdministrators() {
    String acmeTopic = guid("acme", "kafka_topic", "held-out@prod");
    for (String path : List.of("retention-rules", "legal-holds", "retention/dry-run")) {
      assertThat(server.as(GLOBEX).get(BASE + path).statusCode()).as(path).isEqualTo(404);
    }
    assertThat(server.as(GLOBEX).post(BASE + "retention/purge", "").statusCode()).isEqualTo(404);
    assertThat(
            server
                .as(GLOBEX)
                .put(BASE + "retention-rules/x", "{\"olderThan\": \"P1D\"}")
                .statusCode())
        .isEqualTo(404);
    assertThat(server.as(GLOBEX).delete(BASE + "retention-rules/topics").statusCode())
        .isEqualTo(404);
    assertThat(
            server
                .as(GLOBEX)
                .post(
                    "api/v1/governance/tenants/globex/legal-holds",
                    "{\"guid\": \"" + acmeTopic + "\"}")
                .statusCode())
        .as("a hold in one's own tenant on another's entity")
        .isEqualTo(404);
    assertThat(server.as(READER).get(BASE + "retention-rules").statusCode()).isEqualTo(200);
    assertThat(server.as(READER).get(BASE + "retention/dry-run").statusCode()).isEqualTo(403);
    assertThat(server.as(READER).post(BASE + "retention/purge", "").statusCode()).isEqualTo(403);
    assertThat(
            server
                .as(READER)
                .put(BASE + "retention-rules/x", "{\"olderThan\": \"P1D\"}")
                .statusCode())
        .isEqualTo(403);
    HttpResponse<String> bad =
        server.as(ADMIN).put(BASE + "retention-rules/x", "{\"olderThan\": \"30 days\"}");
    assertThat(bad.statusCode()).isEqualTo(400);
    assertThat(bad.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    assertThat(
            server
                .as(ADMIN)
                .post(BASE + "legal-holds", "{\"guid\": \"x\", \"namespace\": \"prod\"}")
                .statusCode())
        .isEqualTo(400);
  }

  private static List<String> names(JsonNode candidates) {
    List<String> out = new ArrayList<>();
    candidates.forEach(c -> out.add(c.path("qualifiedName").asText()));
    return out;
  }

  private static JsonNode found(String tenant, String type, String qualifiedName) {
    return server
        .as(Users.PLATFORM)
        .ok(
            "api/v1/entities?type="
                + type
                + "&tenant="
                + tenant
                + "&qualifiedName="
                + encode(qualifiedName))
        .path("entities");
  }

  private static String guid(String tenant, String type, String qualifiedName) {
    JsonNode found = found(tenant, type, qualifiedName);
    assertThat(found).as(qualifiedName).hasSize(1);
    return found.get(0).path("guid").asText();
  }

  private static void status(int expected, HttpResponse<String> response) {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(expected);
  }
}
