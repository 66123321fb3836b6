package io.tributary.ranger.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.tributary.ranger.servicedef.ServiceDefinitions;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.ranger.plugin.model.RangerService;
import org.apache.ranger.plugin.service.ResourceLookupContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Ranger Admin's look-ups against a small real HTTP server answering as Tributary does. */
class TributaryRangerServiceTest {
  private static final String KEY = "trb_0a1b2c_secret";
  private static final String ACME_ENTITIES =
      """
      {"entities": [
        {"typeName": "kafka_topic", "qualifiedName": "orders@prod", "tenant": "acme"},
        {"typeName": "kafka_topic", "qualifiedName": "orders-eu@prod", "tenant": "acme"},
        {"typeName": "kafka_topic", "qualifiedName": "payments@staging", "tenant": "acme"},
        {"typeName": "openlineage_dataset", "qualifiedName": "warehouse/sales", "tenant": "acme",
         "attributes": {"namespace": "s3://lake"}}
      ], "total": 4}
      """;

  private HttpServer server;
  private final List<String> requests = new CopyOnWriteArrayList<>();

  @BeforeEach
  void startTributary() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext(
        "/api/v1/",
        exchange -> {
          requests.add(exchange.getRequestURI().toString());
          if (!KEY.equals(exchange.getRequestHeaders().getFirst("X-API-Key"))) {
            respond(exchange, 401, "{\"title\":\"Unauthorized\"}");
          } else if (exchange.getRequestURI().getPath().equals("/api/v1/tenants")) {
            respond(exchange, 200, "[{\"id\":\"acme\"},{\"id\":\"globex\"}]");
          } else if (exchange.getRequestURI().getQuery().contains("tenant=acme")) {
            respond(exchange, 200, ACME_ENTITIES);
          } else {
            respond(exchange, 200, "{\"entities\": [], \"total\": 0}");
          }
        });
    server.start();
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  @Test
  void shouldPassTheConnectionTestWithValidCredentials() {
    Map<String, Object> result = service(KEY).validateConfig();
    assertThat(result)
        .containsEntry("connectivityStatus", true)
        .containsEntry("message", "Connection test successful");
    assertThat((String) result.get("description")).endsWith("it has 2 tenants");
  }

  @Test
  void shouldFailTheConnectionTestWithWrongCredentialsOrNoServer() {
    Map<String, Object> wrongKey = service("trb_0a1b2c_wrong").validateConfig();
    assertThat(wrongKey).containsEntry("connectivityStatus", false);
    assertThat((String) wrongKey.get("message"))
        .contains("refused the look-up credentials (HTTP 401)");

    server.stop(0);
    assertThat(service(KEY).validateConfig()).containsEntry("connectivityStatus", false);
  }

  @Test
  void shouldLookUpTenantsNamespacesDatasetsAndJobs() throws Exception {
    TributaryRangerService service = service(KEY);
    assertThat(service.lookupResource(lookup("tenant", "", Map.of())))
        .containsExactly("acme", "globex");
    assertThat(service.lookupResource(lookup("tenant", "gl", Map.of()))).containsExactly("globex");
    assertThat(service.lookupResource(lookup("namespace", "", Map.of("tenant", List.of("acme")))))
        .containsExactly("prod", "s3://lake", "staging");
    assertThat(
            service.lookupResource(
                lookup(
                    "dataset",
                    "ord",
                    Map.of("tenant", List.of("acme"), "namespace", List.of("prod")))))
        .containsExactly("orders", "orders-eu");
    assertThat(
            service.lookupResource(
                lookup(
                    "dataset", "", Map.of("tenant", List.of("acme"), "namespace", List.of("*")))))
        .containsExactly("orders", "orders-eu", "payments", "warehouse/sales");
    assertThat(requests).contains("/api/v1/search?tenant=acme&limit=100&type=DataSet&q=ord");

    service.lookupResource(lookup("job", "", Map.of("tenant", List.of("acme"))));
    assertThat(requests).contains("/api/v1/search?tenant=acme&limit=100&type=Process");
  }

  @Test
  void shouldRejectLookupsOfUnknownResources() {
    assertThatThrownBy(() -> service(KEY).lookupResource(lookup("topic", "", Map.of())))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Resource 'topic' is not in the tributary service definition");
  }

  private TributaryRangerService service(String apiKey) {
    RangerService rangerService = new RangerService();
    rangerService.setName("tributary");
    rangerService.setType("tributary");
    Map<String, String> configs = new HashMap<>();
    configs.put("tributary.url", "http://127.0.0.1:" + server.getAddress().getPort());
    configs.put("password", apiKey);
    configs.put("lookup.timeout.ms", "2000");
    rangerService.setConfigs(configs);
    TributaryRangerService service = new TributaryRangerService();
    service.init(ServiceDefinitions.tributary(), rangerService);
    return service;
  }

  private static ResourceLookupContext lookup(
      String resource, String input, Map<String, List<String>> selected) {
    ResourceLookupContext context = new ResourceLookupContext();
    context.setResourceName(resource);
    context.setUserInput(input);
    context.setResources(selected);
    return context;
  }

  private static void respond(HttpExchange exchange, int status, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().add("Content-Type", "application/json");
    exchange.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }
}
