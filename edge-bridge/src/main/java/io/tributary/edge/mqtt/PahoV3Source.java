package io.tributary.edge.mqtt;

import java.util.Map;
import org.eclipse.paho.client.mqttv3.IMqttDeliveryToken;
import org.eclipse.paho.client.mqttv3.MqttCallbackExtended;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.eclipse.paho.client.mqttv3.persist.MqttDefaultFilePersistence;

/**
 * MQTT 3.1.1 through Paho's mqttv3 client, with a persistent session ({@code cleanSession=false}).
 */
final class PahoV3Source extends PahoSource {
  private volatile MqttClient client;

  PahoV3Source(MqttOptions options) {
    super(options, "MQTT 3.1.1", "edge-mqtt-v3");
  }

  @Override
  void create(MqttHandler handler) throws MqttException {
    client =
        new MqttClient(
            options.url(),
            options.clientId(),
            new MqttDefaultFilePersistence(options.sessionDir().toString()));
    client.setCallback(
        new MqttCallbackExtended() {
          @Override
          public void connectComplete(boolean reconnect, String serverUri) {
            resubscribe();
          }

          @Override
          public void connectionLost(Throwable cause) {
            lost(cause);
          }

          @Override
          public void messageArrived(String topic, MqttMessage message) {
            handler.onMessage(topic, message.getPayload(), Map.of());
          }

          @Override
          public void deliveryComplete(IMqttDeliveryToken token) {}
        });
  }

  @Override
  void connect() throws MqttException {
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
    connect.setWill(options.statusTopic(), OFFLINE, 1, true);
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
    client.getTopic(topic).publish(payload, 1, true);
  }

  @Override
  void disconnectAndClose(boolean connected) throws MqttException {
    if (connected) {
      client.disconnect(2_000);
    }
    client.close();
  }
}
