package io.tributary.emitters.kafka;

import io.tributary.emitters.EmitterException;
import java.util.Collection;
import java.util.Locale;

/**
 * OpenLineage's Kafka dataset naming, shared by every integration so that one topic is one dataset
 * whoever reads or writes it: namespace {@code kafka://<first bootstrap host:port>}, name = topic.
 */
public final class KafkaNaming {
  private KafkaNaming() {}

  /**
   * The namespace for a {@code bootstrap.servers} value: a comma-separated string or a collection
   * (Kafka accepts both), optionally with a {@code SECURITY_PROTOCOL://} prefix per address.
   */
  public static String namespace(Object bootstrapServers) {
    String first = firstAddress(bootstrapServers);
    int scheme = first.indexOf("://");
    if (scheme >= 0) {
      first = first.substring(scheme + 3);
    }
    if (first.isEmpty()) {
      throw new EmitterException("bootstrap.servers '" + bootstrapServers + "' has no address");
    }
    return "kafka://" + first.toLowerCase(Locale.ROOT);
  }

  private static String firstAddress(Object servers) {
    if (servers instanceof Collection<?> list) {
      for (Object item : list) {
        String s = firstAddress(item);
        if (!s.isEmpty()) {
          return s;
        }
      }
      return "";
    }
    if (servers == null) {
      throw new EmitterException("bootstrap.servers is not set");
    }
    for (String part : servers.toString().split(",")) {
      if (!part.isBlank()) {
        return part.trim();
      }
    }
    return "";
  }
}
