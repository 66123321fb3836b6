package io.tributary.edge.mqtt;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
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
final class PahoV5Source extends PahoSource {
  private static final Logger LOG = LoggerFactory.getLogger(PahoV5Source.class);
  private static final long SESSION_EXPIRY_SECONDS = 7L * 24 * 3600;

  private volatile MqttClient client;

  PahoV5Source(MqttOptions options) {
    super(options, "MQTT 5", "edge-mqtt-v5");
  }

  @Override
  void create(MqttHandler handler) throws MqttException {
    client =
        new MqttClient(
            options.url(),
            options.clientId(),
            new MqttDefaultFilePersistence(options.sessionDir().toString()));
    client.setCallback(
        new MqttCallback() {
          @Override
          public void disconnected(MqttDisconnectResponse response) {
            lost(response);
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
            resubscribe();
          }

          @Override
          public void authPacketArrived(int reasonCode, MqttProperties properties) {}
        });
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

  @Override
  void connect() throws MqttException {
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
    connect.setWill(options.statusTopic(), new MqttMessage(OFFLINE, 1, true, null));
    client.connect(connect);
  }

  @Override
  boolean clientConnected() {
    return client.isConnected();
  }

  @Override
  void subscribe(String filter) throws MqttException {
    client.subscribe(filter, 1);
  }

  @Override
  void publish(String topic, byte[] payload) throws MqttException {
    client.publish(topic, payload, 1, true);
  }

  @Override
  void disconnectAndClose(boolean connected) throws MqttException {
    if (connected) {
      client.disconnect(2_000);
    }
    client.close();
  }
}
