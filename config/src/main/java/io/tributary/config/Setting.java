package io.tributary.config;

import java.util.Locale;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * One configuration key, declared once: everything the loader, the validator and the reference page
 * need.
 *
 * @param defaultValue null when the key has no default (it is then optional)
 * @param check further validation; throws {@link IllegalArgumentException} with the reason
 * @param secret a secret's value never appears in logs, errors or the reference page
 * @param defaultDoc how the default is found when no constant states it (an environment variable,
 *     the host's own settings), for the reference page; null when {@code defaultValue} says it all
 */
public record Setting<T>(
    String name,
    ValueType<T> type,
    T defaultValue,
    String doc,
    Consumer<T> check,
    boolean secret,
    String defaultDoc) {
  public Setting {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(doc, "doc");
    check = check == null ? v -> {} : check;
    if (!name.matches("[a-z][a-z0-9-]*(\\.[a-z][a-z0-9-]*)*")) {
      throw new IllegalArgumentException("setting name '" + name + "' is not dotted lower-case");
    }
  }

  public static <T> Setting<T> of(String name, ValueType<T> type, T defaultValue, String doc) {
    return new Setting<>(name, type, defaultValue, doc, null, false, null);
  }

  public Setting<T> withCheck(Consumer<T> newCheck) {
    return new Setting<>(name, type, defaultValue, doc, newCheck, secret, defaultDoc);
  }

  public Setting<T> asSecret() {
    return new Setting<>(name, type, defaultValue, doc, check, true, defaultDoc);
  }

  /** Documents a default that is computed rather than constant, such as {@code $X, else y}. */
  public Setting<T> withDefaultDoc(String text) {
    return new Setting<>(name, type, defaultValue, doc, check, secret, text);
  }

  /** {@code server.port} is read from {@code TRIBUTARY_SERVER_PORT}. */
  public String environmentVariable() {
    return environmentVariable(name);
  }

  static String environmentVariable(String key) {
    return "TRIBUTARY_" + key.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
  }

  /**
   * Parses and validates one source's text.
   *
   * @param source where the text came from, for the message: {@code "config file x.yml"}
   * @throws ConfigException naming the key, the value (unless secret) and the source
   */
  public T parse(String text, String source) {
    try {
      T value = type.parse().apply(text);
      check.accept(value);
      return value;
    } catch (IllegalArgumentException e) {
      throw new ConfigException(
          "Configuration key '"
              + name
              + "' has a bad value "
              + (secret ? "(secret, not shown)" : "'" + text + "'")
              + " from "
              + source
              + ": "
              + e.getMessage());
    }
  }
}
