package io.tributary.config;

import java.util.Objects;

/**
 * A family of keys that start with one prefix and are passed on as they are, such as {@code
 * janusgraph.*} to JanusGraph.
 *
 * @param example a key and value for the reference page, such as {@code
 *     janusgraph.storage.berkeleyje.cache-percentage: 20}
 */
public record PrefixSetting(String prefix, String doc, String example) {
  public PrefixSetting {
    Objects.requireNonNull(prefix, "prefix");
    Objects.requireNonNull(doc, "doc");
    Objects.requireNonNull(example, "example");
    if (!prefix.endsWith(".")) {
      throw new IllegalArgumentException("prefix '" + prefix + "' must end with '.'");
    }
  }

  public boolean matches(String key) {
    return key.startsWith(prefix) && key.length() > prefix.length();
  }
}
