package io.tributary.edge.mqtt;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.eclipse.paho.client.mqttv3.IMqttDeliveryToken;
import org.eclipse.paho.client.mqttv3.MqttCallbackExtended;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.eclipse.paho.client.mqttv3.persist.MqttDefaultFilePersistence;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * MQTT 3.1.1 through Paho's mqttv3 client, with a persistent session ({@code cleanSession=false}).
 */
final class PahoV3Source implements MqttSource {
  private static final Logger LOG = LoggerFactory.getLogger(PahoV3Source.class);

  private final MqttOptions options;
  private final Reconnector reconnector;
  private volatile MqttClient client;
  private volatile List<String> filters = List.of();

  PahoV3Source(MqttOptions options) {
    this.options = options;
    this.reconnector = new Reconnector("edge-mqtt-v3", options.reconnectDelay(), this::connectOnce);
  }

  @Override
  public void start(List<String> subscribe, MqttHandler handler) {
    this.filters = List.copyOf(subscribe);
    try {
      client =
          new MqttClient(
              options.url(),
              options.clientId(),
              new MqttDefaultFilePersistence(options.sessionDir().toString()));
    } catch (MqttException e) {
      throw new IllegalStateException("Cannot create the MQTT client for " + options.url(), e);
    }
    client.setCallback(
        new MqttCallbackExtended() {
          @Override
          public void connectComplete(boolean reconnect, String serverUri) {
            // Resubscribing is harmless with a kept session and needed after a broker lost it.
            subscribe();
          }

          @Override
          public void connectionLost(Throwable cause) {
            LOG.warn(
                "mqtt: connection to {} lost ({}); reconnecting", options.url(), cause.toString());
            reconnector.wake();
          }

          @Override
          public void messageArrived(String topic, MqttMessage message) {
            handler.onMessage(topic, message.getPayload(), Map.of());
          }

          @Override
          public void deliveryComplete(IMqttDeliveryToken token) {}
        });
    reconnector.start();
  }

  private boolean connectOnce() {
    MqttClient c = client;
    if (c == null || c.isConnected()) {
      return true;
    }
    MqttConnectOptions connect = new MqttConnectOptions();
    connect.setMqttVersion(MqttConnectOptions.MQTT_VERSION_3_1_1);
    connect.setCleanSession(false);
    connect.setAutomaticReconnect(false);
    connect.setKeepAliveInterval(20);
    connect.setConnectionTimeout(10);
    connect.setMaxInflight(1000);
    if (options.username() != null) {
      connect.setUserName(options.username());
      connect.setPassword(
          options.password() == null ? new char[0] : options.password().toCharArray());
    }
    connect.setWill(options.statusTopic(), "offline".getBytes(StandardCharsets.UTF_8), 1, true);
    try {
      c.connect(connect);
      LOG.info("mqtt: connected to {} (MQTT 3.1.1, session {})", options.url(), options.clientId());
      publishRetained(options.statusTopic(), "online".getBytes(StandardCharsets.UTF_8));
      return true;
    } catch (MqttException e) {
      LOG.debug("mqtt: cannot connect to {}: {}", options.url(), e.toString());
      return false;
    }
  }

  private void subscribe() {
    try {
      for (String filter : filters) {
        client.subscribe(filter, 1);
      }
    } catch (MqttException e) {
      LOG.warn("mqtt: cannot subscribe to {}: {}", filters, e.toString());
    }
  }

  @Override
  public boolean connected() {
    MqttClient c = client;
    return c != null && c.isConnected();
  }

  @Override
  public void publishRetained(String topic, byte[] payload) {
    try {
      if (connected()) {
        client.getTopic(topic).publish(payload, 1, true);
      }
    } catch (MqttException e) {
      LOG.debug("mqtt: cannot publish to {}: {}", topic, e.toString());
    }
  }

  @Override
  public void close() {
    reconnector.close();
    MqttClient c = client;
    if (c == null) {
      return;
    }
    try {
      if (c.isConnected()) {
        publishRetained(options.statusTopic(), "offline".getBytes(StandardCharsets.UTF_8));
        c.disconnect(2_000);
      }
      c.close();
    } catch (MqttException e) {
      LOG.debug("mqtt: close: {}", e.toString());
    }
  }
}
