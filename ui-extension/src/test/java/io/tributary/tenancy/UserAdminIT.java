package io.tributary.tenancy;

import static io.tributary.tenancy.TenancyServer.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.tributary.ranger.auth.UsersFile;
import io.tributary.ranger.tenancy.TenantRole;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The admin API of users and API keys against a running server: every change applies to the next
 * request, an edit of the users file on disk applies within the poll interval, and only platform
 * administrators may use it.
 */
class UserAdminIT {
  private static final String USERS = "api/v1/admin/users";
  private static final String KEYS = "api/v1/admin/api-keys";
  private static final String PROBE = "api/v1/tenants";

  @TempDir static Path dataDir;
  private static TenancyServer server;
  private static Path usersFile;

  @BeforeAll
  static void start() {
    usersFile = dataDir.resolve("users.json");
    Users users = Users.write(usersFile, List.of("acme"), Map.of());
    server = TenancyServer.start(dataDir, users, Map.of("auth.users-poll-interval", "200ms"));
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  private static TenancyServer.Client admin() {
    return server.as(Users.PLATFORM);
  }

  private static int basic(String user, String password) {
    String credentials =
        Base64.getEncoder()
            .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    return server.as(null).get(PROBE, Map.of("Authorization", "Basic " + credentials)).statusCode();
  }

  private static int withKey(String key) {
    return server.as(null).get(PROBE, Map.of("X-API-Key", key)).statusCode();
  }

  @Test
  void shouldApplyEveryChangeOfTheAdminApiToTheNextRequest() throws Exception {
    HttpResponse<String> created =
        admin()
            .post(
                USERS,
                """
                {"name": "bob", "password": "first password", "roles": ["acme.reader"],
                 "groups": ["analysts"], "tenant": "acme"}""");
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    assertThat(created.headers().firstValue("Location"))
        .hasValueSatisfying(l -> assertThat(l).endsWith("/api/v1/admin/users/bob"));
    assertThat(json(created))
        .isEqualTo(
            TenancyServer.JSON.readTree(
                "{\"name\":\"bob\",\"groups\":[\"analysts\"],\"roles\":[\"acme.reader\"],"
                    + "\"tenant\":\"acme\"}"));
    assertThat(basic("bob", "first password")).isEqualTo(200);

    assertThat(
            admin()
                .put(USERS + "/bob/password", "{\"password\": \"second password\"}")
                .statusCode())
        .isEqualTo(204);
    assertThat(basic("bob", "first password")).isEqualTo(401);
    assertThat(basic("bob", "second password")).isEqualTo(200);

    HttpResponse<String> issued = admin().post(KEYS, "{\"user\": \"bob\"}");
    assertThat(issued.statusCode()).as(issued.body()).isEqualTo(201);
    assertThat(issued.headers().firstValue("Cache-Control")).hasValue("no-store");
    JsonNode key = json(issued);
    assertThat(key.path("key").asText()).startsWith("trb_" + key.path("id").asText() + "_");
    assertThat(key.path("roles").toString()).isEqualTo("[\"acme.reader\"]");
    assertThat(withKey(key.path("key").asText())).isEqualTo(200);

    String listed = admin().get(KEYS + "?user=bob").body();
    assertThat(listed)
        .contains(key.path("id").asText())
        .doesNotContain(key.path("key").asText())
        .doesNotContain("sha256")
        .doesNotContain("secret");
    assertThat(admin().get(USERS).body()).contains("\"bob\"").doesNotContain("pbkdf2");

    assertThat(admin().delete(KEYS + "/" + key.path("id").asText()).statusCode()).isEqualTo(204);
    assertThat(withKey(key.path("key").asText())).isEqualTo(401);

    JsonNode second = json(admin().post(KEYS, "{\"user\": \"bob\", \"roles\": []}"));
    assertThat(second.path("roles").size()).isZero();
    assertThat(withKey(second.path("key").asText())).isEqualTo(200);
    HttpResponse<String> removed = admin().delete(USERS + "/bob");
    assertThat(removed.statusCode()).isEqualTo(200);
    assertThat(json(removed).path("revokedApiKeys").toString())
        .isEqualTo("[\"" + second.path("id").asText() + "\"]");
    assertThat(basic("bob", "second password")).isEqualTo(401);
    assertThat(withKey(second.path("key").asText())).isEqualTo(401);

    String onDisk = Files.readString(usersFile);
    assertThat(onDisk).doesNotContain("second password").doesNotContain("\"bob\"");
    assertThat(Files.getPosixFilePermissions(usersFile))
        .isEqualTo(PosixFilePermissions.fromString("rw-------"));
  }

  @Test
  void shouldLetOnlyPlatformAdministratorsManageUsers() {
    String body = "{\"name\": \"eve\", \"password\": \"eve's password\"}";
    for (String user : List.of(Users.user("acme", TenantRole.ADMIN), Users.NOBODY)) {
      assertThat(server.as(user).get(USERS).statusCode()).as(user).isEqualTo(403);
      assertThat(server.as(user).post(USERS, body).statusCode()).as(user).isEqualTo(403);
      assertThat(server.as(user).post(KEYS, "{\"user\": \"" + user + "\"}").statusCode())
          .as(user)
          .isEqualTo(403);
      assertThat(server.as(user).delete(USERS + "/" + Users.PASSWORD_USER).statusCode())
          .as(user)
          .isEqualTo(403);
    }
    assertThat(server.as(null).get(USERS).statusCode()).isEqualTo(401);
    assertThat(basic(Users.PASSWORD_USER, Users.PASSWORD)).isEqualTo(200);
  }

  @Test
  void shouldRefuseBadRequestsWithProblems() {
    assertProblem(admin().post(USERS, "{\"name\": \" carol\", \"password\": \"long enough\"}"), 400)
        .contains("User name ' carol' is invalid");
    assertProblem(
            admin().post(USERS, "{\"name\": \"carol\\t\", \"password\": \"long enough\"}"), 400)
        .contains("'carol\\u0009'");
    assertProblem(admin().post(USERS, "{\"name\": \"carol\", \"password\": \"short\"}"), 400)
        .contains("shorter than 8");
    assertProblem(admin().post(USERS, "{\"name\": \"carol\", \"pasword\": \"long enough\"}"), 400)
        .contains("unknown member 'pasword'");
    assertProblem(
            admin()
                .post(
                    USERS,
                    "{\"name\": \"carol\", \"password\": \"long enough\", \"tenant\": \"A\"}"),
            400)
        .contains("Tenant 'A' is invalid");
    assertProblem(
            admin()
                .post(
                    USERS,
                    "{\"name\": \"" + Users.PASSWORD_USER + "\", \"password\": \"long enough\"}"),
            409)
        .contains("already exists");
    assertProblem(admin().delete(USERS + "/ghost"), 404).contains("User 'ghost' not found");
    assertProblem(admin().get(USERS + "/%20ghost"), 400).contains("is invalid");
    assertProblem(admin().put(USERS + "/ghost/password", "{\"password\": \"long enough\"}"), 404);
    assertProblem(admin().delete(KEYS + "/abc123"), 404).contains("API key 'abc123' not found");
    assertProblem(admin().delete(KEYS + "/abc_123"), 400).contains("is invalid");
    assertProblem(admin().post(KEYS, "{\"user\": \"bot\", \"roles\": \"acme.writer\"}"), 400)
        .contains("must be an array");
    assertThat(admin().get(USERS + "/carol").statusCode()).isEqualTo(404);
  }

  @Test
  void shouldPickUpAnEditOfTheFileOnDiskAndKeepTheLastGoodOneWhenItIsMalformed() throws Exception {
    String writer = server.users.key(Users.user("acme", TenantRole.WRITER));
    String reader = server.users.key(Users.user("acme", TenantRole.READER));
    assertThat(withKey(writer)).isEqualTo(200);

    UsersFile current = UsersFile.load(usersFile);
    String writerId = writer.split("_")[1];
    current.withoutApiKey(writerId).save(usersFile);
    await()
        .atMost(Duration.ofSeconds(5))
        .pollInterval(Duration.ofMillis(50))
        .until(() -> withKey(writer) == 401);
    assertThat(withKey(reader)).isEqualTo(200);

    String good = Files.readString(usersFile);
    Files.writeString(usersFile, good.substring(0, good.length() / 2));
    // The last good file stays in force through the polls that find the bad one.
    await()
        .during(Duration.ofSeconds(1))
        .atMost(Duration.ofSeconds(3))
        .pollInterval(Duration.ofMillis(100))
        .until(() -> withKey(reader) == 200);
    assertProblem(admin().post(KEYS, "{\"user\": \"bot\"}"), 409).contains("is invalid");
    assertThat(Files.readString(usersFile)).isEqualTo(good.substring(0, good.length() / 2));

    Files.writeString(usersFile, good);
    assertThat(admin().post(KEYS, "{\"user\": \"bot\"}").statusCode()).isEqualTo(201);
  }

  private static org.assertj.core.api.AbstractStringAssert<?> assertProblem(
      HttpResponse<String> response, int status) {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
    assertThat(response.headers().firstValue("Content-Type"))
        .hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
    return assertThat(json(response).path("detail").asText());
  }
}
