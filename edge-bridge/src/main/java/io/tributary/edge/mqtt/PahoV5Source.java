package io.tributary.edge.mqtt;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttCallback;
import org.eclipse.paho.mqttv5.client.MqttClient;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.MqttDisconnectResponse;
import org.eclipse.paho.mqttv5.client.persist.MqttDefaultFilePersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.eclipse.paho.mqttv5.common.packet.MqttProperties;
import org.eclipse.paho.mqttv5.common.packet.UserProperty;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * MQTT 5 through Paho's mqttv5 client: a session that outlives the connection ({@code
 * cleanStart=false} and a session expiry), and user properties passed to the handler.
 */
final class PahoV5Source implements MqttSource {
  private static final Logger LOG = LoggerFactory.getLogger(PahoV5Source.class);
  private static final long SESSION_EXPIRY_SECONDS = 7L * 24 * 3600;

  private final MqttOptions options;
  private final Reconnector reconnector;
  private volatile MqttClient client;
  private volatile List<String> filters = List.of();

  PahoV5Source(MqttOptions options) {
    this.options = options;
    this.reconnector = new Reconnector("edge-mqtt-v5", options.reconnectDelay(), this::connectOnce);
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
        new MqttCallback() {
          @Override
          public void disconnected(MqttDisconnectResponse response) {
            LOG.warn("mqtt: disconnected from {} ({}); reconnecting", options.url(), response);
            reconnector.wake();
          }

          @Override
          public void mqttErrorOccurred(MqttException exception) {
            LOG.warn("mqtt: error: {}", exception.toString());
          }

          @Override
          public void messageArrived(String topic, MqttMessage message) {
            handler.onMessage(topic, message.getPayload(), userProperties(message));
          }

          @Override
          public void deliveryComplete(IMqttToken token) {}

          @Override
          public void connectComplete(boolean reconnect, String serverUri) {
            subscribe();
          }

          @Override
          public void authPacketArrived(int reasonCode, MqttProperties properties) {}
        });
    reconnector.start();
  }

  private static Map<String, String> userProperties(MqttMessage message) {
    MqttProperties properties = message.getProperties();
    if (properties == null || properties.getUserProperties() == null) {
      return Map.of();
    }
    Map<String, String> out = new LinkedHashMap<>();
    for (UserProperty p : properties.getUserProperties()) {
      out.putIfAbsent(p.getKey(), p.getValue());
    }
    return out;
  }

  private boolean connectOnce() {
    MqttClient c = client;
    if (c == null || c.isConnected()) {
      return true;
    }
    MqttConnectionOptions connect = new MqttConnectionOptions();
    connect.setCleanStart(false);
    connect.setSessionExpiryInterval(SESSION_EXPIRY_SECONDS);
    connect.setAutomaticReconnect(false);
    connect.setKeepAliveInterval(20);
    connect.setConnectionTimeout(10);
    connect.setReceiveMaximum(1000);
    if (options.username() != null) {
      connect.setUserName(options.username());
      connect.setPassword(
          options.password() == null
              ? new byte[0]
              : options.password().getBytes(StandardCharsets.UTF_8));
    }
    MqttMessage will = new MqttMessage("offline".getBytes(StandardCharsets.UTF_8), 1, true, null);
    connect.setWill(options.statusTopic(), will);
    try {
      c.connect(connect);
      LOG.info("mqtt: connected to {} (MQTT 5, session {})", options.url(), options.clientId());
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
        client.publish(topic, payload, 1, true);
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
