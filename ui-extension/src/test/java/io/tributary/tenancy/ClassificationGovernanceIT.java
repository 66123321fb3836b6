package io.tributary.tenancy;

import static io.tributary.tenancy.TenancyServer.encode;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tributary.ranger.tenancy.TenantRole;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * Classification automation end to end, with the real Ranger engine and a tag policy written once
 * before any data: acme's rule classifies {@code signups.email_address} as PII; column lineage
 * carries it to {@code customers.contact} and on to {@code exports.reach}; a masking hash stops it
 * at {@code hashed.token}, and an {@code INDIRECT} filter at {@code hashed.region}. A contractor
 * whom the tag policy denies PII loses the propagated column without anyone touching a policy.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClassificationGovernanceIT {
  private static final String CONTRACTOR = "contractor";
  private static final String ACME_ADMIN = Users.user("acme", TenantRole.ADMIN);
  private static final String ACME_WRITER = Users.user("acme", TenantRole.WRITER);
  private static final String ACME_READER = Users.user("acme", TenantRole.READER);
  private static final String GLOBEX_ADMIN = Users.user("globex", TenantRole.ADMIN);
  private static final String RULES = "api/v1/governance/tenants/acme/classification-rules";

  private static final String TAG_POLICY =
      """
      {"tagPolicies": {"policies": [{
        "name": "no-pii-for-contractors",
        "resources": {"tag": {"values": ["PII"]}},
        "denyPolicyItems": [{"accesses": [{"type": "tributary:read", "isAllowed": true},
                                          {"type": "tributary:lineage", "isAllowed": true}],
                             "groups": ["contractors"]}]
      }]}}
      """;

  @TempDir static Path dataDir;
  private static TenancyServer server;

  @BeforeAll
  static void start() throws Exception {
    Users users =
        Users.write(
            dataDir.resolve("users.json"),
            List.of("acme", "globex", "capped"),
            Map.of(
                CONTRACTOR, new Users.Extra(Set.of("acme.reader"), Set.of("contractors"), "acme")));
    server = TenancyServer.start(dataDir, users, Map.of("policy.poll-interval", "200ms"));
    for (String tenant : List.of("acme", "globex")) {
      status(201, server.as(Users.PLATFORM).post("api/v1/tenants", "{\"id\":\"" + tenant + "\"}"));
    }
    Files.createDirectories(dataDir.resolve("policies"));
    Files.writeString(dataDir.resolve("policies").resolve("pii-tag.json"), TAG_POLICY);
    status(
        200,
        server
            .as(ACME_ADMIN)
            .put(
                RULES,
                """
                {"rules": [{"classification": "PII", "pattern": "(?i)email", "appliesTo": "column",
                            "confidence": 0.9}]}
                """));
    ingest(
        hop(
            "signup-enrich",
            "signups",
            "customers",
            List.of(field("contact", "signups", "email_address", "DIRECT", "IDENTITY", false)),
            List.of("email_address", "country")));
    ingest(
        hop(
            "customer-export",
            "customers",
            "exports",
            List.of(field("reach", "customers", "contact", "DIRECT", "IDENTITY", false)),
            List.of("contact")));
    ingest(
        hop(
            "hasher",
            "exports",
            "hashed",
            List.of(
                field("token", "exports", "reach", "DIRECT", "TRANSFORMATION", true),
                field("region", "exports", "reach", "INDIRECT", "FILTER", false)),
            List.of("reach")));
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @Test
  @Order(1)
  void shouldClassifyByRuleAndPropagateWithThePathItCameBy() {
    JsonNode email = classifications(column("signups", "email_address"));
    assertThat(email.path("classifications")).hasSize(1);
    JsonNode rule = email.path("classifications").get(0);
    assertThat(rule.path("name").asText()).isEqualTo("PII");
    assertThat(rule.path("source").asText()).isEqualTo("rule");
    assertThat(rule.path("confidence").asDouble()).isEqualTo(0.9);
    assertThat(rule.path("rule").asText()).contains("(?i)email");

    JsonNode contact = classifications(column("customers", "contact")).path("classifications");
    assertThat(contact).hasSize(1);
    assertThat(contact.get(0).path("source").asText()).isEqualTo("propagated");
    assertThat(texts(contact.get(0).path("path"))).containsExactly("signups@prod.email_address");

    JsonNode reach = classifications(column("exports", "reach")).path("classifications");
    assertThat(reach.get(0).path("name").asText()).isEqualTo("PII");
    assertThat(texts(reach.get(0).path("path")))
        .containsExactly("signups@prod.email_address", "customers@prod.contact");
  }

  @Test
  @Order(2)
  void shouldStopAtAMaskingTransformationAndAtAnIndirectOne() {
    assertThat(classifications(column("hashed", "token")).path("classifications")).isEmpty();
    assertThat(classifications(column("hashed", "region")).path("classifications")).isEmpty();
    assertThat(classifications(column("signups", "country")).path("classifications")).isEmpty();
  }

  @Test
  @Order(3)
  void shouldLetTheTagPolicyDenyAContractorAColumnThatBecamePiiByPropagation() {
    String contact = "api/v1/entities/" + column("customers", "contact");
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> server.as(CONTRACTOR).get(contact).statusCode() == 404);
    assertThat(server.as(ACME_READER).get(contact).statusCode()).isEqualTo(200);
    assertThat(
            server.as(CONTRACTOR).get("api/v1/entities/" + column("hashed", "token")).statusCode())
        .as("the masked column carries no PII")
        .isEqualTo(200);
    assertThat(
            server
                .as(CONTRACTOR)
                .get(
                    "api/v1/governance/entities/" + column("exports", "reach") + "/classifications")
                .statusCode())
        .isEqualTo(404);
  }

  @Test
  @Order(4)
  void shouldListATenantsClassifiedEntitiesOnlyToItsMembers() {
    JsonNode pii =
        server
            .as(ACME_READER)
            .ok("api/v1/governance/tenants/acme/classifications?classification=PII");
    assertThat(names(pii.path("entities")))
        .containsExactlyInAnyOrder(
            "signups@prod.email_address", "customers@prod.contact", "exports@prod.reach");
    assertThat(
            names(
                server
                    .as(CONTRACTOR)
                    .ok("api/v1/governance/tenants/acme/classifications?classification=PII")
                    .path("entities")))
        .as("what the tag policy hides is not listed either")
        .isEmpty();
    assertThat(
            server
                .as(GLOBEX_ADMIN)
                .get("api/v1/governance/tenants/acme/classifications?classification=PII")
                .statusCode())
        .isEqualTo(404);
    assertThat(
            server
                .as(ACME_READER)
                .get("api/v1/governance/tenants/acme/classifications?classification=NOPE")
                .statusCode())
        .isEqualTo(400);
  }

  @Test
  @Order(5)
  void shouldKeepEveryGovernanceEndpointInsideItsTenant() {
    String email = column("signups", "email_address");
    String entity = "api/v1/governance/entities/" + email + "/classifications";
    assertThat(server.as(GLOBEX_ADMIN).get(RULES).statusCode()).isEqualTo(404);
    assertThat(server.as(GLOBEX_ADMIN).put(RULES, "{\"rules\": []}").statusCode()).isEqualTo(404);
    assertThat(
            server
                .as(GLOBEX_ADMIN)
                .post("api/v1/governance/tenants/acme/classifications/reevaluate", "")
                .statusCode())
        .isEqualTo(404);
    assertThat(server.as(GLOBEX_ADMIN).get(entity).statusCode()).isEqualTo(404);
    assertThat(
            server
                .as(GLOBEX_ADMIN)
                .post(entity, "{\"classification\": \"SENSITIVE\"}")
                .statusCode())
        .isEqualTo(404);
    assertThat(server.as(GLOBEX_ADMIN).delete(entity + "/PII").statusCode()).isEqualTo(404);
    assertThat(server.as(Users.NOBODY).get(RULES).statusCode()).isEqualTo(404);
    // Members who may read but not administer or write.
    assertThat(server.as(ACME_READER).get(RULES).statusCode()).isEqualTo(200);
    assertThat(server.as(ACME_READER).put(RULES, "{\"rules\": []}").statusCode()).isEqualTo(403);
    assertThat(
            server.as(ACME_READER).post(entity, "{\"classification\": \"SENSITIVE\"}").statusCode())
        .isEqualTo(403);
    assertThat(server.as(ACME_READER).delete(entity + "/PII").statusCode()).isEqualTo(403);
    assertThat(classifications(email).path("classifications")).hasSize(1);
  }

  @Test
  @Order(6)
  void shouldRefuseBadRulesWithAProblem() {
    HttpResponse<String> badRegex =
        server
            .as(ACME_ADMIN)
            .put(RULES, "{\"rules\": [{\"classification\": \"PII\", \"pattern\": \"(\"}]}");
    assertThat(badRegex.statusCode()).isEqualTo(400);
    assertThat(badRegex.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    assertThat(badRegex.body()).contains("not a regular expression");
    assertThat(
            server
                .as(ACME_ADMIN)
                .put(RULES, "{\"rules\": [{\"classification\": \"NOPE\", \"pattern\": \"x\"}]}")
                .statusCode())
        .isEqualTo(400);
    assertThat(
            server.as(ACME_ADMIN).put(RULES, "{\"rules\": [{\"classification\": \"PII\"}]}").body())
        .contains("has no condition");
  }

  @Test
  @Order(7)
  void shouldAddAndRemoveAManualClassification() {
    String token = column("hashed", "token");
    String path = "api/v1/governance/entities/" + token + "/classifications";
    HttpResponse<String> added =
        server.as(ACME_WRITER).post(path, "{\"classification\": \"SENSITIVE\"}");
    assertThat(added.statusCode()).as(added.body()).isEqualTo(200);
    JsonNode manual = TenancyServer.json(added).path("classifications").get(0);
    assertThat(manual.path("name").asText()).isEqualTo("SENSITIVE");
    assertThat(manual.path("source").asText()).isEqualTo("manual");
    assertThat(server.as(ACME_WRITER).delete(path + "/SENSITIVE").statusCode()).isEqualTo(204);
    assertThat(classifications(token).path("classifications")).isEmpty();
    assertThat(server.as(ACME_WRITER).delete(path + "/SENSITIVE").statusCode()).isEqualTo(404);
  }

  @Test
  @Order(8)
  void shouldReevaluateWhenTheRulesChange() {
    HttpResponse<String> changed =
        server
            .as(ACME_ADMIN)
            .put(
                RULES,
                """
                {"rules": [{"classification": "SENSITIVE", "fieldType": "(?i)string",
                            "pattern": "country"}]}
                """);
    assertThat(changed.statusCode()).as(changed.body()).isEqualTo(200);
    JsonNode report = TenancyServer.json(changed).path("reevaluation");
    assertThat(report.path("removed").asInt()).isEqualTo(3);
    assertThat(report.path("added").asInt()).isEqualTo(1);
    assertThat(classifications(column("customers", "contact")).path("classifications")).isEmpty();
    JsonNode country = classifications(column("signups", "country")).path("classifications");
    assertThat(country.get(0).path("name").asText()).isEqualTo("SENSITIVE");
    assertThat(country.get(0).path("source").asText()).isEqualTo("rule");
    String contact = "api/v1/entities/" + column("customers", "contact");
    assertThat(server.as(CONTRACTOR).get(contact).statusCode())
        .as("no longer PII: the tag policy no longer hides it")
        .isEqualTo(200);
  }

  @Test
  @Order(9)
  void shouldRefuseWritesBeyondMaxEntitiesWithAConflictProblemButLetUpdatesThrough() {
    status(
        201,
        server
            .as(Users.PLATFORM)
            .post("api/v1/tenants", "{\"id\": \"capped\", \"quotas\": {\"maxEntities\": 6}}"));
    TenancyServer.Client writer = server.as(Users.user("capped", TenantRole.WRITER));
    String first = Lineage.job("first", List.of("a"), List.of("b")).json();
    status(201, writer.post("api/v1/lineage", first));

    HttpResponse<String> over =
        writer.post(
            "api/v1/lineage", Lineage.job("second", List.of("c", "d"), List.of("e")).json());

    assertThat(over.statusCode()).as(over.body()).isEqualTo(409);
    assertThat(over.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    assertThat(over.headers().firstValue("Retry-After")).isEmpty();
    assertThat(TenancyServer.json(over).path("detail").asText()).contains("quota of 6");
    status(
        201,
        writer.post(
            "api/v1/lineage", Lineage.job("first", List.of("a"), List.of("b")).at(5).json()));
    status(
        201,
        server
            .as(ACME_WRITER)
            .post("api/v1/lineage", Lineage.job("other", List.of("x"), List.of("y")).json()));
  }

  private static JsonNode classifications(String guid) {
    return server.as(Users.PLATFORM).ok("api/v1/governance/entities/" + guid + "/classifications");
  }

  private static String column(String dataset, String field) {
    JsonNode found =
        server
            .as(Users.PLATFORM)
            .ok(
                "api/v1/entities?type=stream_column&tenant=acme&qualifiedName="
                    + encode(dataset + "@prod." + field))
            .path("entities");
    assertThat(found).as(dataset + "." + field).hasSize(1);
    return found.get(0).path("guid").asText();
  }

  private static List<String> names(JsonNode entities) {
    List<String> out = new ArrayList<>();
    entities.forEach(e -> out.add(e.path("qualifiedName").asText()));
    return out;
  }

  private static List<String> texts(JsonNode array) {
    List<String> out = new ArrayList<>();
    array.forEach(e -> out.add(e.asText()));
    return out;
  }

  private static void ingest(String event) {
    status(201, server.as(ACME_WRITER).post("api/v1/lineage", event));
  }

  private static void status(int expected, HttpResponse<String> response) {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(expected);
  }

  /** One output column from one input column through one transformation. */
  private record Field(
      String output,
      String inputDataset,
      String inputField,
      String type,
      String subtype,
      boolean masking) {}

  private static Field field(
      String output,
      String inputDataset,
      String inputField,
      String type,
      String subtype,
      boolean masking) {
    return new Field(output, inputDataset, inputField, type, subtype, masking);
  }

  /** {@code input -> job -> output} with a schema on both and column lineage into the output. */
  private static String hop(
      String job, String input, String output, List<Field> fields, List<String> inputColumns) {
    ObjectNode event = Lineage.job(job, List.of(input), List.of(output)).node();
    ObjectNode inputFacets = (ObjectNode) event.path("inputs").get(0);
    schema(inputFacets.putObject("facets"), inputColumns);
    ObjectNode outputFacets = ((ObjectNode) event.path("outputs").get(0)).putObject("facets");
    schema(outputFacets, fields.stream().map(Field::output).toList());
    ObjectNode lineage =
        outputFacets
            .putObject("columnLineage")
            .put("_producer", Lineage.PRODUCER)
            .put(
                "_schemaURL",
                "https://openlineage.io/spec/facets/1-2-0/ColumnLineageDatasetFacet.json#/$defs/ColumnLineageDatasetFacet")
            .putObject("fields");
    for (Field f : fields) {
      ObjectNode step =
          lineage
              .putObject(f.output())
              .putArray("inputFields")
              .addObject()
              .put("namespace", Lineage.KAFKA)
              .put("name", f.inputDataset())
              .put("field", f.inputField())
              .putArray("transformations")
              .addObject()
              .put("type", f.type())
              .put("subtype", f.subtype());
      if (f.masking()) {
        step.put("masking", true).put("description", "sha256");
      }
    }
    event
        .withObject("/run")
        .put(
            "runId",
            UUID.nameUUIDFromBytes(("governance-" + job).getBytes(StandardCharsets.UTF_8))
                .toString());
    return event.toString();
  }

  private static void schema(ObjectNode facets, List<String> columns) {
    ArrayNode list =
        facets
            .putObject("schema")
            .put("_producer", Lineage.PRODUCER)
            .put(
                "_schemaURL",
                "https://openlineage.io/spec/facets/1-2-0/SchemaDatasetFacet.json#/$defs/SchemaDatasetFacet")
            .putArray("fields");
    columns.forEach(c -> list.addObject().put("name", c).put("type", "STRING"));
  }
}
