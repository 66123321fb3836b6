package io.tributary.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.tributary.server.CatalogServer;
import io.tributary.server.Settings;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code tributary users}: a users file set up before the server's first start, then changed
 * through the server's admin API and on disk while it runs.
 */
class UsersCliIT {
  private static final Pattern KEY = Pattern.compile("(?m)^id: +(\\w+)\\nkey: (trb_\\S+)$");

  @TempDir Path dir;
  private final HttpClient http = HttpClient.newHttpClient();

  record Run(int exit, String out, String err) {}

  private static Run run(String stdin, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int exit =
        Tributary.execute(
            args,
            Map.of(),
            new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
            new PrintWriter(out, true),
            new PrintWriter(err, true));
    return new Run(exit, out.toString(), err.toString());
  }

  private static Run ok(String stdin, String... args) {
    Run run = run(stdin, args);
    assertThat(run.exit()).as(run.out() + run.err()).isZero();
    return run;
  }

  /** The id and key that {@code users keys create} printed. */
  private static String[] key(Run run) {
    Matcher m = KEY.matcher(run.out());
    assertThat(m.find()).as(run.out()).isTrue();
    return new String[] {m.group(1), m.group(2)};
  }

  private int status(URI base, String header, String value) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve("api/v1/tenants"));
    if (header != null) {
      request.header(header, value);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
  }

  private int basic(URI base, String user, String password) throws Exception {
    return status(
        base,
        "Authorization",
        "Basic "
            + Base64.getEncoder()
                .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void shouldSetUpAUsersFileBeforeTheFirstStartThenManageUsersThroughTheServer() throws Exception {
    Path file = dir.resolve("conf").resolve("users.json");
    String f = file.toString();

    Run added =
        ok(
            "root password\n",
            "users",
            "add",
            "root",
            "--role",
            "platform-admin",
            "--password-stdin",
            "--users-file",
            f);
    assertThat(added.out()).isEqualTo("User 'root' added.\n");
    assertThat(Files.getPosixFilePermissions(file))
        .isEqualTo(PosixFilePermissions.fromString("rw-------"));
    Run created = ok("", "users", "keys", "create", "--user", "root", "--users-file", f);
    String[] root = key(created);
    assertThat(created.err()).contains("not shown again").doesNotContain(root[1]);
    assertThat(Files.readString(file))
        .doesNotContain("root password")
        .doesNotContain(root[1].substring(root[1].lastIndexOf('_') + 1));
    assertThat(ok("", "users", "list", "--users-file", f).out())
        .contains("root")
        .contains("platform-admin");

    Run twice =
        run("root password\n", "users", "add", "root", "--password-stdin", "--users-file", f);
    assertThat(twice.exit()).isEqualTo(1);
    assertThat(twice.err()).contains("User 'root' already exists");
    Run padded = run("a password\n", "users", "add", "bob ", "--password-stdin", "--users-file", f);
    assertThat(padded.exit()).isEqualTo(2);
    assertThat(padded.err()).contains("User name 'bob ' is invalid");
    Run both = run("", "users", "list", "--users-file", f, "--url", "http://localhost:1");
    assertThat(both.exit()).isEqualTo(2);
    assertThat(both.err()).contains("not both");

    try (CatalogServer server =
        CatalogServer.start(
            Settings.loader(Map.of())
                .load(
                    Map.of(
                        "server.host", "127.0.0.1",
                        "server.port", "0",
                        "catalog.backend", "embedded-inmemory",
                        "auth.users-file", f,
                        "auth.users-poll-interval", "200ms")))) {
      URI base = server.uri();
      String url = base.toString();
      assertThat(basic(base, "root", "root password")).isEqualTo(200);
      assertThat(status(base, "X-API-Key", root[1])).isEqualTo(200);

      ok(
          "bob password\n",
          "users",
          "add",
          "bob",
          "--role",
          "default.reader",
          "--password-stdin",
          "--url",
          url,
          "--api-key",
          root[1]);
      assertThat(basic(base, "bob", "bob password")).isEqualTo(200);
      ok(
          "new bob password\n",
          "users",
          "passwd",
          "bob",
          "--password-stdin",
          "--server",
          url,
          "--api-key",
          root[1]);
      assertThat(basic(base, "bob", "bob password")).isEqualTo(401);
      assertThat(basic(base, "bob", "new bob password")).isEqualTo(200);

      String[] bobs =
          key(
              ok(
                  "",
                  "users",
                  "keys",
                  "create",
                  "--user",
                  "bob",
                  "--url",
                  url,
                  "--api-key",
                  root[1]));
      assertThat(status(base, "X-API-Key", bobs[1])).isEqualTo(200);
      assertThat(
              ok("", "users", "keys", "list", "--user", "bob", "--url", url, "--api-key", root[1])
                  .out())
          .contains(bobs[0])
          .contains("default.reader")
          .doesNotContain(bobs[1]);
      ok("", "users", "keys", "revoke", bobs[0], "--url", url, "--api-key", root[1]);
      assertThat(status(base, "X-API-Key", bobs[1])).isEqualTo(401);

      Run removed = ok("", "users", "remove", "bob", "--url", url, "--api-key", root[1]);
      assertThat(removed.out()).isEqualTo("User 'bob' removed.\n");
      assertThat(basic(base, "bob", "new bob password")).isEqualTo(401);

      Run anonymous = run("", "users", "list", "--url", url, "--api-key", "");
      assertThat(anonymous.exit()).isEqualTo(1);
      assertThat(anonymous.err()).contains("listing users failed: 401");
      Run ghost = run("", "users", "remove", "ghost", "--url", url, "--api-key", root[1]);
      assertThat(ghost.exit()).isEqualTo(1);
      assertThat(ghost.err()).contains("404 User 'ghost' not found");

      // The file changed by hand (here by the command line) while the server runs.
      String[] service =
          key(
              ok(
                  "",
                  "users",
                  "keys",
                  "create",
                  "--user",
                  "svc",
                  "--role",
                  "platform-admin",
                  "--users-file",
                  f));
      await()
          .atMost(Duration.ofSeconds(5))
          .until(() -> status(base, "X-API-Key", service[1]) == 200);
      ok("", "users", "keys", "revoke", service[0], "--users-file", f);
      await()
          .atMost(Duration.ofSeconds(5))
          .until(() -> status(base, "X-API-Key", service[1]) == 401);
      assertThat(status(base, "X-API-Key", root[1])).isEqualTo(200);
    }
  }

  @Test
  void shouldSayWhenNoServerAnswers() throws IOException {
    Run run = run("", "users", "list", "--url", "http://127.0.0.1:1");
    assertThat(run.exit()).isEqualTo(3);
    assertThat(run.err()).contains("cannot reach the catalog server");
  }
}
