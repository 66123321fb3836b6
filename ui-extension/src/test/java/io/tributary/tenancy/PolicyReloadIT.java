package io.tributary.tenancy;

import static io.tributary.tenancy.TenancyServer.encode;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.tributary.ranger.tenancy.TenantRole;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Policy files edited while the server runs: a new grant applies at the next poll, a malformed file
 * is rejected with its last good version in force, a deleted file withdraws its grants.
 */
class PolicyReloadIT {
  private static final String ANALYST = "analyst";

  @TempDir static Path dataDir;
  private static TenancyServer server;
  private static Path policyFile;
  private static String orders;
  private static String payments;

  @BeforeAll
  static void start() {
    Users users =
        Users.write(
            dataDir.resolve("users.json"),
            List.of("acme"),
            Map.of(ANALYST, new Users.Extra(Set.of(), Set.of("analysts"), "default")));
    server = TenancyServer.start(dataDir, users, Map.of("policy.poll-interval", "200ms"));
    policyFile = dataDir.resolve("policies").resolve("analysts.json");
    assertThat(server.as(Users.PLATFORM).post("api/v1/tenants", "{\"id\":\"acme\"}").statusCode())
        .isEqualTo(201);
    assertThat(
            server
                .as(Users.user("acme", TenantRole.WRITER))
                .post(
                    "api/v1/lineage",
                    Lineage.job("acme-loader", List.of("orders"), List.of("payments")).json())
                .statusCode())
        .isEqualTo(201);
    orders = "api/v1/entities/" + guid("orders");
    payments = "api/v1/entities/" + guid("payments");
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  private static String guid(String topic) {
    return server
        .as(Users.PLATFORM)
        .ok(
            "api/v1/entities?type=kafka_topic&tenant=acme&qualifiedName="
                + encode(Lineage.topic(topic)))
        .path("entities")
        .get(0)
        .path("guid")
        .asText();
  }

  private static String grant(String dataset, String access) {
    return """
        {"policies": [{
          "name": "analysts-read",
          "resources": {
            "tenant": {"values": ["acme"]},
            "namespace": {"values": ["prod"]},
            "dataset": {"values": ["%s"]}
          },
          "policyItems": [{"accesses": [{"type": "%s", "isAllowed": true}], "groups": ["analysts"]}]
        }]}
        """
        .formatted(dataset, access);
  }

  private static int analyst(String path) {
    return server.as(ANALYST).get(path).statusCode();
  }

  private static JsonNode policyHealth() {
    return server.as(Users.PLATFORM).ok("api/v1/health").path("policy");
  }

  private static void write(String content) throws IOException {
    Path temp = policyFile.resolveSibling(".analysts.json.tmp");
    Files.writeString(temp, content, StandardCharsets.UTF_8);
    Files.move(temp, policyFile, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
  }

  @Test
  void shouldReloadPolicyFilesWithoutRestartAndKeepTheLastGoodOneWhenMalformed()
      throws IOException {
    assertThat(analyst(orders)).isEqualTo(404);
    long before = policyHealth().path("version").asLong();

    write(grant("orders", "read"));
    await().atMost(Duration.ofSeconds(30)).until(() -> analyst(orders) == 200);
    assertThat(analyst(payments)).isEqualTo(404);
    JsonNode health = policyHealth();
    assertThat(health.path("version").asLong()).isGreaterThan(before);
    assertThat(health.path("files").has("analysts.json")).isTrue();
    assertThat(health.path("rejected").has("analysts.json")).isFalse();

    write(grant("payments", "reed"));
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> policyHealth().path("rejected").has("analysts.json"));
    assertThat(policyHealth().path("rejected").path("analysts.json").asText()).contains("reed");
    assertThat(analyst(orders)).as("the last good version stays in force").isEqualTo(200);
    assertThat(analyst(payments)).isEqualTo(404);

    write("{\"policies\": [ not json");
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () -> !policyHealth().path("rejected").path("analysts.json").asText().contains("reed"));
    assertThat(analyst(orders)).isEqualTo(200);

    write(grant("payments", "read"));
    await().atMost(Duration.ofSeconds(30)).until(() -> analyst(payments) == 200);
    assertThat(analyst(orders)).isEqualTo(404);
    assertThat(policyHealth().path("rejected").has("analysts.json")).isFalse();

    Files.delete(policyFile);
    await().atMost(Duration.ofSeconds(30)).until(() -> analyst(payments) == 404);
    assertThat(policyHealth().path("files").has("analysts.json")).isFalse();
  }
}
