package io.tributary.tenancy;

import static io.tributary.tenancy.TenancyServer.json;
import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.ranger.tenancy.TenantRole;
import java.net.http.HttpResponse;
import java.nio.file.Path;
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
    server = TenancyServer.withDefaultQuota(dataDir, 1, 3, "bulky", "steady");
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
    TenancyServer.Flood flood =
        bulky.postUntilRefused("api/atlas/v2/entity/bulk", 30, i -> bulk("bulky-" + i));
    HttpResponse<String> refused = flood.refused();

    assertThat(refused).as("statuses " + flood.statuses()).isNotNull();
    assertThat(flood.statuses().subList(0, 3)).containsOnly(200);
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
