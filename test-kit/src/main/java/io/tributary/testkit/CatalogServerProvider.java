package io.tributary.testkit;

import java.net.URI;
import java.nio.file.Path;
import java.util.Map;

/**
 * Starts a Tributary catalog server for {@link RunningCatalog}. The test kit cannot depend on the
 * server (the server's module uses the kit in its tests, and Maven forbids the cycle), so the
 * server's module implements this interface and registers it in {@code
 * META-INF/services/io.tributary.testkit.CatalogServerProvider}.
 */
public interface CatalogServerProvider {

  /**
   * Starts a server listening on 127.0.0.1 and a free port, with its data in {@code dataDir}.
   *
   * @param dataDir the server's data directory
   * @param settings further settings by key (as in {@code docs/configuration.md}); they override
   *     the provider's defaults, so {@code server.port} may pin a port
   * @return the running server
   */
  Server start(Path dataDir, Map<String, String> settings);

  /** A running server. */
  interface Server extends AutoCloseable {
    /**
     * Where the server listens.
     *
     * @return its base URI, ending in {@code /}
     */
    URI uri();

    /** Stops the server. */
    @Override
    void close();
  }
}
