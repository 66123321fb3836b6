package io.tributary.config;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/** Resolved configuration: one value per declared key, and the pass-through keys by prefix. */
public final class Configuration {
  private final ConfigDef declared;
  private final Map<String, Object> values;
  private final Map<String, String> origins;
  private final Map<String, String> passThrough;

  Configuration(
      ConfigDef declared,
      Map<String, Object> values,
      Map<String, String> origins,
      Map<String, String> passThrough) {
    this.declared = Objects.requireNonNull(declared, "declared");
    this.values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
    this.origins = Collections.unmodifiableMap(new LinkedHashMap<>(origins));
    this.passThrough = Collections.unmodifiableMap(new TreeMap<>(passThrough));
  }

  /** The value, or the default; null only for a key with no default that is not set. */
  public <T> T get(Setting<T> setting) {
    Objects.requireNonNull(setting, "setting");
    Object value = values.get(setting.name());
    if (value == null) {
      return setting.defaultValue();
    }
    @SuppressWarnings("unchecked") // values are stored by the setting that parsed them
    T typed = (T) value;
    return typed;
  }

  public <T> Optional<T> find(Setting<T> setting) {
    return Optional.ofNullable(get(setting));
  }

  /** Keys of one prefix with the prefix removed, sorted. */
  public Map<String, String> withPrefix(PrefixSetting prefix) {
    Map<String, String> out = new TreeMap<>();
    passThrough.forEach(
        (k, v) -> {
          if (prefix.matches(k)) {
            out.put(k.substring(prefix.prefix().length()), v);
          }
        });
    return Collections.unmodifiableMap(out);
  }

  /**
   * A copy in which {@code setting}, when no source set it, reads {@code value}: for a default that
   * is another module's key, which the declaring module cannot name.
   */
  public <T> Configuration withDefault(Setting<T> setting, T value) {
    Objects.requireNonNull(setting, "setting");
    if (values.containsKey(setting.name()) || value == null) {
      return this;
    }
    Map<String, Object> more = new LinkedHashMap<>(values);
    more.put(setting.name(), value);
    return new Configuration(declared, more, origins, passThrough);
  }

  /** Where a key's value came from: "default", a file, an environment variable or a flag. */
  public String origin(Setting<?> setting) {
    return origins.getOrDefault(setting.name(), "default");
  }

  /**
   * The keys a source set (file, environment, flag), with their values and origins, secrets masked,
   * then how many are at their defaults: a startup log line a person reads.
   */
  public String describeSet() {
    StringBuilder out = new StringBuilder();
    int defaults = 0;
    for (Setting<?> s : declared.settings()) {
      String origin = origins.get(s.name());
      if (origin == null || "default".equals(origin)) {
        defaults++;
        continue;
      }
      out.append(out.isEmpty() ? "" : ", ")
          .append(s.name())
          .append('=')
          .append(s.secret() ? "****" : get(s))
          .append(" (")
          .append(origin)
          .append(')');
    }
    passThrough.forEach(
        (k, v) -> out.append(out.isEmpty() ? "" : ", ").append(k).append('=').append(v));
    return (out.isEmpty() ? "no settings set" : out) + "; " + defaults + " more at their defaults";
  }

  /** Every key and value, secrets masked. */
  @Override
  public String toString() {
    StringBuilder out = new StringBuilder();
    for (Setting<?> s : declared.settings()) {
      Object value = get(s);
      if (value == null) {
        continue;
      }
      out.append(out.isEmpty() ? "" : ", ")
          .append(s.name())
          .append('=')
          .append(s.secret() ? "****" : value);
    }
    passThrough.forEach((k, v) -> out.append(", ").append(k).append('=').append(v));
    return out.toString();
  }
}
