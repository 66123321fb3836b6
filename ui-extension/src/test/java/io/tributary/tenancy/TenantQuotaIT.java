package io.tributary.tenancy;

import static io.tributary.tenancy.TenancyServer.json;
import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.ranger.tenancy.TenantRole;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Ingest quotas: {@code flood} gets the server's default quota (2 events/s, burst 4), {@code calm}
 * is created unlimited.
 */
class TenantQuotaIT {
  @TempDir static Path dataDir;
  private static TenancyServer server;

  @BeforeAll
  static void start() {
    server = TenancyServer.withDefaultQuota(dataDir, 2, 4, "flood", "calm");
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  private static String event(String job, int n) {
    return Lineage.job(job + "-" + n, List.of(job + "-in"), List.of(job + "-out")).at(n).json();
  }

  @Test
  void shouldGiveTenantsCreatedWithoutQuotasTheDefaultOnes() {
    var flood = server.as(Users.PLATFORM).ok("api/v1/tenants/flood").path("quotas");
    assertThat(flood.path("eventsPerSecond").asDouble()).isEqualTo(2.0);
    assertThat(flood.path("burst").asLong()).isEqualTo(4);
    var calm = server.as(Users.PLATFORM).ok("api/v1/tenants/calm").path("quotas");
    assertThat(calm.path("eventsPerSecond").asDouble()).isZero();
  }

  @Test
  void shouldAnswer429WithRetryAfterOnceATenantIsOverItsQuotaWhileOthersGoOn() throws Exception {
    TenancyServer.Client flood = server.as(Users.user("flood", TenantRole.WRITER));
    TenancyServer.Flood run = flood.postUntilRefused("api/v1/lineage", 50, i -> event("flood", i));
    HttpResponse<String> refused = run.refused();
    assertThat(refused).as("statuses " + run.statuses()).isNotNull();
    assertThat(run.statuses().subList(0, 4)).containsOnly(201);
    assertThat(refused.headers().firstValue("Retry-After")).isPresent();
    assertThat(Long.parseLong(refused.headers().firstValue("Retry-After").get())).isBetween(1L, 5L);
    assertThat(refused.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    assertThat(json(refused).path("type").asText())
        .isEqualTo("urn:tributary:problem:quota-exceeded");
    assertThat(json(refused).path("detail").asText()).contains("flood");

    // flood keeps hammering its exhausted quota while calm sends 40 events.
    AtomicBoolean hammering = new AtomicBoolean(true);
    AtomicInteger floodRefused = new AtomicInteger();
    Thread hammer =
        new Thread(
            () -> {
              int n = 1000;
              while (hammering.get()) {
                if (flood.post("api/v1/lineage", event("flood", n++)).statusCode() == 429) {
                  floodRefused.incrementAndGet();
                }
              }
            });
    hammer.start();
    TenancyServer.Client calm = server.as(Users.user("calm", TenantRole.WRITER));
    List<Integer> calmStatuses = new ArrayList<>();
    try {
      for (int i = 0; i < 40; i++) {
        calmStatuses.add(calm.post("api/v1/lineage", event("calm", i)).statusCode());
      }
    } finally {
      hammering.set(false);
      hammer.join();
    }
    assertThat(calmStatuses).containsOnly(201);
    assertThat(floodRefused.get()).isPositive();
  }

  @Test
  void shouldRefuseABatchLargerThanTheBucketWithoutRetryAfter() {
    String batch =
        Lineage.array(
            Lineage.job("big-0", List.of("big-in"), List.of("big-out")),
            Lineage.job("big-1", List.of("big-in"), List.of("big-out")),
            Lineage.job("big-2", List.of("big-in"), List.of("big-out")),
            Lineage.job("big-3", List.of("big-in"), List.of("big-out")),
            Lineage.job("big-4", List.of("big-in"), List.of("big-out")));
    HttpResponse<String> r =
        server.as(Users.user("flood", TenantRole.WRITER)).post("api/v1/lineage/batch", batch);
    assertThat(r.statusCode()).isEqualTo(429);
    assertThat(r.headers().firstValue("Retry-After")).isEmpty();
    assertThat(json(r).path("detail").asText()).contains("at most 4");
    assertThat(
            server
                .as(Users.user("calm", TenantRole.WRITER))
                .post("api/v1/lineage/batch", batch)
                .statusCode())
        .isEqualTo(200);
  }
}
