package io.tributary.edge.mqtt;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What both Paho clients do alike: connect in the background until the broker answers, announce the
 * bridge online (a retained status, with "offline" as the will), resubscribe on every connect, and
 * say "offline" before a clean close. Paho has one client per protocol version with the same calls
 * in different types, so each version supplies the calls.
 */
abstract class PahoSource implements MqttSource {
  private static final Logger LOG = LoggerFactory.getLogger(PahoSource.class);
  static final byte[] ONLINE = "online".getBytes(StandardCharsets.UTF_8);
  static final byte[] OFFLINE = "offline".getBytes(StandardCharsets.UTF_8);

  final MqttOptions options;
  private final String protocol;
  private final Reconnector reconnector;
  private volatile List<String> filters = List.of();
  private volatile boolean created;

  PahoSource(MqttOptions options, String protocol, String threadName) {
    this.options = options;
    this.protocol = protocol;
    this.reconnector = new Reconnector(threadName, options.reconnectDelay(), this::connectOnce);
  }

  /** Creates the client with its file persistence and sets its callback. */
  abstract void create(MqttHandler handler) throws Exception;

  /** Connects once with a persistent session, the will set to {@link #OFFLINE}. */
  abstract void connect() throws Exception;

  abstract boolean clientConnected();

  abstract void subscribe(String filter) throws Exception;

  abstract void publish(String topic, byte[] payload) throws Exception;

  /** Disconnects (if connected) and releases the client. */
  abstract void disconnectAndClose(boolean connected) throws Exception;

  @Override
  public final void start(List<String> subscribe, MqttHandler handler) {
    this.filters = List.copyOf(subscribe);
    try {
      create(handler);
      created = true;
    } catch (Exception e) {
      throw new IllegalStateException("Cannot create the MQTT client for " + options.url(), e);
    }
    reconnector.start();
  }

  private boolean connectOnce() {
    if (!created || clientConnected()) {
      return true;
    }
    try {
      connect();
      LOG.info(
          "mqtt: connected to {} ({}, session {})", options.url(), protocol, options.clientId());
      publishRetained(options.statusTopic(), ONLINE);
      return true;
    } catch (Exception e) {
      LOG.debug("mqtt: cannot connect to {}: {}", options.url(), e.toString());
      return false;
    }
  }

  /** From the client's connect callback: harmless with a kept session, needed after a lost one. */
  final void resubscribe() {
    try {
      for (String filter : filters) {
        subscribe(filter);
      }
    } catch (Exception e) {
      LOG.warn("mqtt: cannot subscribe to {}: {}", filters, e.toString());
    }
  }

  /** From the client's connection-lost callback. */
  final void lost(Object why) {
    LOG.warn("mqtt: connection to {} lost ({}); reconnecting", options.url(), why);
    reconnector.wake();
  }

  @Override
  public final boolean connected() {
    return created && clientConnected();
  }

  @Override
  public final void publishRetained(String topic, byte[] payload) {
    try {
      if (connected()) {
        publish(topic, payload);
      }
    } catch (Exception e) {
      LOG.debug("mqtt: cannot publish to {}: {}", topic, e.toString());
    }
  }

  @Override
  public final void close() {
    reconnector.close();
    if (!created) {
      return;
    }
    try {
      boolean connected = clientConnected();
      if (connected) {
        publishRetained(options.statusTopic(), OFFLINE);
      }
      disconnectAndClose(connected);
    } catch (Exception e) {
      LOG.debug("mqtt: close: {}", e.toString());
    }
  }
}
