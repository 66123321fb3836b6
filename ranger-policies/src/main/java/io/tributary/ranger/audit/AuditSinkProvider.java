package io.tributary.ranger.audit;

import io.tributary.config.ConfigDef;
import io.tributary.config.Configuration;

/**
 * A kind of {@link AuditSink}, chosen by {@code audit.sink}. Implementations are found through
 * {@link java.util.ServiceLoader}: list the class in {@code
 * META-INF/services/io.tributary.ranger.audit.AuditSinkProvider} and give it a public no-argument
 * constructor.
 */
public interface AuditSinkProvider {
  /** The name {@code audit.sink} selects this provider by, such as {@code kafka}. */
  String name();

  /**
   * The keys this sink reads beyond Tributary's own, accepted and checked by the server's loader
   * like any other; built-in sinks declare theirs in {@link AuditSettings}.
   */
  default ConfigDef settings() {
    return ConfigDef.of();
  }

  /**
   * A new sink; the caller closes it.
   *
   * @param config the server's configuration, from which the sink reads its keys
   * @throws io.tributary.config.ConfigException when its keys cannot make a sink
   */
  AuditSink create(Configuration config);
}
