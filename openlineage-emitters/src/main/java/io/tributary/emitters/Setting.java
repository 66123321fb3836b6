package io.tributary.emitters;

import java.util.Objects;
import java.util.function.Function;

/**
 * One configuration key declared as data: its name, its type as shown to users, its default, what
 * it does, and the parser that also validates it. The reference table in {@code docs/emitters.md}
 * is generated from these declarations ({@link EmitterSettings#markdownTable()}).
 *
 * @param <T> the parsed type
 */
public record Setting<T>(
    String key, String type, String defaultText, String doc, Function<String, T> parser) {
  public Setting {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(defaultText, "defaultText");
    Objects.requireNonNull(doc, "doc");
    Objects.requireNonNull(parser, "parser");
  }

  /** Parses a raw value, naming the key and the value when it is invalid. */
  public T parse(String raw) {
    try {
      return parser.apply(raw.trim());
    } catch (EmitterException e) {
      throw new EmitterException("Setting '" + key + "': " + e.getMessage(), e);
    } catch (RuntimeException e) {
      throw new EmitterException(
          "Setting '" + key + "' has invalid value '" + raw + "' (expected " + type + ")", e);
    }
  }
}
