package io.tributary.edge.device;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;

/**
 * The device side: publishes a device's lineage events at QoS 1 to {@code
 * tributary/lineage/<deviceId>}, where the edge bridge picks them up. Its last will marks the
 * device offline on {@code tributary/status/<deviceId>}. Depends on Paho's MQTT 3.1.1 client only.
 */
public final class DeviceClient implements AutoCloseable {
  private final MqttClient client;
  private final String deviceId;
  private final DeviceEvents events;

  private DeviceClient(MqttClient client, String deviceId, DeviceEvents events) {
    this.client = client;
    this.deviceId = deviceId;
    this.events = events;
  }

  /** Connects to {@code brokerUrl} as client {@code deviceId}. */
  public static DeviceClient connect(String brokerUrl, String deviceId, DeviceEvents events)
      throws MqttException {
    MqttClient client = new MqttClient(brokerUrl, deviceId, new MemoryPersistence());
    MqttConnectOptions options = new MqttConnectOptions();
    options.setMqttVersion(MqttConnectOptions.MQTT_VERSION_3_1_1);
    options.setAutomaticReconnect(true);
    options.setCleanSession(true);
    options.setWill(statusTopic(deviceId), bytes("offline"), 1, true);
    client.connect(options);
    client.publish(statusTopic(deviceId), bytes("online"), 1, true);
    return new DeviceClient(client, deviceId, events);
  }

  public static String lineageTopic(String deviceId) {
    return "tributary/lineage/" + deviceId;
  }

  public static String statusTopic(String deviceId) {
    return "tributary/status/" + deviceId;
  }

  /** Publishes one event now, at QoS 1; returns once the broker has it. */
  public void report(String eventType, List<DeviceEvents.Output> outputs) throws MqttException {
    publish(events.event(eventType, Instant.now(), outputs));
  }

  /** Publishes an event built elsewhere, as JSON text. */
  public void publish(String eventJson) throws MqttException {
    client.publish(lineageTopic(deviceId), bytes(eventJson), 1, false);
  }

  /** Publishes a data message (a reading) at QoS 1 on one of the device's own topics. */
  public void publishData(String topic, byte[] payload) throws MqttException {
    client.publish(topic, payload, 1, false);
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  @Override
  public void close() throws MqttException {
    if (client.isConnected()) {
      client.publish(statusTopic(deviceId), bytes("offline"), 1, true);
      client.disconnect();
    }
    client.close();
  }
}
