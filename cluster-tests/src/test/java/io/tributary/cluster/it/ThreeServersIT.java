package io.tributary.cluster.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.tributary.contract.TenantId;
import io.tributary.ranger.auth.ApiKeys;
import io.tributary.ranger.auth.SecretHasher;
import io.tributary.ranger.auth.UsersFile;
import io.tributary.ranger.tenancy.TenantRole;
import io.tributary.testkit.cassandra.CassandraProcess;
import io.tributary.testkit.events.LineageEvents;
import io.tributary.testkit.events.TestDataset;
import io.tributary.testkit.kafka.KafkaBroker;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.MemberDescription;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * Three {@code tributary serve} processes over one Cassandra keyspace and one KRaft broker, in
 * cluster mode: one catalog whichever server a client talks to.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ThreeServersIT {
  private static final int PARTITIONS = 6;
  private static final String GROUP = "tributary-cluster";
  private static final Duration SLOW = Duration.ofMinutes(3);
  private static final com.fasterxml.jackson.databind.ObjectMapper JSON =
      new com.fasterxml.jackson.databind.ObjectMapper();

  @TempDir static Path dir;

  private static KafkaBroker broker;
  private static CassandraProcess cassandra;
  private static final Map<String, String> KEYS = new HashMap<>();
  private static final List<ServerNode> NODES = new ArrayList<>();
  private static final List<URI> URIS = new ArrayList<>();
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

  @BeforeAll
  static void startCluster() throws Exception {
    broker = KafkaBroker.start();
    cassandra = CassandraProcess.start();
    Path users = dir.resolve("users.json");
    writeUsers(users);
    Map<String, String> settings = new LinkedHashMap<>();
    settings.put("cluster.enabled", "true");
    settings.put("cluster.kafka.bootstrap-servers", broker.bootstrapServers());
    settings.put("cluster.ingest.partitions", String.valueOf(PARTITIONS));
    settings.put("catalog.backend", "embedded-cql");
    settings.put("catalog.cql.hosts", cassandra.host());
    settings.put("catalog.cql.port", String.valueOf(cassandra.port()));
    settings.put("catalog.cql.keyspace", "cluster_it");
    settings.put("auth.users-file", users.toString());
    settings.put("search.enabled", "false");
    // The first server creates the keyspace and the graph's schema; the others then join.
    startNode("s1", settings);
    for (String id : List.of("s2", "s3")) {
      ServerNode node = ServerNode.start(id, Files.createDirectories(dir.resolve(id)), settings);
      NODES.add(node);
    }
    for (ServerNode node : NODES.subList(1, 3)) {
      URIS.add(node.awaitReady(SLOW));
    }
    // Once, through the first server: the registry topic takes them to the others.
    for (String tenant : List.of("acme", "globex")) {
      HttpResponse<String> created = createTenant(URIS.get(0), tenant);
      assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    }
  }

  private static HttpResponse<String> createTenant(URI server, String tenant) {
    return admin(server, "/api/v1/tenants", "{\"id\":\"" + tenant + "\"}");
  }

  private static HttpResponse<String> admin(URI server, String path, String body) {
    return send(
        HttpRequest.newBuilder(server.resolve(path))
            .header("Authorization", "Bearer " + KEYS.get("platform"))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body)));
  }

  private static void startNode(String id, Map<String, String> settings) throws Exception {
    ServerNode node = ServerNode.start(id, Files.createDirectories(dir.resolve(id)), settings);
    NODES.add(node);
    URIS.add(node.awaitReady(SLOW));
  }

  @AfterAll
  static void stopCluster() {
    NODES.forEach(ServerNode::close);
    if (cassandra != null) {
      cassandra.close();
    }
    if (broker != null) {
      broker.close();
    }
  }

  private static void writeUsers(Path file) {
    SecretHasher hasher = new SecretHasher(new SecureRandom(), 1_000);
    ApiKeys issuer = new ApiKeys(new SecureRandom(), hasher);
    UsersFile users = UsersFile.empty();
    Map<String, Set<String>> roles = new LinkedHashMap<>();
    roles.put("platform", Set.of(TenantRole.PLATFORM_ADMIN));
    roles.put("acme-writer", Set.of(TenantRole.WRITER.roleName(new TenantId("acme"))));
    roles.put("acme-reader", Set.of(TenantRole.READER.roleName(new TenantId("acme"))));
    roles.put("globex-reader", Set.of(TenantRole.READER.roleName(new TenantId("globex"))));
    roles.put("initech-writer", Set.of(TenantRole.WRITER.roleName(new TenantId("initech"))));
    roles.put("initech-reader", Set.of(TenantRole.READER.roleName(new TenantId("initech"))));
    for (var e : roles.entrySet()) {
      String home = e.getKey().startsWith("platform") ? "default" : e.getKey().split("-")[0];
      ApiKeys.Issued issued = issuer.issue(e.getKey(), Set.of(), e.getValue(), new TenantId(home));
      users = users.withApiKey(issued.entry());
      KEYS.put(e.getKey(), issued.key());
    }
    users.save(file);
  }

  private static HttpResponse<String> send(HttpRequest.Builder request) {
    try {
      return HTTP.send(
          request.timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static HttpResponse<String> post(URI server, String user, String tenant, String event) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(server.resolve("/api/v1/lineage"))
            .header("Authorization", "Bearer " + KEYS.get(user))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(event));
    if (tenant != null) {
      request.header("X-Tributary-Tenant", tenant);
    }
    return send(request);
  }

  /**
   * How many entities of that key the user sees through that server: 1 or 0 (the lookup answers 200
   * with {@code total} either way, so that it does not tell whether a hidden entity exists).
   */
  private static int read(URI server, String user, String tenant, String qualifiedName) {
    String query =
        "/api/v1/entities?type=kafka_topic&qualifiedName="
            + URLEncoder.encode(qualifiedName, StandardCharsets.UTF_8)
            + "&tenant="
            + tenant;
    HttpResponse<String> answer =
        send(
            HttpRequest.newBuilder(server.resolve(query))
                .header("Authorization", "Bearer " + KEYS.get(user))
                .GET());
    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
    try {
      return JSON.readTree(answer.body()).path("total").asInt(-1);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static String event(String job, String topic) {
    return LineageEvents.job(job).output(TestDataset.topic(topic)).start().json();
  }

  private static String qualifiedName(String topic) {
    return TestDataset.topic(topic).qualifiedName();
  }

  /**
   * The lines of a server's change feed, as the platform administrator reads it, from the start of
   * the server's window ({@code after=1}), so that nothing sent before the stream opened is missed.
   */
  private static List<String> openFeed(URI server) {
    List<String> lines = new CopyOnWriteArrayList<>();
    HTTP.sendAsync(
            HttpRequest.newBuilder(server.resolve("/api/v1/feed?after=1"))
                .header("Authorization", "Bearer " + KEYS.get("platform"))
                .header("Accept", "text/event-stream")
                .GET()
                .build(),
            HttpResponse.BodyHandlers.ofLines())
        .thenAccept(r -> r.body().forEach(lines::add));
    return lines;
  }

  @Test
  @Order(1)
  void eventsPostedRoundRobinAppearInEveryServersReadsAndFeeds() {
    List<List<String>> feeds = URIS.stream().map(ThreeServersIT::openFeed).toList();
    List<String> topics = new ArrayList<>();
    for (int i = 0; i < 12; i++) {
      String topic = "rr-topic-" + i;
      HttpResponse<String> answer =
          post(URIS.get(i % 3), "platform", null, event("rr-" + i, topic));
      assertThat(answer.statusCode()).as(answer.body()).isEqualTo(202);
      assertThat(answer.body()).contains("\"status\":\"accepted\"", "\"position\"");
      topics.add(topic);
    }

    for (URI server : URIS) {
      for (String topic : topics) {
        await()
            .atMost(SLOW)
            .untilAsserted(
                () ->
                    assertThat(read(server, "platform", "default", qualifiedName(topic)))
                        .as(topic + " on " + server)
                        .isEqualTo(1));
      }
    }
    for (List<String> feed : feeds) {
      await()
          .atMost(SLOW)
          .untilAsserted(
              () -> {
                String all = String.join("\n", feed);
                for (String topic : topics) {
                  assertThat(all).contains(qualifiedName(topic));
                }
              });
    }
  }

  @Test
  @Order(2)
  void tenancyAndPoliciesHoldOnEveryServer() {
    List<String> secrets = new ArrayList<>();
    for (int i = 0; i < URIS.size(); i++) {
      URI server = URIS.get(i);
      String topic = "acme-secret-" + i;
      assertThat(post(server, "acme-writer", "acme", event("acme-job-" + i, topic)).statusCode())
          .isEqualTo(202);
      HttpResponse<String> foreign =
          post(server, "acme-writer", "globex", event("intruder-" + i, "globex-" + i));
      assertThat(foreign.statusCode()).as(foreign.body()).isEqualTo(403);
      secrets.add(topic);
    }

    for (URI server : URIS) {
      for (String topic : secrets) {
        await()
            .atMost(SLOW)
            .untilAsserted(
                () ->
                    assertThat(read(server, "acme-reader", "acme", qualifiedName(topic)))
                        .isEqualTo(1));
        assertThat(read(server, "globex-reader", "acme", qualifiedName(topic)))
            .as("globex reading acme's " + topic + " through " + server)
            .isZero();
      }
    }
  }

  @Test
  @Order(3)
  void aTenantAndAShareCreatedThroughOneServerAreUsableOnTheOthers() {
    URI one = URIS.get(0);
    URI two = URIS.get(1);
    URI three = URIS.get(2);
    HttpResponse<String> created = createTenant(one, "initech");
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    HttpResponse<String> again = createTenant(two, "initech");
    assertThat(again.statusCode()).as(again.body()).isEqualTo(409);

    // Server three applies the registry record a moment after server one answered.
    for (String topic : List.of("initech-orders", "initech-salaries")) {
      await()
          .atMost(Duration.ofSeconds(30))
          .untilAsserted(
              () -> {
                HttpResponse<String> ingested =
                    post(three, "initech-writer", "initech", event(topic + "-job", topic));
                assertThat(ingested.statusCode()).as(ingested.body()).isEqualTo(202);
              });
    }
    for (String topic : List.of("initech-orders", "initech-salaries")) {
      await()
          .atMost(SLOW)
          .untilAsserted(
              () ->
                  assertThat(read(two, "initech-reader", "initech", qualifiedName(topic))).isOne());
    }
    for (String other : List.of("globex-reader", "acme-reader")) {
      assertThat(read(two, other, "initech", qualifiedName("initech-orders")))
          .as(other + " reading initech's orders through " + two)
          .isZero();
    }

    HttpResponse<String> shared =
        admin(
            one,
            "/api/v1/tenants/initech/shares",
            "{\"grantee\":\"globex\",\"namespace\":\"broker:9092\","
                + "\"datasets\":[\"initech-orders\"]}");
    assertThat(shared.statusCode()).as(shared.body()).isEqualTo(201);
    for (URI server : List.of(two, three)) {
      await()
          .atMost(Duration.ofSeconds(30))
          .untilAsserted(
              () ->
                  assertThat(
                          read(server, "globex-reader", "initech", qualifiedName("initech-orders")))
                      .as("globex reading the shared orders through " + server)
                      .isOne());
      assertThat(read(server, "globex-reader", "initech", qualifiedName("initech-salaries")))
          .as("globex reading initech's unshared salaries through " + server)
          .isZero();
      assertThat(read(server, "acme-reader", "initech", qualifiedName("initech-orders")))
          .as("acme reading initech's orders through " + server)
          .isZero();
    }
  }

  @Test
  @Order(4)
  void aTenantsIngestQuotaHoldsForTheThreeServersTogether() {
    HttpResponse<String> created =
        admin(
            URIS.get(0),
            "/api/v1/tenants",
            "{\"id\":\"metered\",\"quotas\":{\"eventsPerSecond\":4,\"burst\":4}}");
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    for (URI server : URIS) {
      await()
          .atMost(Duration.ofSeconds(30))
          .until(
              () ->
                  send(HttpRequest.newBuilder(server.resolve("/api/v1/tenants/metered"))
                              .header("Authorization", "Bearer " + KEYS.get("platform"))
                              .GET())
                          .statusCode()
                      == 200);
    }

    int accepted = 0;
    int sent = 0;
    long start = System.nanoTime();
    while (System.nanoTime() - start < TimeUnit.SECONDS.toNanos(6)) {
      HttpResponse<String> answer =
          post(URIS.get(sent % 3), "platform", "metered", event("metered-" + sent, "metered-t"));
      assertThat(answer.statusCode()).as(answer.body()).isIn(202, 429);
      accepted += answer.statusCode() == 202 ? 1 : 0;
      sent++;
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    double quota = 4 + 4 * seconds;

    // Each server lets through a third of the rate and of the burst (rounded up to 2): about the
    // quota together, where three whole buckets would let through three times as much.
    assertThat(sent).as("requests sent").isGreaterThan((int) (3 * quota));
    assertThat((double) accepted)
        .as("accepted of %d sent in %.1f s", sent, seconds)
        .isBetween(0.5 * quota, 1.5 * quota);
  }

  @Test
  @Order(5)
  void killingAServerMidLoadLosesNoAcknowledgedEventAndMovesItsPartitions() throws Exception {
    List<URI> alive = new ArrayList<>(URIS);
    List<String> acknowledged = new ArrayList<>();
    for (int i = 0; i < 45; i++) {
      if (i == 15) {
        NODES.get(2).kill();
        alive.remove(URIS.get(2));
      }
      URI server = alive.get(i % alive.size());
      String topic = "load-" + i;
      try {
        HttpResponse<String> answer = post(server, "platform", null, event("load-job-" + i, topic));
        if (answer.statusCode() == 202) {
          acknowledged.add(topic);
        }
      } catch (java.io.UncheckedIOException e) {
        // not acknowledged: a client would send it again
      }
    }
    assertThat(acknowledged).hasSizeGreaterThanOrEqualTo(40);

    for (URI server : alive) {
      for (String topic : acknowledged) {
        await()
            .atMost(SLOW)
            .untilAsserted(
                () ->
                    assertThat(read(server, "platform", "default", qualifiedName(topic)))
                        .as(topic + " on " + server)
                        .isEqualTo(1));
      }
    }
    try (Admin admin =
        Admin.create(
            Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()))) {
      await()
          .atMost(SLOW)
          .untilAsserted(
              () -> {
                ConsumerGroupDescription group =
                    admin
                        .describeConsumerGroups(List.of(GROUP))
                        .describedGroups()
                        .get(GROUP)
                        .get(30, TimeUnit.SECONDS);
                assertThat(group.members()).hasSize(2);
                List<TopicPartition> owned =
                    group.members().stream()
                        .map(MemberDescription::assignment)
                        .flatMap(a -> a.topicPartitions().stream())
                        .toList();
                assertThat(owned).hasSize(PARTITIONS).doesNotHaveDuplicates();
              });
    }
  }
}
