package io.tributary.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.tributary.contract.TenantId;
import io.tributary.ranger.auth.ApiKeys;
import io.tributary.ranger.auth.SecretHasher;
import io.tributary.ranger.auth.UsersFile;
import io.tributary.ranger.tenancy.TenantRole;
import io.tributary.server.security.PublicRoutes;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.glassfish.jersey.server.ResourceConfig;
import org.glassfish.jersey.server.model.Resource;
import org.glassfish.jersey.server.model.ResourceMethod;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every route Jersey serves, generated from the resource classes the server registers (so a new
 * route is covered without touching this test), called without credentials while authentication is
 * on, at its canonical path and at every other spelling of it: matrix parameters, trailing and
 * doubled slashes, dot segments plain and encoded, encoded slashes, raw characters a URI forbids,
 * case variants. Requests go over a plain socket, so the request line reaches the server as
 * written.
 */
class PathSpellingIT {
  private static final Map<String, String> PATH_VALUES =
      Map.of(
          "guid", "0b9e6a4c-1d2f-4e5a-9b8c-7d6e5f4a3b2c",
          "id", "default",
          "share", "s1",
          "typeName", "DataSet",
          "relationshipType", "inputs",
          "path", "index.html");
  private static final Pattern VARIABLE = Pattern.compile("\\{\\s*(\\w+)\\s*(?::[^}]*)?}");
  private static final String ILLEGAL = "{}[]|\\\"<>^`";
  private static final List<String> ENCODED_DOTS = List.of("%2e", "%2E");
  private static final List<String> DOUBLE_DOTS = List.of("..", "%2e%2e", "%2E%2E", ".%2e", "%2e.");
  private static final List<String> ENCODED_SLASHES = List.of("%2f", "%2F", "%5c", "%5C", "\\");

  @TempDir static Path dataDir;
  private static RunningServer server;
  private static Map<String, String> keys;

  @BeforeAll
  static void start() {
    keys = writeUsers(dataDir.resolve("users.json"));
    server =
        RunningServer.start(
            dataDir, Map.of("auth.users-file", dataDir.resolve("users.json").toString()));
  }

  @AfterAll
  static void stop() {
    if (server != null) {
      server.close();
    }
  }

  @Test
  void shouldNeverServeANonPublicRouteWithoutCredentialsHoweverItsPathIsWritten() {
    assertThat(sweep(server, PublicRoutes.of(false))).isEmpty();
  }

  @Test
  void shouldAnswerSpellingsOfPublicMetricsLikeEveryOtherSpelling(@TempDir Path dir) {
    writeUsers(dir.resolve("users.json"));
    try (RunningServer metricsPublic =
        RunningServer.start(
            dir,
            Map.of(
                "auth.users-file",
                dir.resolve("users.json").toString(),
                "auth.metrics-public",
                "true"))) {
      assertThat(send(metricsPublic.uri(), "GET", "/metrics").status()).isEqualTo(200);
      assertThat(sweep(metricsPublic, PublicRoutes.of(true))).isEmpty();
    }
  }

  @Test
  void shouldDeclareOnlyLivenessTheWebFilesAndConfiguredMetricsPublic() {
    assertThat(publicTemplates(PublicRoutes.of(false)))
        .containsExactlyInAnyOrder("GET /health", "GET /", "GET /{path: .+}");
    assertThat(publicTemplates(PublicRoutes.of(true)))
        .containsExactlyInAnyOrder("GET /health", "GET /", "GET /{path: .+}", "GET /metrics");
  }

  @Test
  void shouldAnswerMalformedRequestsWithA400ProblemNamingNoServerSoftware() {
    URI uri = server.uri();
    String host = "Host: 127.0.0.1:" + uri.getPort() + "\r\nConnection: close\r\n";
    List<String> requests =
        List.of(
            "GET /health HTTP/9.9\r\n" + host + "\r\n",
            "GET /health HTTP/1.1 extra\r\n" + host + "\r\n",
            "GET /health HTTP/1.1\r\n\r\n",
            "GET health HTTP/1.1\r\n" + host + "\r\n",
            "GET * HTTP/1.1\r\n" + host + "\r\n",
            "OPTIONS * HTTP/1.1\r\n" + host + "\r\n",
            "GET http://127.0.0.1:"
                + uri.getPort()
                + "/api;x/v1/stats HTTP/1.1\r\n"
                + host
                + "\r\n",
            "GET /he alth HTTP/1.1\r\n" + host + "\r\n",
            "GET /health\u0001 HTTP/1.1\r\n" + host + "\r\n",
            "GET /health?q=%zz HTTP/1.1\r\n" + host + "\r\n",
            "GET /health?q={x}|\"<>^` HTTP/1.1\r\n" + host + "\r\n",
            "GET /health HTTP/1.1\r\nHost: a{b\r\nConnection: close\r\n\r\n",
            "GET /health HTTP/1.1\r\n" + host + "NoColon\r\n\r\n",
            "GET /health HTTP/1.1\r\nNoColon\n" + host + "\r\n",
            "GET /health HTTP/1.1\r\n" + host + "X-Long: " + "x".repeat(20_000) + "\r\n\r\n",
            "GET /" + "x".repeat(20_000) + " HTTP/1.1\r\n" + host + "\r\n",
            "get /health HTTP/1.1\r\n" + host + "\r\n",
            "TRACE /health HTTP/1.1\r\n" + host + "\r\n",
            "GARBAGE\r\n" + host + "\r\n");
    List<String> failures = new ArrayList<>();
    for (String request : requests) {
      Answer answer = exchange(uri, request);
      String what = printable(request);
      if (answer.status() < 400 || answer.status() >= 500) {
        failures.add(what + " -> " + answer);
      }
      checkNoServerSoftware(what, answer, failures);
      checkProblem(what, answer, failures);
    }
    assertThat(failures).isEmpty();
  }

  @Test
  void shouldAnswerHealthToAnyoneWithTheStatusOnly() {
    Answer health = send(server.uri(), "GET", "/health");
    assertThat(health.status()).isEqualTo(200);
    assertThat(health.body()).isEqualTo("{\"status\":\"UP\"}");
  }

  @Test
  void shouldShowHealthDetailsOnlyToAPlatformAdministrator() {
    assertThat(send(server.uri(), "GET", "/api/v1/health").status()).isEqualTo(401);
    assertThat(sendAs(keys.get("nobody"), "/api/v1/health").status()).isEqualTo(403);

    Answer details = sendAs(keys.get(TenantRole.PLATFORM_ADMIN), "/api/v1/health");
    assertThat(details.status()).isEqualTo(200);
    JsonNode body = RunningServer.parse(details.body());
    assertThat(body.path("status").asText()).isEqualTo("UP");
    assertThat(body.path("policy").path("source").asText()).isEqualTo("local_files");
    assertThat(body.path("policy").path("version").asLong()).isPositive();
    assertThat(body.path("policy").path("files").has("tenant-default.json")).isTrue();
    assertThat(body.path("policy").path("rejected").isObject()).isTrue();
  }

  /** Calls every route at every spelling; the problems found, empty when there are none. */
  private static List<String> sweep(RunningServer target, PublicRoutes publicRoutes) {
    List<Route> routes = routes(target.resources(), publicRoutes);
    assertThat(routes).hasSizeGreaterThan(30);
    List<String> failures = new ArrayList<>();
    for (Route route : routes) {
      String path = route.path();
      Answer canonical = send(target.uri(), route.method(), path);
      String what = route.method() + " " + path;
      checkNoServerSoftware(what, canonical, failures);
      checkProblem(what, canonical, failures);
      // 401 shows the filled-in path reached the route and that the route wants credentials.
      if (route.isPublic() ? canonical.status() >= 400 : canonical.status() != 401) {
        failures.add(what + " (public: " + route.isPublic() + ") -> " + canonical);
      }
      for (String spelling : spellings(path)) {
        Answer answer = send(target.uri(), route.method(), spelling);
        String spelled = route.method() + " " + spelling;
        checkNoServerSoftware(spelled, answer, failures);
        checkProblem(spelled, answer, failures);
        boolean sameOrRefused = answer.status() == canonical.status() || answer.status() == 400;
        boolean refused = answer.status() >= 400 && answer.status() < 500;
        if (route.isPublic() ? !sameOrRefused : !refused) {
          failures.add(spelled + " (canonical " + canonical.status() + ") -> " + answer);
        }
      }
      for (String variant : caseVariants(path)) {
        Answer answer = send(target.uri(), route.method(), variant);
        String spelled = route.method() + " " + variant;
        checkNoServerSoftware(spelled, answer, failures);
        checkProblem(spelled, answer, failures);
        if (answer.status() < 400 || answer.status() >= 500) {
          failures.add(spelled + " -> " + answer);
        }
      }
    }
    return failures;
  }

  private static Set<String> publicTemplates(PublicRoutes publicRoutes) {
    Set<String> out = new TreeSet<>();
    for (Route route : routes(server.resources(), publicRoutes)) {
      if (route.isPublic() && !route.method().equals("HEAD")) {
        out.add(route.method() + " " + route.template());
      }
    }
    return out;
  }

  /**
   * Every resource method of every registered resource class, with HEAD beside each GET and OPTIONS
   * on each path (Jersey answers both itself).
   */
  static List<Route> routes(ResourceConfig config, PublicRoutes publicRoutes) {
    Set<Class<?>> classes = new LinkedHashSet<>(config.getClasses());
    config.getInstances().forEach(instance -> classes.add(instance.getClass()));
    List<Route> declared = new ArrayList<>();
    for (Class<?> type : classes) {
      if (type.isAnnotationPresent(jakarta.ws.rs.Path.class)) {
        collect(Resource.from(type), "", publicRoutes, declared);
      }
    }
    List<Route> routes = new ArrayList<>(declared);
    Set<String> templates = new LinkedHashSet<>();
    for (Route route : declared) {
      templates.add(route.template());
      if (route.method().equals("GET")) {
        routes.add(new Route("HEAD", route.template(), route.isPublic()));
      }
    }
    templates.forEach(t -> routes.add(new Route("OPTIONS", t, false)));
    return routes;
  }

  private static void collect(
      Resource resource, String parent, PublicRoutes publicRoutes, List<Route> out) {
    assertThat(resource.getResourceLocator())
        .as("sub-resource locators are not walked yet: " + resource.getPath())
        .isNull();
    String template = joinTemplate(parent, resource.getPath());
    for (ResourceMethod method : resource.getResourceMethods()) {
      out.add(new Route(method.getHttpMethod(), template, publicRoutes.isPublic(method)));
    }
    for (Resource child : resource.getChildResources()) {
      collect(child, template, publicRoutes, out);
    }
  }

  private static String joinTemplate(String parent, String path) {
    String joined = ("/" + parent + "/" + (path == null ? "" : path)).replaceAll("/+", "/");
    return joined.length() > 1 && joined.endsWith("/")
        ? joined.substring(0, joined.length() - 1)
        : joined;
  }

  /** Other spellings of a canonical path; none of them is canonical. */
  static List<String> spellings(String path) {
    List<String> segments = path.equals("/") ? List.of() : List.of(path.substring(1).split("/"));
    int n = segments.size();
    Set<String> out = new LinkedHashSet<>();
    for (int i = 0; i < n; i++) {
      for (String matrix : List.of(";x", ";x=1", ";")) {
        out.add(replaced(segments, i, segments.get(i) + matrix));
      }
    }
    out.add(path + ";");
    out.add(path + "/");
    out.add(path.equals("/") ? "/;" : path + "/;");
    for (int i = 0; i <= n; i++) {
      out.add(inserted(segments, i, ""));
      out.add(inserted(segments, i, "."));
      for (String dot : ENCODED_DOTS) {
        out.add(inserted(segments, i, dot));
      }
      for (String dots : DOUBLE_DOTS) {
        out.add(inserted(segments, i, "zz/" + dots));
        if (i > 0) {
          // /api/v1/../v1/stats: climbs out of a segment and back into it
          out.add(inserted(segments, i, dots + "/" + segments.get(i - 1)));
        }
      }
    }
    for (int i = 1; i < n; i++) {
      for (String slash : ENCODED_SLASHES) {
        out.add(
            "/"
                + String.join("/", segments.subList(0, i))
                + slash
                + String.join("/", segments.subList(i, n)));
      }
    }
    for (char c : ILLEGAL.toCharArray()) {
      out.add(inserted(segments, n, c + "x"));
      if (n > 0) {
        out.add(replaced(segments, 0, segments.get(0) + c));
      }
    }
    out.add(inserted(segments, n, "caf\u00e9"));
    out.add(inserted(segments, n, "%00"));
    if (n > 0) {
      String first = segments.get(0);
      String escaped = String.format(Locale.ROOT, "%%%02x", (int) first.charAt(0));
      out.add(replaced(segments, 0, escaped + first.substring(1)));
    }
    out.remove(path);
    return List.copyOf(out);
  }

  /** The path with its first segment in other letter cases: another path, not a spelling. */
  static List<String> caseVariants(String path) {
    if (path.equals("/")) {
      return List.of();
    }
    List<String> segments = List.of(path.substring(1).split("/"));
    String first = segments.get(0);
    Set<String> out = new LinkedHashSet<>();
    out.add(replaced(segments, 0, first.toUpperCase(Locale.ROOT)));
    out.add(replaced(segments, 0, Character.toUpperCase(first.charAt(0)) + first.substring(1)));
    out.remove(path);
    return List.copyOf(out);
  }

  private static String replaced(List<String> segments, int at, String segment) {
    List<String> copy = new ArrayList<>(segments);
    copy.set(at, segment);
    return "/" + String.join("/", copy);
  }

  private static String inserted(List<String> segments, int at, String segment) {
    List<String> copy = new ArrayList<>(segments);
    copy.add(at, segment);
    return "/" + String.join("/", copy);
  }

  private static void checkNoServerSoftware(String what, Answer answer, List<String> failures) {
    String headers = answer.headers().toString().toLowerCase(Locale.ROOT);
    String body = answer.body().toLowerCase(Locale.ROOT);
    if (answer.headers().containsKey("server")
        || answer.headers().containsKey("x-powered-by")
        || headers.contains("grizzly")
        || headers.contains("jersey")
        || (answer.status() >= 400 && (body.contains("grizzly") || body.contains("jersey")))) {
      failures.add(what + " names the server software: " + answer);
    }
  }

  private static void checkProblem(String what, Answer answer, List<String> failures) {
    if (answer.status() < 400 || answer.method().equals("HEAD")) {
      return;
    }
    if (!answer.header("content-type").startsWith("application/problem+json")) {
      failures.add(what + " is not a problem: " + answer);
      return;
    }
    try {
      JsonNode problem = RunningServer.parse(answer.body());
      if (problem.path("status").asInt() != answer.status()
          || !problem.path("type").asText().startsWith("urn:tributary:problem:")) {
        failures.add(what + " has a problem that does not match its status: " + answer);
      }
    } catch (UncheckedIOException e) {
      failures.add(what + " has a problem body that is not JSON: " + answer);
    }
  }

  private static Answer sendAs(String key, String path) {
    URI uri = server.uri();
    return exchange(
        uri,
        "GET "
            + path
            + " HTTP/1.1\r\nHost: 127.0.0.1:"
            + uri.getPort()
            + "\r\nX-API-Key: "
            + key
            + "\r\nConnection: close\r\n\r\n");
  }

  /** One request, its target written as given; bodies for the methods that take one. */
  static Answer send(URI base, String method, String target) {
    boolean body = method.equals("POST") || method.equals("PUT") || method.equals("PATCH");
    return exchange(
        base,
        method
            + " "
            + target
            + " HTTP/1.1\r\nHost: 127.0.0.1:"
            + base.getPort()
            + "\r\nAccept: */*\r\nConnection: close\r\n"
            + (body ? "Content-Type: application/json\r\nContent-Length: 2\r\n\r\n{}" : "\r\n"));
  }

  /** Writes {@code request} byte for byte (ISO-8859-1) and reads the answer to the end. */
  static Answer exchange(URI base, String request) {
    try (Socket socket = new Socket(base.getHost(), base.getPort())) {
      socket.setSoTimeout(30_000);
      OutputStream out = socket.getOutputStream();
      out.write(request.getBytes(StandardCharsets.ISO_8859_1));
      out.flush();
      String method = request.contains(" ") ? request.substring(0, request.indexOf(' ')) : "";
      return Answer.parse(method, socket.getInputStream().readAllBytes());
    } catch (IOException e) {
      throw new UncheckedIOException("request failed: " + printable(request), e);
    }
  }

  private static String printable(String request) {
    String line =
        request.contains("\r\n") ? request.substring(0, request.indexOf("\r\n")) : request;
    String shown = line.length() > 120 ? line.substring(0, 120) + "..." : line;
    StringBuilder out = new StringBuilder();
    for (char c : shown.toCharArray()) {
      out.append(c < 0x20 ? String.format(Locale.ROOT, "\\x%02x", (int) c) : String.valueOf(c));
    }
    return out.toString();
  }

  private static Map<String, String> writeUsers(Path file) {
    SecretHasher hasher = new SecretHasher(new SecureRandom(), 1_000);
    ApiKeys issuer = new ApiKeys(new SecureRandom(), hasher);
    TenantId tenant = new TenantId("default");
    ApiKeys.Issued admin =
        issuer.issue("platform", Set.of(), Set.of(TenantRole.PLATFORM_ADMIN), tenant);
    ApiKeys.Issued nobody = issuer.issue("nobody", Set.of(), Set.of(), tenant);
    UsersFile.empty().withApiKey(admin.entry()).withApiKey(nobody.entry()).save(file);
    return Map.of(TenantRole.PLATFORM_ADMIN, admin.key(), "nobody", nobody.key());
  }

  /** A route as declared: method, path template, and whether it answers without credentials. */
  record Route(String method, String template, boolean isPublic) {
    /** The template with a value in each variable. */
    String path() {
      Matcher m = VARIABLE.matcher(template);
      StringBuilder out = new StringBuilder();
      while (m.find()) {
        m.appendReplacement(out, PATH_VALUES.getOrDefault(m.group(1), "x1"));
      }
      m.appendTail(out);
      return out.toString();
    }
  }

  /** An HTTP answer as read from the socket; status -1 when the server closed without one. */
  record Answer(String method, int status, Map<String, String> headers, String body) {
    static Answer parse(String method, byte[] raw) {
      String text = new String(raw, StandardCharsets.ISO_8859_1);
      int end = text.indexOf("\r\n\r\n");
      if (!text.startsWith("HTTP/") || end < 0) {
        return new Answer(method, -1, Map.of(), text);
      }
      String[] lines = text.substring(0, end).split("\r\n");
      int status = Integer.parseInt(lines[0].split(" ")[1]);
      Map<String, String> headers = new LinkedHashMap<>();
      for (int i = 1; i < lines.length; i++) {
        int colon = lines[i].indexOf(':');
        headers.merge(
            lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT),
            lines[i].substring(colon + 1).trim(),
            (a, b) -> a + ", " + b);
      }
      String body = text.substring(end + 4);
      if (headers.getOrDefault("transfer-encoding", "").contains("chunked")) {
        body = dechunk(body);
      }
      return new Answer(
          method,
          status,
          headers,
          new String(body.getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8));
    }

    private static String dechunk(String chunked) {
      StringBuilder out = new StringBuilder();
      int at = 0;
      while (true) {
        int eol = chunked.indexOf("\r\n", at);
        if (eol < 0) {
          return out.toString();
        }
        int size = Integer.parseInt(chunked.substring(at, eol).split(";")[0].trim(), 16);
        if (size == 0 || eol + 2 + size > chunked.length()) {
          return out.toString();
        }
        out.append(chunked, eol + 2, eol + 2 + size);
        at = eol + 2 + size + 2;
      }
    }

    String header(String name) {
      return headers.getOrDefault(name, "");
    }

    @Override
    public String toString() {
      String shown = body.length() > 300 ? body.substring(0, 300) + "..." : body;
      return status + " " + headers.getOrDefault("content-type", "") + " " + shown;
    }
  }
}
