package io.tributary.tenancy;

import static io.tributary.tenancy.TenancyServer.json;
import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.ranger.tenancy.TenantRole;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Entity writes through the Atlas API go through the ingest pipeline: each request is one event of
 * the tenant's ingest quota, and a tenant over it gets Atlas's error shape with 429 while another
 * tenant writes on.
 */
class AtlasWriteQuotaIT {
  @TempDir static Path dataDir;
  private static TenancyServer server;

  @BeforeAll
  static void start() {
    Users users = Users.write(dataDir.resolve("users.json"), List.of("bulky", "steady"), Map.of());
    server =
        TenancyServer.start(
            dataDir,
            users,
            Map.of("quota.default.events-per-second", "1", "quota.default.burst", "3"));
    TenancyServer.Client platform = server.as(Users.PLATFORM);
    assertThat(platform.post("api/v1/tenants", "{\"id\":\"bulky\"}").statusCode()).isEqualTo(201);
    assertThat(
            platform
                .post(
                    "api/v1/tenants",
                    "{\"id\":\"steady\",\"quotas\":{\"eventsPerSecond\":0,\"burst\":0}}")
                .statusCode())
        .isEqualTo(201);
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  private static String bulk(String name) {
    return "{\"entities\":[{\"typeName\":\"kafka_topic\",\"guid\":\"-1\",\"attributes\":{"
        + "\"qualifiedName\":\""
        + name
        + "@prod\",\"name\":\""
        + name
        + "\",\"topic\":\""
        + name
        + "\",\"uri\":\""
        + name
        + "\"}}]}";
  }

  @Test
  void shouldAnswerAtlasShaped429OnceATenantsAtlasWritesPassItsQuota() {
    TenancyServer.Client bulky = server.as(Users.user("bulky", TenantRole.WRITER));
    List<Integer> statuses = new ArrayList<>();
    HttpResponse<String> refused = null;
    for (int i = 0; i < 30 && refused == null; i++) {
      HttpResponse<String> r = bulky.post("api/atlas/v2/entity/bulk", bulk("bulky-" + i));
      statuses.add(r.statusCode());
      if (r.statusCode() == 429) {
        refused = r;
      }
    }

    assertThat(refused).as("statuses " + statuses).isNotNull();
    assertThat(statuses.subList(0, 3)).containsOnly(200);
    assertThat(refused.headers().firstValue("Retry-After")).isPresent();
    assertThat(json(refused).path("errorCode").asText()).isEqualTo("ATLAS-429-00-001");
    assertThat(json(refused).path("errorMessage").asText()).contains("bulky");

    TenancyServer.Client steady = server.as(Users.user("steady", TenantRole.WRITER));
    for (int i = 0; i < 10; i++) {
      assertThat(steady.post("api/atlas/v2/entity/bulk", bulk("steady-" + i)).statusCode())
          .isEqualTo(200);
    }
    assertThat(
            server
                .as(Users.user("steady", TenantRole.READER))
                .get(
                    "api/atlas/v2/entity/uniqueAttribute/type/kafka_topic?attr:qualifiedName="
                        + TenancyServer.encode("steady-9@prod"))
                .statusCode())
        .isEqualTo(200);
  }
}
