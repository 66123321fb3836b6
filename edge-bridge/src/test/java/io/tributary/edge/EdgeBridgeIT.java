package io.tributary.edge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tributary.config.ConfigLoader;
import io.tributary.config.Configuration;
import io.tributary.contract.schema.EventValidator;
import io.tributary.edge.device.DeviceEvents;
import io.tributary.edge.journal.JournalEntry;
import io.tributary.edge.lineage.EdgeEvents;
import io.tributary.testkit.RunningCatalog;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.eclipse.paho.mqttv5.common.packet.MqttProperties;
import org.eclipse.paho.mqttv5.common.packet.UserProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The bridge against a real broker (mosquitto) and a real catalog server. */
class EdgeBridgeIT {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static final Pattern SEQUENCED =
      Pattern.compile("tributary_ingest_sequenced_events_total\\{outcome=\"(\\w+)\".*} ([0-9.E]+)");

  @TempDir Path dir;
  private Mosquitto broker;
  private final List<AutoCloseable> open = new ArrayList<>();

  @BeforeEach
  void startBroker() {
    broker = Mosquitto.start(dir.resolve("broker"));
  }

  @AfterEach
  void stop() throws Exception {
    for (int i = open.size() - 1; i >= 0; i--) {
      open.get(i).close();
    }
    broker.close();
  }

  private <T extends AutoCloseable> T closing(T resource) {
    open.add(resource);
    return resource;
  }

  private Configuration config(String node, String catalog, Map<String, String> more) {
    Map<String, String> flags = new HashMap<>();
    flags.put("edge.node", node);
    flags.put("edge.mqtt.url", broker.url());
    flags.put("edge.catalog.url", catalog);
    flags.put("edge.journal.dir", dir.resolve("journal-" + node).toString());
    flags.put("edge.http.port", "0");
    flags.put("edge.http.host", "127.0.0.1");
    flags.put("edge.sync.max-backoff", "500ms");
    flags.put("edge.sync.interval", "100ms");
    // No periodic window reports unless a test asks: the tests count the devices' own events.
    flags.put("edge.observe.window", "1h");
    flags.putAll(more);
    return new ConfigLoader(EdgeSettings.ALL, Map.of()).load(flags);
  }

  private RunningCatalog catalog(int port) {
    return closing(
        RunningCatalog.start(
            dir.resolve("catalog"), Map.of("server.port", Integer.toString(port))));
  }

  private MqttClient publisher(String id) throws MqttException {
    MqttClient client = new MqttClient(broker.url(), id, new MemoryPersistence());
    MqttConnectOptions options = new MqttConnectOptions();
    options.setCleanSession(true);
    options.setMaxInflight(65_000);
    client.connect(options);
    closing(client::close);
    closing(
        () -> {
          if (client.isConnected()) {
            client.disconnect();
          }
        });
    return client;
  }

  /** A device's run: START, RUNNING snapshots, COMPLETE; each published at QoS 1. */
  private static int publishRun(MqttClient client, String device, int snapshots, Instant time)
      throws MqttException {
    DeviceEvents events =
        new DeviceEvents(device, "devices://plant-1", UUID.nameUUIDFromBytes(device.getBytes()));
    List<DeviceEvents.Output> out =
        List.of(new DeviceEvents.Output("mqtt://plant:1883", "sensors/" + device + "/temp", 5, 50));
    int sent = 0;
    client.publish(
        "tributary/lineage/" + device, bytes(events.event("START", time, out)), 1, false);
    sent++;
    for (int i = 0; i < snapshots; i++) {
      client.publish(
          "tributary/lineage/" + device,
          bytes(events.event("RUNNING", time.plusMillis(i + 1), out)),
          1,
          false);
      sent++;
    }
    client.publish(
        "tributary/lineage/" + device,
        bytes(events.event("COMPLETE", time.plusSeconds(10), out)),
        1,
        false);
    return sent + 1;
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  private static Map<String, Double> sequenced(RunningCatalog catalog) {
    try {
      String text =
          HTTP.send(
                  HttpRequest.newBuilder(catalog.uri("metrics")).build(),
                  HttpResponse.BodyHandlers.ofString())
              .body();
      Map<String, Double> out = new HashMap<>(Map.of("applied", 0.0, "redelivery", 0.0));
      Matcher m = SEQUENCED.matcher(text);
      while (m.find()) {
        out.put(m.group(1), Double.parseDouble(m.group(2)));
      }
      return out;
    } catch (IOException e) {
      return Map.of("applied", -1.0, "redelivery", -1.0);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static double applied(RunningCatalog catalog) {
    return sequenced(catalog).get("applied");
  }

  @Test
  void shouldDeliverEveryEventOnceAfterTheCatalogWasDownForALongStretch() throws Exception {
    int port = Mosquitto.freePort();
    EdgeBridge bridge =
        closing(EdgeBridge.start(config("gw-down", "http://127.0.0.1:" + port, Map.of())));
    await().until(bridge::mqttConnected);
    MqttClient devices = publisher("devices-down");
    int expected = 0;
    for (String device : List.of("pump-1", "pump-2", "fan-1")) {
      expected += publishRun(devices, device, 20, Instant.now());
    }
    int total = expected;

    await().atMost(Duration.ofSeconds(30)).until(() -> bridge.journal().backlog() == total);
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> bridge.metrics().count("tributary_edge_sync_failures", "") >= 10);
    RunningCatalog catalog = catalog(port);

    await().atMost(Duration.ofSeconds(90)).until(() -> bridge.journal().backlog() == 0);
    assertThat(applied(catalog)).isEqualTo(total);
    assertThat(bridge.metrics().count("tributary_edge_events_synced", "")).isEqualTo(total);
  }

  @Test
  void shouldLoseAndDuplicateNothingWhenTheBridgeIsKilledMidSync() throws Exception {
    int catalogPort = Mosquitto.freePort();
    int statusPort = Mosquitto.freePort();
    Path journal = dir.resolve("journal-killed");
    List<String> command =
        List.of(
            Path.of(System.getProperty("java.home"), "bin", "java").toString(),
            "-cp",
            System.getProperty("java.class.path"),
            "io.tributary.edge.cli.EdgeCommand",
            "--mqtt",
            broker.url(),
            "--catalog",
            "http://127.0.0.1:" + catalogPort,
            "--journal",
            journal.toString(),
            "--node",
            "gw-killed",
            "--http-port",
            Integer.toString(statusPort),
            "--set",
            "edge.sync.batch-size=5",
            "--set",
            "edge.sync.max-backoff=300ms",
            "--set",
            "edge.observe.window=1h");
    Process first = startChild(command, "first");
    MqttClient devices = publisher("devices-killed");
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> health(statusPort).path("mqttConnected").asBoolean());
    int total = 0;
    for (int d = 0; d < 4; d++) {
      total += publishRun(devices, "sensor-" + d, 48, Instant.now());
    }
    int expected = total;
    await().atMost(Duration.ofSeconds(30)).until(() -> backlog(statusPort) == expected);
    RunningCatalog catalog = catalog(catalogPort);

    await()
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofMillis(20))
        .until(() -> applied(catalog) > 0);
    first.destroyForcibly().waitFor();
    double appliedAtKill = applied(catalog);
    Process second = startChild(command, "second");

    await()
        .atMost(Duration.ofSeconds(90))
        .until(() -> backlog(statusPort) == 0 && applied(catalog) >= expected);
    assertThat(appliedAtKill).isLessThan(expected);
    assertThat(applied(catalog)).isEqualTo(expected);
    second.destroy();
    second.waitFor();
  }

  private Process startChild(List<String> command, String name) throws IOException {
    Process process =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(dir.resolve("bridge-" + name + ".log").toFile())
            .start();
    closing(() -> process.destroyForcibly().waitFor());
    return process;
  }

  /** The bridge's backlog, or -1 while it does not answer. */
  private static int backlog(int port) {
    return health(port).path("backlog").asInt(-1);
  }

  private static JsonNode health(int port) {
    try {
      return JSON.readTree(
          HTTP.send(
                  HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/health"))
                      .build(),
                  HttpResponse.BodyHandlers.ofString())
              .body());
    } catch (IOException e) {
      return JSON.createObjectNode();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  @Test
  void shouldKeepQos1MessagesAcrossABrokerRestartAndABridgeRestart() throws Exception {
    int port = Mosquitto.freePort();
    RunningCatalog catalog = catalog(port);
    Configuration config = config("gw-restart", catalog.uri().toString(), Map.of());
    EdgeBridge bridge = EdgeBridge.start(config);
    await().until(bridge::mqttConnected);
    int sent = publishRun(publisher("devices-1"), "valve-1", 8, Instant.now());
    int first = sent;
    await().atMost(Duration.ofSeconds(30)).until(() -> applied(catalog) == first);

    broker.restart();
    sent += publishRun(publisher("devices-2"), "valve-2", 8, Instant.now());
    int second = sent;
    await().atMost(Duration.ofSeconds(60)).until(() -> applied(catalog) >= second);
    assertThat(applied(catalog)).isEqualTo(second);

    bridge.close();
    sent += publishRun(publisher("devices-3"), "valve-3", 8, Instant.now());
    int third = sent;
    EdgeBridge restarted = closing(EdgeBridge.start(config));
    await()
        .atMost(Duration.ofSeconds(60))
        .until(
            () ->
                restarted.metrics().count("tributary_edge_messages", "kind=\"lineage\"") >= 10
                    && restarted.journal().backlog() == 0);
    assertThat(applied(catalog)).isEqualTo(third);
  }

  @Test
  void shouldCountAndSkipBadDeviceInputWithoutBlockingOtherDevices() throws Exception {
    int port = Mosquitto.freePort();
    RunningCatalog catalog = catalog(port);
    EdgeBridge bridge =
        closing(
            EdgeBridge.start(
                config(
                    "gw-bad",
                    catalog.uri().toString(),
                    Map.of(
                        "edge.devices.allowed", "good-1,good-2",
                        "edge.devices.max-event-bytes", "2KiB"))));
    await().until(bridge::mqttConnected);
    MqttClient devices = publisher("devices-bad");
    devices.publish("tributary/lineage/good-1", bytes("not json {"), 1, false);
    devices.publish("tributary/lineage/good-1", bytes("{\"eventType\":\"START\"}"), 1, false);
    devices.publish("tributary/lineage/good-1", new byte[4096], 1, false);
    int sent = publishRun(devices, "good-1", 3, Instant.now());
    publishRun(devices, "stranger", 1, Instant.now());
    sent += publishRun(devices, "good-2", 3, Instant.now());
    int expected = sent;

    await().atMost(Duration.ofSeconds(30)).until(() -> applied(catalog) == expected);
    await().until(() -> bridge.journal().backlog() == 0);
    assertThat(bridge.metrics().count("tributary_edge_bad_input", "reason=\"not_json\""))
        .isEqualTo(1);
    assertThat(bridge.metrics().count("tributary_edge_bad_input", "reason=\"schema\""))
        .isEqualTo(1);
    assertThat(bridge.metrics().count("tributary_edge_bad_input", "reason=\"oversized\""))
        .isEqualTo(1);
    assertThat(bridge.metrics().count("tributary_edge_bad_input", "reason=\"unknown_device\""))
        .isEqualTo(3);
    assertThat(bridge.mqttConnected()).isTrue();
  }

  @Test
  void shouldStampADeviceAnHourAheadWithTheGatewaysClockAndKeepItsOwnTime() throws Exception {
    EdgeBridge bridge =
        closing(
            EdgeBridge.start(
                config("gw-clock", "http://127.0.0.1:" + Mosquitto.freePort(), Map.of())));
    await().until(bridge::mqttConnected);
    Instant deviceTime = Instant.now().plus(Duration.ofHours(1));
    publishRun(publisher("devices-clock"), "drifter", 1, deviceTime);

    await().atMost(Duration.ofSeconds(30)).until(() -> bridge.journal().backlog() == 3);
    List<JsonNode> sent = sendable(bridge, "gw-clock");
    Instant start = Instant.parse(sent.get(0).path("eventTime").asText());
    assertThat(start)
        .isBefore(Instant.now().plusSeconds(5))
        .isAfter(Instant.now().minusSeconds(60));
    assertThat(sent.get(0).at("/run/facets/tributary_edge_event/deviceTime").asText())
        .isEqualTo(deviceTime.toString());
    assertThat(sent).extracting(e -> Instant.parse(e.path("eventTime").asText())).isSorted();
    assertThat(bridge.metrics().count("tributary_edge_clock_skewed", "")).isEqualTo(3);
  }

  @Test
  void shouldReportObservedTrafficPerDeviceOverMqtt5WithUserPropertyAttribution() throws Exception {
    EdgeBridge bridge =
        closing(
            EdgeBridge.start(
                config(
                    "gw-v5",
                    "http://127.0.0.1:" + Mosquitto.freePort(),
                    Map.of(
                        "edge.mqtt.version", "5",
                        "edge.observe.patterns", "sensors/{deviceId}/{signal}",
                        "edge.observe.window", "1s"))));
    await().until(bridge::mqttConnected);
    org.eclipse.paho.mqttv5.client.MqttClient v5 =
        new org.eclipse.paho.mqttv5.client.MqttClient(
            broker.url(),
            "sensor-v5",
            new org.eclipse.paho.mqttv5.client.persist.MemoryPersistence());
    v5.connect(new MqttConnectionOptions());
    closing(v5::close);
    closing(v5::disconnect);
    MqttProperties properties = new MqttProperties();
    properties.setUserProperties(List.of(new UserProperty("device-id", "press-7")));
    for (int i = 0; i < 5; i++) {
      MqttMessage message = new MqttMessage(bytes("{\"t\":" + i + "}"), 1, false, properties);
      v5.publish("sensors/gateway-mux/pressure", message);
    }
    MqttClient v3 = publisher("sensor-v3");
    for (int i = 0; i < 3; i++) {
      v3.publish("sensors/pump-9/temp", bytes("21.5"), 1, false);
    }

    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                sendable(bridge, "gw-v5").stream()
                        .filter(e -> e.path("eventType").asText().equals("RUNNING"))
                        .map(e -> e.at("/job/name").asText())
                        .filter(name -> name.startsWith("device/"))
                        .distinct()
                        .count()
                    == 2);
    List<JsonNode> running =
        sendable(bridge, "gw-v5").stream()
            .filter(e -> e.path("eventType").asText().equals("RUNNING"))
            .filter(e -> e.at("/job/name").asText().startsWith("device/"))
            .toList();
    assertThat(running)
        .extracting(e -> e.at("/job/name").asText())
        .containsOnly("device/press-7", "device/pump-9");
    JsonNode press =
        running.stream()
            .filter(e -> e.at("/job/name").asText().equals("device/press-7"))
            .findFirst()
            .orElseThrow();
    assertThat(press.at("/outputs/0/namespace").asText())
        .isEqualTo(broker.url().replace("tcp", "mqtt"));
    assertThat(press.at("/outputs/0/name").asText()).isEqualTo("sensors/gateway-mux/pressure");
    assertThat(press.at("/outputs/0/outputFacets/outputStatistics/rowCount").asLong()).isEqualTo(5);
  }

  /**
   * The journal's events as the bridge would send them, each valid against the official schemas.
   */
  private static List<JsonNode> sendable(EdgeBridge bridge, String node) {
    EdgeEvents events = new EdgeEvents(JSON, node);
    EventValidator validator = EventValidator.load();
    List<JsonNode> out = new ArrayList<>();
    for (JournalEntry entry : bridge.journal().oldest(1_000)) {
      JsonNode event = events.forSending(entry);
      EventValidator.Result result = validator.validate(event);
      assertThat(result.violations()).as(event.toString()).isEmpty();
      assertThat(result.unknownFacets()).as(event.toString()).isEmpty();
      out.add(event);
    }
    return out;
  }
}
