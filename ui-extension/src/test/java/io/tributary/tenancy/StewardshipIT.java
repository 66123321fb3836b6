package io.tributary.tenancy;

import static io.tributary.tenancy.TenancyServer.encode;
import static io.tributary.tenancy.TenancyServer.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tributary.ranger.tenancy.TenantRole;
import io.tributary.testkit.kafka.KafkaBroker;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Stewardship and approvals on a running server with the real Ranger engine and policy files, the
 * audit sink and quality alerts on an in-process Kafka broker: proposals approved by N stewards and
 * applied, rejected, denied without Ranger's {@code approve}; an approved share that shows the
 * dataset to the other tenant; tasks the catalog makes for suspected PII, quality failures and
 * orphans, worked through claim, comment and resolve; and every endpoint kept inside its tenant.
 */
class StewardshipIT {
  private static final String ADMIN = Users.user("acme", TenantRole.ADMIN);
  private static final String WRITER = Users.user("acme", TenantRole.WRITER);
  private static final String READER = Users.user("acme", TenantRole.READER);
  private static final String GLOBEX = Users.user("globex", TenantRole.ADMIN);
  private static final String GLOBEX_READER = Users.user("globex", TenantRole.READER);
  private static final String STEWARD = "steward";
  private static final String BASE = "api/v1/governance/tenants/acme/";
  private static final String AUDIT = "audit";
  private static final String ALERTS = "quality-alerts";

  /** Stewards may approve anything of acme: Ranger's {@code approve} for their group. */
  private static final String APPROVERS =
      """
      {"policies": [
        {"name": "acme-stewards-approve-tenant", "resources": {"tenant": {"values": ["acme"]}},
         "policyItems": [{"accesses": [{"type": "approve", "isAllowed": true}], "groups": ["stewards"]}]},
        {"name": "acme-stewards-approve-namespaces",
         "resources": {"tenant": {"values": ["acme"]}, "namespace": {"values": ["*"]}},
         "policyItems": [{"accesses": [{"type": "approve", "isAllowed": true}], "groups": ["stewards"]}]},
        {"name": "acme-stewards-approve-datasets",
         "resources": {"tenant": {"values": ["acme"]}, "namespace": {"values": ["*"]},
                       "dataset": {"values": ["*"]}},
         "policyItems": [{"accesses": [{"type": "approve", "isAllowed": true}], "groups": ["stewards"]}]}
      ]}
      """;

  @TempDir static Path dataDir;
  private static KafkaBroker kafka;
  private static TenancyServer server;
  private static final List<JsonNode> audit = new CopyOnWriteArrayList<>();
  private static final List<JsonNode> alerts = new CopyOnWriteArrayList<>();
  private static Thread consumer;
  private static volatile boolean consuming = true;

  @BeforeAll
  static void start() throws Exception {
    kafka = KafkaBroker.builder().autoCreateTopics(true).start();
    kafka.createTopics(1, AUDIT, ALERTS);
    Users users =
        Users.write(
            dataDir.resolve("users.json"),
            List.of("acme", "globex"),
            Map.of(STEWARD, new Users.Extra(Set.of("acme.writer"), Set.of("stewards"), "acme")));
    server =
        TenancyServer.start(
            dataDir,
            users,
            Map.of(
                "policy.poll-interval",
                "200ms",
                "audit.sink",
                "kafka",
                "audit.kafka.bootstrap-servers",
                kafka.bootstrapServers(),
                "audit.kafka.topic",
                AUDIT,
                "governance.quality.kafka.bootstrap-servers",
                kafka.bootstrapServers(),
                "governance.quality.kafka.topic",
                ALERTS,
                "governance.stewardship.orphan-scan-interval",
                "1h"));
    for (String tenant : List.of("acme", "globex")) {
      status(201, server.as(Users.PLATFORM).post("api/v1/tenants", "{\"id\":\"" + tenant + "\"}"));
    }
    Files.createDirectories(dataDir.resolve("policies"));
    Files.writeString(dataDir.resolve("policies").resolve("stewards.json"), APPROVERS);
    consumer = new Thread(StewardshipIT::consume, "test-consumer");
    consumer.start();
    // Stewards of the namespace get the tasks the catalog makes there.
    status(
        200,
        server
            .as(ADMIN)
            .put(BASE + "namespaces/prod/stewardship", "{\"stewards\": [\"steward\"]}"));
    status(
        201,
        server
            .as(WRITER)
            .post(
                "api/v1/lineage",
                Lineage.job("loader", List.of("signups"), List.of("customers"))
                    .columns(Map.of("email", "email", "amount", "amount"))
                    .json()));
    // The steward's approve access is in force once the policy file is read.
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> server.as(STEWARD).get(BASE + "inbox").statusCode() == 200);
  }

  @AfterAll
  static void stop() throws Exception {
    consuming = false;
    consumer.join();
    server.close();
    kafka.close();
  }

  @Test
  void shouldApplyAProposalOnlyOnceTheTenantsNumberOfStewardsApprovedItAndAuditEachStep() {
    status(200, server.as(ADMIN).put(BASE + "approval-settings", "{\"requiredApprovals\": 2}"));
    String customers = guid("customers");
    HttpResponse<String> made =
        server
            .as(WRITER)
            .post(
                BASE + "proposals",
                "{\"kind\": \"description\", \"guid\": \""
                    + customers
                    + "\", \"change\": {\"description\": \"Every customer, one row each\"},"
                    + " \"reason\": \"undocumented\"}");
    status(201, made);
    String id = json(made).path("id").asText();
    assertThat(json(made).path("required").asInt()).isEqualTo(2);
    status(200, server.as(ADMIN).put(BASE + "approval-settings", "{\"requiredApprovals\": 1}"));

    assertThat(server.as(WRITER).post(BASE + "proposals/" + id + "/approve", "").statusCode())
        .as("a proposer cannot approve their own proposal")
        .isEqualTo(403);
    JsonNode inbox = server.as(STEWARD).ok(BASE + "inbox");
    assertThat(inbox.path("proposals").findValuesAsText("id")).contains(id);

    JsonNode first =
        json(
            server
                .as(STEWARD)
                .post(BASE + "proposals/" + id + "/approve", "{\"comment\": \"ok\"}"));
    assertThat(first.path("status").asText()).isEqualTo("pending");
    assertThat(first.path("approvals")).hasSize(1);
    assertThat(server.as(Users.PLATFORM).ok("api/v1/entities/" + customers).toString())
        .doesNotContain("Every customer");
    assertThat(server.as(STEWARD).ok(BASE + "inbox").path("proposals").findValuesAsText("id"))
        .as("approved by the steward: no longer awaiting them")
        .doesNotContain(id);

    JsonNode applied = json(server.as(ADMIN).post(BASE + "proposals/" + id + "/approve", ""));
    assertThat(applied.path("status").asText()).isEqualTo("applied");
    assertThat(server.as(READER).ok("api/v1/entities/" + customers).toString())
        .contains("Every customer, one row each");
    assertThat(server.as(STEWARD).post(BASE + "proposals/" + id + "/approve", "").statusCode())
        .as("decided already")
        .isEqualTo(409);

    await()
        .atMost(Duration.ofSeconds(20))
        .until(
            () ->
                auditOf(id).stream()
                    .map(a -> a.path("access").asText())
                    .toList()
                    .containsAll(List.of("propose", "approve", "apply")));
    assertThat(auditOf(id))
        .filteredOn(a -> a.path("access").asText().equals("approve"))
        .extracting(a -> a.path("reqUser").asText())
        .containsExactlyInAnyOrder(STEWARD, ADMIN);
  }

  @Test
  void shouldLeaveARejectedProposalUnappliedAndAuditTheRejection() {
    String amount = column("customers", "amount");
    HttpResponse<String> made =
        server
            .as(WRITER)
            .post(
                BASE + "proposals",
                "{\"kind\": \"classification\", \"guid\": \""
                    + amount
                    + "\", \"change\": {\"add\": \"PII\"}}");
    status(201, made);
    String id = json(made).path("id").asText();
    JsonNode rejected =
        json(
            server
                .as(STEWARD)
                .post(
                    BASE + "proposals/" + id + "/reject",
                    "{\"comment\": \"amounts are not PII\"}"));
    assertThat(rejected.path("status").asText()).isEqualTo("rejected");
    assertThat(rejected.path("rejection").path("user").asText()).isEqualTo(STEWARD);
    assertThat(
            server
                .as(ADMIN)
                .ok("api/v1/governance/entities/" + amount + "/classifications")
                .path("classifications"))
        .isEmpty();
    assertThat(
            server
                .as(ADMIN)
                .ok(BASE + "proposals?status=rejected")
                .path("proposals")
                .findValuesAsText("id"))
        .contains(id);
    await()
        .atMost(Duration.ofSeconds(20))
        .until(
            () -> auditOf(id).stream().anyMatch(a -> a.path("access").asText().equals("reject")));
  }

  @Test
  void shouldDenyApprovalToWhoeverRangerDoesNotGiveApprove() {
    HttpResponse<String> made =
        server
            .as(ADMIN)
            .post(
                BASE + "proposals",
                "{\"kind\": \"retention\", \"change\": {\"id\": \"old-runs\", \"olderThan\": \"P30D\","
                    + " \"typeName\": \"kafka_topic\"}}");
    status(201, made);
    String id = json(made).path("id").asText();
    for (String user : List.of(WRITER, READER)) {
      HttpResponse<String> denied = server.as(user).post(BASE + "proposals/" + id + "/approve", "");
      assertThat(denied.statusCode()).as(user).isEqualTo(403);
      assertThat(denied.headers().firstValue("Content-Type").orElse(""))
          .startsWith("application/problem+json");
      assertThat(server.as(user).post(BASE + "proposals/" + id + "/reject", "").statusCode())
          .isEqualTo(403);
    }
    assertThat(server.as(ADMIN).ok(BASE + "proposals/" + id).path("status").asText())
        .isEqualTo("pending");
    JsonNode applied = json(server.as(STEWARD).post(BASE + "proposals/" + id + "/approve", ""));
    assertThat(applied.path("status").asText()).isEqualTo("applied");
    assertThat(server.as(ADMIN).ok(BASE + "retention-rules").findValuesAsText("id"))
        .contains("old-runs");
  }

  @Test
  void shouldShowTheDatasetToTheOtherTenantOnlyOnceTheShareIsApproved() {
    String signups = guid("signups");
    assertThat(server.as(GLOBEX_READER).get("api/v1/entities/" + signups).statusCode())
        .isEqualTo(404);
    HttpResponse<String> made =
        server
            .as(WRITER)
            .post(
                BASE + "proposals",
                "{\"kind\": \"share\", \"guid\": \""
                    + signups
                    + "\", \"change\": {\"grantee\": \"globex\"}}");
    status(201, made);
    String id = json(made).path("id").asText();
    assertThat(server.as(GLOBEX_READER).get("api/v1/entities/" + signups).statusCode())
        .as("proposed, not approved")
        .isEqualTo(404);
    assertThat(
            json(server.as(STEWARD).post(BASE + "proposals/" + id + "/approve", ""))
                .path("status")
                .asText())
        .isEqualTo("applied");
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () -> server.as(GLOBEX_READER).get("api/v1/entities/" + signups).statusCode() == 200);
    assertThat(server.as(GLOBEX).ok("api/v1/tenants/globex/shares").toString()).contains("signups");
  }

  @Test
  void shouldMakeTasksForSuspectedPiiQualityFailuresAndOrphansAndWorkThemThroughTheInbox() {
    String email = column("customers", "email");
    await()
        .atMost(Duration.ofSeconds(20))
        .until(() -> tasks("pii").findValuesAsText("entityGuid").contains(email));
    assertThat(tasks("pii").findValuesAsText("entityGuid"))
        .as("a column whose name says nothing personal gets no task")
        .doesNotContain(column("customers", "amount"));

    status(
        200,
        server
            .as(ADMIN)
            .put(
                BASE + "quality-rules/enough-customers",
                "{\"dataset\": \""
                    + Lineage.topic("customers")
                    + "\", \"metric\": \"rowCount\", \"min\": 100}"));
    ObjectNode event = Lineage.job("loader", List.of("signups"), List.of("customers")).at(5).node();
    ((ObjectNode) event.path("outputs").get(0))
        .putObject("outputFacets")
        .putObject("outputStatistics")
        .put("_producer", Lineage.PRODUCER)
        .put(
            "_schemaURL",
            "https://openlineage.io/spec/facets/1-0-2/OutputStatisticsOutputDatasetFacet.json#/$defs/OutputStatisticsOutputDatasetFacet")
        .put("rowCount", 3);
    status(201, server.as(WRITER).post("api/v1/lineage", event.toString()));
    await().atMost(Duration.ofSeconds(20)).until(() -> !tasks("quality").isEmpty());
    await()
        .atMost(Duration.ofSeconds(20))
        .until(
            () ->
                alerts.stream().anyMatch(a -> a.path("rule").asText().equals("enough-customers")));
    assertThat(alerts)
        .filteredOn(a -> a.path("rule").asText().equals("enough-customers"))
        .first()
        .satisfies(
            a -> {
              assertThat(a.path("tenant").asText()).isEqualTo("acme");
              assertThat(a.path("passed").asBoolean()).isFalse();
              assertThat(a.path("value").asDouble()).isEqualTo(3.0);
            });

    status(
        200,
        server
            .as(WRITER)
            .post(
                "api/atlas/v2/entity/bulk",
                "{\"entities\":[{\"typeName\":\"kafka_topic\",\"guid\":\"-1\",\"attributes\":{"
                    + "\"qualifiedName\":\"lonely@prod\",\"name\":\"lonely\",\"topic\":\"lonely\","
                    + "\"uri\":\"lonely\"}}]}"));
    assertThat(json(server.as(ADMIN).post(BASE + "tasks/scan", "")).path("created").asInt())
        .isGreaterThanOrEqualTo(1);
    assertThat(tasks("orphan").findValuesAsText("qualifiedName")).contains("lonely@prod");
    assertThat(tasks("orphan").findValuesAsText("qualifiedName"))
        .as("written and read by a job: not orphaned")
        .doesNotContain(Lineage.topic("customers"));
    assertThat(json(server.as(ADMIN).post(BASE + "tasks/scan", "")).path("created").asInt())
        .as("once per dataset")
        .isZero();

    JsonNode inbox = server.as(STEWARD).ok(BASE + "inbox").path("tasks");
    assertThat(inbox.findValuesAsText("kind")).contains("pii", "quality", "orphan");
    String pii =
        tasks("pii").findParents("entityGuid").stream()
            .filter(t -> t.path("entityGuid").asText().equals(email))
            .findFirst()
            .orElseThrow()
            .path("id")
            .asText();
    assertThat(server.as(READER).post(BASE + "tasks/" + pii + "/claim", "").statusCode())
        .isEqualTo(403);
    assertThat(
            json(server.as(STEWARD).post(BASE + "tasks/" + pii + "/claim", ""))
                .path("status")
                .asText())
        .isEqualTo("claimed");
    status(
        201,
        server
            .as(STEWARD)
            .post(BASE + "tasks/" + pii + "/comments", "{\"text\": \"Proposing PII for it\"}"));
    JsonNode resolved =
        json(
            server
                .as(STEWARD)
                .post(BASE + "tasks/" + pii + "/resolve", "{\"resolution\": \"classified\"}"));
    assertThat(resolved.path("status").asText()).isEqualTo("resolved");
    assertThat(resolved.path("comments").get(0).path("text").asText())
        .isEqualTo("Proposing PII for it");
    assertThat(server.as(STEWARD).post(BASE + "tasks/" + pii + "/resolve", "").statusCode())
        .isEqualTo(409);
    assertThat(server.as(STEWARD).ok(BASE + "inbox").path("tasks").findValuesAsText("id"))
        .doesNotContain(pii);
  }

  @Test
  void shouldKeepOwnersStewardsAndHandMadeTasks() {
    String customers = guid("customers");
    JsonNode stewards =
        server.as(READER).ok("api/v1/governance/entities/" + customers + "/stewardship");
    assertThat(stewards.path("stewards").findValuesAsText("")).isEmpty();
    assertThat(stewards.path("stewards").get(0).asText()).isEqualTo(STEWARD);
    assertThat(stewards.path("stewardsFrom").asText()).isEqualTo("namespace");
    status(
        200,
        server
            .as(ADMIN)
            .put(
                "api/v1/governance/entities/" + customers + "/stewardship",
                "{\"owners\": [\"sales-team\"], \"stewards\": [\"alice\"]}"));
    JsonNode set = server.as(READER).ok("api/v1/governance/entities/" + customers + "/stewardship");
    assertThat(set.path("owners").get(0).asText()).isEqualTo("sales-team");
    assertThat(set.path("ownersFrom").asText()).isEqualTo("api");
    assertThat(set.path("stewards").get(0).asText()).isEqualTo("alice");
    assertThat(
            server
                .as(WRITER)
                .put(
                    "api/v1/governance/entities/" + customers + "/stewardship",
                    "{\"owners\": [\"me\"]}")
                .statusCode())
        .as("a writer proposes owners instead")
        .isEqualTo(403);

    HttpResponse<String> made =
        server
            .as(WRITER)
            .post(
                BASE + "tasks",
                "{\"title\": \"Document customers\", \"guid\": \"" + customers + "\"}");
    status(201, made);
    assertThat(json(made).path("assignee").asText()).isEqualTo("alice");
    assertThat(json(made).path("entity").path("qualifiedName").asText())
        .isEqualTo(Lineage.topic("customers"));
    String id = json(made).path("id").asText();
    assertThat(server.as(READER).ok(BASE + "tasks/" + id).path("title").asText())
        .isEqualTo("Document customers");
    assertThat(server.as(READER).ok(BASE + "stewardship").path("assignments"))
        .hasSizeGreaterThan(1);
  }

  @Test
  void shouldKeepEveryStewardshipEndpointInsideItsTenant() {
    String customers = guid("customers");
    String task =
        json(server.as(WRITER).post(BASE + "tasks", "{\"title\": \"acme only\"}"))
            .path("id")
            .asText();
    String proposal =
        json(server
                .as(WRITER)
                .post(
                    BASE + "proposals",
                    "{\"kind\": \"owner\", \"guid\": \""
                        + customers
                        + "\", \"change\": {\"owners\": [\"x\"]}}"))
            .path("id")
            .asText();
    for (String path :
        List.of(
            "inbox",
            "tasks",
            "tasks/" + task,
            "proposals",
            "proposals/" + proposal,
            "stewardship",
            "approval-settings")) {
      HttpResponse<String> r = server.as(GLOBEX).get(BASE + path);
      assertThat(r.statusCode()).as(path).isEqualTo(404);
      assertThat(r.body()).as(path).doesNotContain("acme only").doesNotContain(customers);
    }
    assertThat(
            server
                .as(GLOBEX)
                .get("api/v1/governance/entities/" + customers + "/stewardship")
                .statusCode())
        .isEqualTo(404);
    for (String[] post :
        List.of(
            new String[] {BASE + "tasks", "{\"title\": \"t\"}"},
            new String[] {BASE + "tasks/" + task + "/claim", ""},
            new String[] {BASE + "tasks/" + task + "/comments", "{\"text\": \"t\"}"},
            new String[] {BASE + "tasks/" + task + "/resolve", ""},
            new String[] {BASE + "tasks/scan", ""},
            new String[] {BASE + "proposals", "{\"kind\": \"retention\", \"change\": {}}"},
            new String[] {BASE + "proposals/" + proposal + "/approve", ""},
            new String[] {BASE + "proposals/" + proposal + "/reject", ""})) {
      assertThat(server.as(GLOBEX).post(post[0], post[1]).statusCode()).as(post[0]).isEqualTo(404);
    }
    for (String[] put :
        List.of(
            new String[] {BASE + "approval-settings", "{\"requiredApprovals\": 3}"},
            new String[] {BASE + "namespaces/prod/stewardship", "{\"stewards\": [\"g\"]}"},
            new String[] {
              "api/v1/governance/entities/" + customers + "/stewardship", "{\"owners\": [\"g\"]}"
            })) {
      assertThat(server.as(GLOBEX).put(put[0], put[1]).statusCode()).as(put[0]).isEqualTo(404);
    }
    assertThat(
            server
                .as(GLOBEX)
                .post(
                    "api/v1/governance/tenants/globex/proposals",
                    "{\"kind\": \"description\", \"guid\": \""
                        + customers
                        + "\", \"change\": {\"description\": \"x\"}}")
                .statusCode())
        .as("another tenant's entity, named from one's own tenant")
        .isEqualTo(404);
    assertThat(server.as(GLOBEX).ok("api/v1/governance/tenants/globex/tasks").path("tasks"))
        .isEmpty();
    assertThat(server.as(GLOBEX).ok("api/v1/governance/tenants/globex/proposals").path("proposals"))
        .isEmpty();
    assertThat(
            server
                .as(READER)
                .put(BASE + "approval-settings", "{\"requiredApprovals\": 3}")
                .statusCode())
        .isEqualTo(403);
  }

  @Test
  void shouldAnswerBadInputWithProblems() {
    String customers = guid("customers");
    Map<String, Integer> bad =
        Map.of(
            "not json",
            400,
            "{\"kind\": \"nonsense\", \"change\": {}}",
            400,
            "{\"kind\": \"description\", \"guid\": \"" + customers + "\"}",
            400,
            "{\"kind\": \"classification\", \"guid\": \""
                + customers
                + "\", \"change\": {\"add\": \"NoSuchType\"}}",
            422,
            "{\"kind\": \"classification\", \"guid\": \"" + customers + "\", \"change\": {}}",
            422,
            "{\"kind\": \"share\", \"guid\": \""
                + customers
                + "\", \"change\": {\"grantee\": \"nobody-here\"}}",
            422,
            "{\"kind\": \"retention\", \"change\": {\"id\": \"r\", \"olderThan\": \"a month\"}}",
            422,
            "{\"kind\": \"retention\", \"change\": {\"id\": \"r\", \"olderThan\": \"P1D\","
                + " \"typeName\": \"nope\"}}",
            422,
            "{\"kind\": \"description\", \"guid\": \""
                + UUID.randomUUID()
                + "\", \"change\": {\"description\": \"x\"}}",
            404);
    bad.forEach(
        (body, expected) -> {
          HttpResponse<String> r = server.as(WRITER).post(BASE + "proposals", body);
          assertThat(r.statusCode()).as(body).isEqualTo(expected);
          assertThat(r.headers().firstValue("Content-Type").orElse(""))
              .as(body)
              .startsWith("application/problem+json");
        });
    assertThat(server.as(WRITER).post(BASE + "tasks", "{\"title\": 7}").statusCode())
        .isEqualTo(400);
    assertThat(server.as(WRITER).post(BASE + "tasks", "{}").statusCode()).isEqualTo(400);
    assertThat(server.as(WRITER).get(BASE + "tasks?status=maybe").statusCode()).isEqualTo(400);
    assertThat(
            server
                .as(ADMIN)
                .put(BASE + "approval-settings", "{\"requiredApprovals\": 0}")
                .statusCode())
        .isEqualTo(422);
    assertThat(
            server
                .as(ADMIN)
                .put(BASE + "approval-settings", "{\"requiredApprovals\": \"2\"}")
                .statusCode())
        .isEqualTo(400);
    assertThat(server.as(WRITER).get(BASE + "tasks/no-such-task").statusCode()).isEqualTo(404);
    assertThat(server.as(WRITER).post(BASE + "proposals/no-such/approve", "").statusCode())
        .isEqualTo(404);
  }

  private static JsonNode tasks(String kind) {
    JsonNode tasks = server.as(ADMIN).ok(BASE + "tasks?kind=" + kind).path("tasks");
    return tasks;
  }

  private static List<JsonNode> auditOf(String proposal) {
    return audit.stream().filter(a -> a.path("resource").asText().contains(proposal)).toList();
  }

  private static String guid(String topic) {
    JsonNode found =
        server
            .as(Users.PLATFORM)
            .ok(
                "api/v1/entities?type=kafka_topic&tenant=acme&qualifiedName="
                    + encode(Lineage.topic(topic)))
            .path("entities");
    assertThat(found).hasSize(1);
    return found.get(0).path("guid").asText();
  }

  private static String column(String topic, String column) {
    JsonNode found =
        server
            .as(Users.PLATFORM)
            .ok("api/v1/entities?type=stream_column&tenant=acme&limit=100")
            .path("entities");
    for (JsonNode e : found) {
      if (e.path("qualifiedName").asText().contains(topic)
          && e.path("name").asText().equals(column)) {
        return e.path("guid").asText();
      }
    }
    throw new AssertionError("no column " + column + " of " + topic + " in " + found);
  }

  private static void consume() {
    Properties p = new Properties();
    p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
    p.put(ConsumerConfig.GROUP_ID_CONFIG, "stewardship-it");
    p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
    p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
    try (KafkaConsumer<String, String> c = new KafkaConsumer<>(p)) {
      c.subscribe(List.of(AUDIT, ALERTS));
      while (consuming) {
        for (var record : c.poll(Duration.ofMillis(200))) {
          try {
            JsonNode value = TenancyServer.JSON.readTree(record.value());
            (record.topic().equals(AUDIT) ? audit : alerts).add(value);
          } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
          }
        }
      }
    }
  }

  private static void status(int expected, HttpResponse<String> response) {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(expected);
  }
}
