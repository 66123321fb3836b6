package io.tributary.edge.lineage;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A topic pattern that names where the device id sits, such as {@code sensors/{deviceId}/{signal}}:
 * each {@code {name}} matches one topic level; {@code #} at the end matches the rest.
 */
public final class TopicPattern {
  private final String text;
  private final Pattern regex;

  private TopicPattern(String text, Pattern regex) {
    this.text = text;
    this.regex = regex;
  }

  public static TopicPattern of(String text) {
    if (!text.contains("{deviceId}")) {
      throw new IllegalArgumentException(
          "Topic pattern '" + text + "' has no {deviceId} level to attribute topics by");
    }
    StringBuilder re = new StringBuilder();
    String[] levels = text.split("/", -1);
    for (int i = 0; i < levels.length; i++) {
      String level = levels[i];
      if (i > 0) {
        re.append('/');
      }
      if (level.equals("#") && i == levels.length - 1) {
        re.append(".*");
      } else if (level.equals("{deviceId}")) {
        re.append("(?<deviceId>[^/]+)");
      } else if (level.startsWith("{") && level.endsWith("}") || level.equals("+")) {
        re.append("[^/]+");
      } else {
        re.append(Pattern.quote(level));
      }
    }
    return new TopicPattern(text, Pattern.compile(re.toString()));
  }

  /** The device id of a topic that matches. */
  public Optional<String> deviceId(String topic) {
    Matcher m = regex.matcher(topic);
    return m.matches() ? Optional.of(m.group("deviceId")) : Optional.empty();
  }

  /** The MQTT subscription filter that covers the pattern: every named level as {@code +}. */
  public String filter() {
    return text.replaceAll("\\{[^}/]+}", "+");
  }

  @Override
  public String toString() {
    return text;
  }
}
