package io.tributary.demo.edge;

import io.tributary.config.ConfigLoader;
import io.tributary.demo.EmbeddedKafka;
import io.tributary.demo.Topics;
import io.tributary.edge.EdgeBridge;
import io.tributary.edge.EdgeSettings;
import io.tributary.edge.lineage.Naming;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The demo's edge: an embedded MQTT broker, simulated plant sensors, an edge bridge that observes
 * them, forwards their readings to Kafka and syncs its journal to the catalog, and an app that
 * turns hot readings into alerts. Lineage runs device → MQTT topic → bridge → Kafka topic → sensor
 * alerts → the alerts topic the pipeline's notifier reads.
 */
public final class EdgeDemo implements AutoCloseable {
  /** The Kafka topic the bridge forwards readings to. */
  public static final String READINGS = "sensor-readings";

  /** The demo gateway's node name. */
  public static final String NODE = "demo-gateway";

  private final EmbeddedMqtt mqtt;
  private final EdgeBridge bridge;
  private final SensorAlerts alerts;
  private final SimulatedSensors sensors;

  private EdgeDemo(
      EmbeddedMqtt mqtt, EdgeBridge bridge, SensorAlerts alerts, SimulatedSensors sensors) {
    this.mqtt = mqtt;
    this.bridge = bridge;
    this.alerts = alerts;
    this.sensors = sensors;
  }

  /**
   * @param lineage the pipeline's {@code openlineage.*} keys, for the sensor alerts app
   */
  public static EdgeDemo start(
      Path dataDir, URI catalog, String bootstrapServers, Map<String, ?> lineage, Duration interval)
      throws Exception {
    Topics.createIfAbsent(bootstrapServers, List.of(READINGS));
    EmbeddedMqtt mqtt = EmbeddedMqtt.start(EmbeddedKafka.freePort());
    EdgeBridge bridge = null;
    SensorAlerts alerts = null;
    try {
      Map<String, String> flags = new HashMap<>();
      flags.put(EdgeSettings.NODE.name(), NODE);
      flags.put(EdgeSettings.MQTT_URL.name(), mqtt.url());
      flags.put(EdgeSettings.CATALOG_URL.name(), catalog.toString());
      flags.put(EdgeSettings.JOURNAL_DIR.name(), dataDir.resolve("edge-journal").toString());
      flags.put(EdgeSettings.HTTP_PORT.name(), "0");
      flags.put(EdgeSettings.HTTP_HOST.name(), "127.0.0.1");
      flags.put(EdgeSettings.OBSERVE.name(), "sensors/{deviceId}/{signal}");
      flags.put(EdgeSettings.WINDOW.name(), interval.toMillis() + "ms");
      flags.put(EdgeSettings.FORWARD.name(), "readings=sensors/#>" + READINGS);
      flags.put(EdgeSettings.KAFKA_BOOTSTRAP.name(), bootstrapServers);
      flags.put(EdgeSettings.KAFKA_CLUSTER.name(), io.tributary.demo.Demo.CLUSTER);
      bridge = EdgeBridge.start(new ConfigLoader(EdgeSettings.ALL, Map.of()).load(flags));
      alerts = SensorAlerts.start(bootstrapServers, READINGS, lineage);
      SimulatedSensors sensors =
          SimulatedSensors.start(mqtt.url(), Naming.mqttNamespace(mqtt.url()), interval.toMillis());
      return new EdgeDemo(mqtt, bridge, alerts, sensors);
    } catch (Exception | Error e) {
      if (alerts != null) {
        alerts.close();
      }
      if (bridge != null) {
        bridge.close();
      }
      mqtt.close();
      throw e;
    }
  }

  public EdgeBridge bridge() {
    return bridge;
  }

  /** Stops the sensors, the alerts app, the bridge (which completes its runs) and the broker. */
  @Override
  public void close() {
    sensors.close();
    alerts.close();
    bridge.close();
    mqtt.close();
  }
}
