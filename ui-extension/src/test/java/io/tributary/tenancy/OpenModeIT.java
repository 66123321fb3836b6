package io.tributary.tenancy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tributary.config.ConfigException;
import io.tributary.server.CatalogServer;
import io.tributary.server.Settings;
import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Without users or an issuer the server is open: loopback only, everyone the platform admin. */
class OpenModeIT {
  @TempDir Path dataDir;

  private CatalogServer start(Map<String, String> settings) {
    Map<String, String> flags = new LinkedHashMap<>();
    flags.put("server.port", "0");
    flags.put("data.dir", dataDir.toString());
    flags.putAll(settings);
    return CatalogServer.start(Settings.loader(Map.of()).load(flags));
  }

  @Test
  void shouldListenOnLoopbackOnlyAndActAsThePlatformAdministrator() throws Exception {
    try (CatalogServer server = start(Map.of("server.host", "0.0.0.0"))) {
      URI uri = server.uri();
      assertThat(uri.getHost()).isEqualTo("127.0.0.1");
      int port = uri.getPort();
      for (InetAddress address : nonLoopbackAddresses()) {
        assertThat(connects(address, port)).as("listening on " + address).isFalse();
      }
      assertThat(connects(InetAddress.getLoopbackAddress(), port)).isTrue();

      HttpClient http = HttpClient.newHttpClient();
      HttpResponse<String> tenants =
          http.send(
              HttpRequest.newBuilder(uri.resolve("api/v1/tenants")).GET().build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(tenants.statusCode()).isEqualTo(200);
      assertThat(tenants.body()).contains("\"default\"");
      HttpResponse<String> ingest =
          http.send(
              HttpRequest.newBuilder(uri.resolve("api/v1/lineage"))
                  .header("Content-Type", "application/json")
                  .POST(
                      HttpRequest.BodyPublishers.ofString(
                          Lineage.job("open-job", List.of("open-in"), List.of("open-out")).json(),
                          StandardCharsets.UTF_8))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(ingest.statusCode()).as(ingest.body()).isEqualTo(201);
      HttpResponse<String> created =
          http.send(
              HttpRequest.newBuilder(uri.resolve("api/v1/tenants"))
                  .header("Content-Type", "application/json")
                  .POST(HttpRequest.BodyPublishers.ofString("{\"id\":\"local-team\"}"))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(created.statusCode()).isEqualTo(201);
    }
  }

  @Test
  void shouldRefuseAnIngestKeyNextToRealAuthentication() throws IOException {
    Users.write(dataDir.resolve("users.json"), List.of("acme"), Map.of());
    assertThatThrownBy(
            () ->
                start(
                    Map.of(
                        "auth.users-file",
                        dataDir.resolve("users.json").toString(),
                        "ingest.api-key",
                        "shared-secret")))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("ingest.api-key");
    assertThatThrownBy(
            () -> start(Map.of("auth.users-file", dataDir.resolve("missing.json").toString())))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("missing.json");
  }

  private static List<InetAddress> nonLoopbackAddresses() throws IOException {
    return Collections.list(NetworkInterface.getNetworkInterfaces()).stream()
        .flatMap(i -> Collections.list(i.getInetAddresses()).stream())
        .filter(a -> a instanceof Inet4Address && !a.isLoopbackAddress())
        .toList();
  }

  private static boolean connects(InetAddress address, int port) {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(address, port), 1_000);
      return true;
    } catch (IOException e) {
      return false;
    }
  }
}
