package io.tributary.config;

/** A configuration that cannot be used: an unknown key, a bad value, an unreadable file. */
public class ConfigException extends RuntimeException {
  public ConfigException(String message) {
    super(message);
  }

  public ConfigException(String message, Throwable cause) {
    super(message, cause);
  }
}
