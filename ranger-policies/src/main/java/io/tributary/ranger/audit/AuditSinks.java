package io.tributary.ranger.audit;

import io.tributary.config.ConfigDef;
import io.tributary.config.Configuration;
import io.tributary.plugin.PluginRegistry;
import java.util.List;

/**
 * The audit sinks on the class path by name: the built-in {@code log} and {@code kafka}, and
 * plug-ins.
 */
public final class AuditSinks {
  private final PluginRegistry<AuditSinkProvider> providers;

  private AuditSinks(PluginRegistry<AuditSinkProvider> providers) {
    this.providers = providers;
  }

  /**
   * @throws io.tributary.plugin.PluginException when a provider fails to load or two share a name
   */
  public static AuditSinks load() {
    return new AuditSinks(
        PluginRegistry.load(AuditSinkProvider.class, AuditSinkProvider::name, "Audit sink"));
  }

  public List<String> names() {
    return providers.names();
  }

  /** The keys the plug-ins declare, for the server's loader. */
  public ConfigDef settings() {
    return ConfigDef.concat(
        providers.names().stream().map(n -> providers.get(n).settings()).toArray(ConfigDef[]::new));
  }

  /**
   * @throws IllegalArgumentException naming the known sinks when none has this name
   */
  public AuditSinkProvider provider(String name) {
    return providers.get(name);
  }

  /**
   * A new sink of the named kind; the caller closes it.
   *
   * @throws IllegalArgumentException naming the known sinks when none has this name
   */
  public AuditSink create(String name, Configuration config) {
    return provider(name).create(config);
  }
}
