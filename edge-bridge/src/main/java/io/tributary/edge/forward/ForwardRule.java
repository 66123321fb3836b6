package io.tributary.edge.forward;

import java.util.Objects;

/**
 * {@code name=filter>topic}: MQTT messages matching {@code filter} go to the Kafka {@code topic}.
 */
public record ForwardRule(String name, String filter, String kafkaTopic) {
  public ForwardRule {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(filter, "filter");
    Objects.requireNonNull(kafkaTopic, "kafkaTopic");
  }

  public static ForwardRule parse(String text) {
    int eq = text.indexOf('=');
    int arrow = text.lastIndexOf('>');
    if (eq <= 0 || arrow < eq + 2 || arrow == text.length() - 1) {
      throw new IllegalArgumentException(
          "Forwarding rule '" + text + "' is not name=mqtt/filter/#>kafka-topic");
    }
    return new ForwardRule(
        text.substring(0, eq).strip(),
        text.substring(eq + 1, arrow).strip(),
        text.substring(arrow + 1).strip());
  }

  /** MQTT topic matching: {@code +} one level, {@code #} the rest. */
  public boolean matches(String topic) {
    return TopicFilters.matches(filter, topic);
  }
}
