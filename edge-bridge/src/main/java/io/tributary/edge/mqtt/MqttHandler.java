package io.tributary.edge.mqtt;

import java.util.Map;

/** Receives the messages of the bridge's subscriptions, on the MQTT client's thread. */
@FunctionalInterface
public interface MqttHandler {
  /**
   * Called before the message is acknowledged: a QoS 1 message is acknowledged only once this
   * returns, so what it journals survives a crash. Must not throw.
   *
   * @param userProperties the MQTT 5 user properties (empty over 3.1.1)
   */
  void onMessage(String topic, byte[] payload, Map<String, String> userProperties);
}
