package io.tributary.plugin;

/** The plug-ins on the class path cannot be used: one fails to load, or two share a name. */
public class PluginException extends RuntimeException {
  public PluginException(String message) {
    super(message);
  }

  public PluginException(String message, Throwable cause) {
    super(message, cause);
  }
}
