package io.tributary.edge.mqtt;

import java.util.List;

/**
 * The bridge's MQTT connection: a persistent session (the broker keeps its subscriptions and queues
 * QoS 1 messages while it is away), reconnected forever and resubscribed on every connect. One
 * implementation per protocol version, as Paho has one client per version.
 */
public interface MqttSource extends AutoCloseable {
  /** Connects in the background (retrying until the broker answers) and subscribes at QoS 1. */
  void start(List<String> filters, MqttHandler handler);

  boolean connected();

  /** Publishes a retained message at QoS 1 (the bridge's own status), if connected. */
  void publishRetained(String topic, byte[] payload);

  @Override
  void close();

  /** The client for {@code version} ("3.1.1" or "5"). */
  static MqttSource create(MqttOptions options) {
    return options.version().equals("5") ? new PahoV5Source(options) : new PahoV3Source(options);
  }
}
