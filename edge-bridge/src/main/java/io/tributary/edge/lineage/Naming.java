package io.tributary.edge.lineage;

import java.net.URI;
import java.util.Locale;

/**
 * How the bridge names what it reports, in the style of the Kafka convention ({@code
 * kafka://host:port} + topic; docs/emitters.md): an MQTT topic is the dataset {@code
 * mqtt://host:port} + topic name, whatever the transport scheme ({@code tcp}, {@code ssl}, {@code
 * ws}); a device is the job {@code device/<id>} and a forwarding rule the job {@code
 * forward/<rule>}, both in the namespace {@code edge://<node>}.
 */
public final class Naming {
  private Naming() {}

  /** {@code tcp://Broker:1883} is {@code mqtt://broker:1883}; a missing port is 1883 (8883 TLS). */
  public static String mqttNamespace(String brokerUrl) {
    URI uri = URI.create(brokerUrl);
    String scheme = uri.getScheme() == null ? "tcp" : uri.getScheme().toLowerCase(Locale.ROOT);
    int port = uri.getPort();
    if (port < 0) {
      port = scheme.equals("ssl") || scheme.equals("wss") ? 8883 : 1883;
    }
    return "mqtt://" + uri.getHost().toLowerCase(Locale.ROOT) + ":" + port;
  }

  /** {@code PLAINTEXT://Broker:9092,b2:9092} is {@code kafka://broker:9092}. */
  public static String kafkaNamespace(String bootstrapServers) {
    String first = bootstrapServers.split(",")[0].strip();
    int scheme = first.indexOf("://");
    if (scheme >= 0) {
      first = first.substring(scheme + 3);
    }
    return "kafka://" + first.toLowerCase(Locale.ROOT);
  }

  public static String nodeNamespace(String node) {
    return "edge://" + node;
  }

  public static String deviceJob(String deviceId) {
    return "device/" + deviceId;
  }

  public static String forwardJob(String rule) {
    return "forward/" + rule;
  }
}
