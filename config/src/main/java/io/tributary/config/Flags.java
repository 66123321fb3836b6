package io.tributary.config;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a command line sets, for {@link ConfigLoader#load}: its {@code --set key=value} pairs and,
 * winning over them, the options that stand for one key each ({@code --port} for {@code
 * server.port}). An option not given (null) leaves its key to the other sources.
 */
public final class Flags {
  private final Map<String, String> values;

  private Flags(Map<String, String> set) {
    this.values = new LinkedHashMap<>(set);
  }

  /** Flags that start from the {@code --set} pairs. */
  public static Flags of(Map<String, String> set) {
    return new Flags(set);
  }

  /** Sets {@code setting} to {@code value} unless the option was not given. */
  public Flags with(Setting<?> setting, String value) {
    if (value != null) {
      values.put(setting.name(), value);
    }
    return this;
  }

  /** Key names to text, as {@link ConfigLoader#load} takes them. */
  public Map<String, String> toMap() {
    return Collections.unmodifiableMap(new LinkedHashMap<>(values));
  }
}
