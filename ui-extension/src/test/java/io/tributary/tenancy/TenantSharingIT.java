package io.tributary.tenancy;

import static io.tributary.tenancy.TenancyServer.created;
import static io.tributary.tenancy.TenancyServer.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.tributary.cli.tenants.TenantsCommand;
import io.tributary.ranger.service.TributaryRangerService;
import io.tributary.ranger.servicedef.ServiceDefinitions;
import io.tributary.ranger.tenancy.TenantRole;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.ranger.plugin.model.RangerService;
import org.apache.ranger.plugin.service.ResourceLookupContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * Shares granted and revoked through the API, tenants deleted with their data, the {@code tributary
 * tenants} command, and Ranger Admin's look-ups against the real endpoints.
 */
class TenantSharingIT {
  private static final List<String> TENANTS = List.of("acme", "globex", "doomed");

  @TempDir static Path dataDir;
  private static TenancyServer server;

  @BeforeAll
  static void start() {
    server = TenancyServer.withTenants(dataDir, TENANTS);
    server.ingest(
        "acme",
        Lineage.job("acme-loader", List.of("acme-raw"), List.of("acme-orders", "acme-refunds"))
            .json());
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  private static String guid(String tenant, String topic) {
    return server.guid(tenant, "kafka_topic", Lineage.topic(topic));
  }

  private static int status(String user, String path) {
    return server.as(user).get(path).statusCode();
  }

  @Test
  void shouldGrantAndRevokeReadThroughTheApiAtTheNextPolicyRefresh() {
    String orders = "api/v1/entities/" + guid("acme", "acme-orders");
    String refunds = "api/v1/entities/" + guid("acme", "acme-refunds");
    String globex = Users.user("globex", TenantRole.READER);
    assertThat(status(globex, orders)).isEqualTo(404);

    HttpResponse<String> share =
        server
            .as(Users.user("acme", TenantRole.ADMIN))
            .post(
                "api/v1/tenants/acme/shares",
                "{\"grantee\":\"globex\",\"namespace\":\"prod\",\"datasets\":[\"acme-orders\"]}");
    created(share);
    String id = json(share).path("id").asText();
    assertThat(share.headers().firstValue("Location").orElse("")).endsWith("/shares/" + id);
    await().atMost(Duration.ofSeconds(30)).until(() -> status(globex, orders) == 200);
    assertThat(status(globex, refunds)).isEqualTo(404);
    assertThat(status(Users.user("doomed", TenantRole.READER), orders)).isEqualTo(404);
    assertThat(server.as(globex).ok("api/v1/tenants/globex/shares").toString()).contains(id);

    HttpResponse<String> revoked =
        server.as(Users.user("acme", TenantRole.ADMIN)).delete("api/v1/tenants/acme/shares/" + id);
    assertThat(revoked.statusCode()).isEqualTo(204);
    await().atMost(Duration.ofSeconds(30)).until(() -> status(globex, orders) == 404);
    assertThat(
            server
                .as(Users.user("acme", TenantRole.ADMIN))
                .delete("api/v1/tenants/acme/shares/" + id)
                .statusCode())
        .isEqualTo(404);
  }

  @Test
  void shouldRefuseTenantIdsGranteesAndNamespacesThatAreNotCanonical() {
    TenancyServer.Client platform = server.as(Users.PLATFORM);
    for (String id : List.of("acme\\u0000", " acme", "acme\\t", "acme ", "Acme")) {
      HttpResponse<String> response = platform.post("api/v1/tenants", "{\"id\":\"" + id + "\"}");
      assertThat(response.statusCode()).as(id).isEqualTo(400);
      assertThat(response.headers().firstValue("Content-Type").orElse(""))
          .startsWith("application/problem+json");
    }
    TenancyServer.Client admin = server.as(Users.user("acme", TenantRole.ADMIN));
    for (String body :
        List.of(
            "{\"grantee\":\"globex \",\"namespace\":\"prod\",\"datasets\":[\"acme-orders\"]}",
            "{\"grantee\":\"globex\",\"namespace\":\" prod\",\"datasets\":[\"acme-orders\"]}",
            "{\"grantee\":\"globex\",\"namespace\":\"prod\",\"datasets\":[\"acme-orders\\t\"]}")) {
      HttpResponse<String> response = admin.post("api/v1/tenants/acme/shares", body);
      assertThat(response.statusCode()).as(body).isEqualTo(400);
    }
    assertThat(
            server
                .as(Users.user("globex", TenantRole.READER))
                .ok("api/v1/tenants/globex/shares")
                .toString())
        .doesNotContain("acme-orders\\t");
  }

  @Test
  void shouldDeleteATenantWithItsPoliciesSharesAndData() {
    TenancyServer.Client doomed = server.as(Users.user("doomed", TenantRole.WRITER));
    created(
        doomed.post(
            "api/v1/lineage",
            Lineage.job("doomed-job", List.of("doomed-in"), List.of("doomed-out")).json()));
    created(
        server
            .as(Users.user("doomed", TenantRole.ADMIN))
            .post(
                "api/v1/tenants/doomed/shares",
                "{\"grantee\":\"acme\",\"namespace\":\"prod\",\"datasets\":[\"doomed-out\"]}"));
    assertThat(server.as(Users.PLATFORM).ok("api/v1/search?tenant=doomed").path("total").asLong())
        .isPositive();

    HttpResponse<String> deleted = server.as(Users.PLATFORM).delete("api/v1/tenants/doomed");
    assertThat(deleted.statusCode()).as(deleted.body()).isEqualTo(200);
    assertThat(json(deleted).path("deletedEntities").asLong()).isGreaterThanOrEqualTo(3);
    assertThat(server.as(Users.PLATFORM).ok("api/v1/search?tenant=doomed").path("total").asLong())
        .isZero();
    assertThat(status(Users.PLATFORM, "api/v1/tenants/doomed")).isEqualTo(404);
    assertThat(server.as(Users.PLATFORM).ok("api/v1/tenants").toString()).doesNotContain("doomed");
    assertThat(
            server
                .as(Users.user("acme", TenantRole.ADMIN))
                .ok("api/v1/tenants/acme/shares")
                .toString())
        .doesNotContain("doomed");
    assertThat(
            doomed
                .post(
                    "api/v1/lineage",
                    Lineage.job("doomed-again", List.of("doomed-in"), List.of("doomed-out")).json())
                .statusCode())
        .isEqualTo(403);
    assertThat(server.as(Users.PLATFORM).delete("api/v1/tenants/default").statusCode())
        .isEqualTo(409);
  }

  @Test
  void shouldManageTenantsAndSharesFromTheCommandLine() {
    String platform = server.users.key(Users.PLATFORM);
    Run create =
        cli(
            "create",
            "cli-made",
            "--display-name",
            "Made by CLI",
            "--events-per-second",
            "5",
            "--key",
            platform);
    assertThat(create.code()).as(create.err()).isZero();
    assertThat(create.out()).contains("Tenant 'cli-made' created.");
    Run list = cli("list", "--key", platform);
    assertThat(list.code()).isZero();
    assertThat(list.out()).contains("cli-made").contains("Made by CLI").contains("acme");

    String acmeAdmin = server.users.key(Users.user("acme", TenantRole.ADMIN));
    Run share =
        cli(
            "share",
            "acme",
            "acme-refunds",
            "--with",
            "globex",
            "--namespace",
            "prod",
            "--key",
            acmeAdmin);
    assertThat(share.code()).as(share.err()).isZero();
    String shareId = share.out().substring(share.out().lastIndexOf(' ') + 1).trim();
    Run shares = cli("shares", "acme", "--key", acmeAdmin);
    assertThat(shares.out()).contains(shareId).contains("acme-refunds");
    String refunds = "api/v1/entities/" + guid("acme", "acme-refunds");
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> status(Users.user("globex", TenantRole.READER), refunds) == 200);
    Run revoke = cli("revoke", "acme", shareId, "--key", acmeAdmin);
    assertThat(revoke.code()).as(revoke.err()).isZero();
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> status(Users.user("globex", TenantRole.READER), refunds) == 404);

    Run denied =
        cli("create", "rogue", "--key", server.users.key(Users.user("acme", TenantRole.READER)));
    assertThat(denied.code()).isEqualTo(1);
    assertThat(denied.err()).contains("403");
    Run delete = cli("delete", "cli-made", "--key", platform);
    assertThat(delete.code()).as(delete.err()).isZero();
    assertThat(cli("list", "--key", platform).out()).doesNotContain("cli-made");
    Run unauthenticated = cli("list");
    assertThat(unauthenticated.code()).isEqualTo(1);
    assertThat(unauthenticated.err()).contains("401");
  }

  private record Run(int code, String out, String err) {}

  /** Runs {@code tributary tenants ...}; {@code --key K} becomes {@code --api-key K}. */
  private static Run cli(String... args) {
    List<String> full = new ArrayList<>();
    for (String a : args) {
      full.add(a.equals("--key") ? "--api-key" : a);
    }
    full.add("--url");
    full.add(server.uri().toString());
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cli = new CommandLine(new TenantsCommand());
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    int code = cli.execute(full.toArray(String[]::new));
    return new Run(code, out.toString(), err.toString());
  }

  @Test
  void shouldAnswerRangerAdminLookupsFromTheRealEndpoints() throws Exception {
    RangerService rangerService = new RangerService();
    rangerService.setName("tributary");
    rangerService.setType("tributary");
    Map<String, String> configs = new HashMap<>();
    configs.put("tributary.url", server.uri().toString());
    configs.put("password", server.users.key(Users.PLATFORM));
    rangerService.setConfigs(configs);
    TributaryRangerService ranger = new TributaryRangerService();
    ranger.init(ServiceDefinitions.tributary(), rangerService);

    assertThat(ranger.validateConfig()).containsEntry("connectivityStatus", true);
    assertThat(ranger.lookupResource(lookup("tenant", "", Map.of())))
        .contains("acme", "globex", "default");
    assertThat(ranger.lookupResource(lookup("namespace", "", Map.of("tenant", List.of("acme")))))
        .contains("prod", "streaming");
    assertThat(
            ranger.lookupResource(
                lookup(
                    "dataset",
                    "acme-o",
                    Map.of("tenant", List.of("acme"), "namespace", List.of("prod")))))
        .containsExactly("acme-orders");
    assertThat(
            ranger.lookupResource(
                lookup("job", "", Map.of("tenant", List.of("acme"), "namespace", List.of("*")))))
        .contains("acme-loader");
  }

  private static ResourceLookupContext lookup(
      String resource, String input, Map<String, List<String>> selected) {
    ResourceLookupContext context = new ResourceLookupContext();
    context.setResourceName(resource);
    context.setUserInput(input);
    context.setResources(selected);
    return context;
  }
}
