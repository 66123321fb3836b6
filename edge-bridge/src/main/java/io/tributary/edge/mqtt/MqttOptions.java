package io.tributary.edge.mqtt;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * How the bridge connects.
 *
 * @param url the broker, such as {@code tcp://broker:1883}
 * @param version "3.1.1" or "5"
 * @param clientId stable across restarts, so that the broker resumes the session
 * @param sessionDir where the client keeps its in-flight QoS 1 state
 * @param statusTopic where the bridge's last will ("offline") and "online" go, retained
 */
public record MqttOptions(
    String url,
    String version,
    String clientId,
    String username,
    String password,
    Path sessionDir,
    String statusTopic,
    Duration reconnectDelay) {
  public MqttOptions {
    Objects.requireNonNull(url, "url");
    Objects.requireNonNull(version, "version");
    Objects.requireNonNull(clientId, "clientId");
    Objects.requireNonNull(sessionDir, "sessionDir");
    Objects.requireNonNull(statusTopic, "statusTopic");
    Objects.requireNonNull(reconnectDelay, "reconnectDelay");
  }

  @Override
  public String toString() {
    return "MqttOptions[" + url + ", " + version + ", " + clientId + "]";
  }
}
