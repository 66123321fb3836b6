package io.tributary.testkit;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.ServiceLoader;

/**
 * A Tributary catalog server running in this JVM, for tests that talk to it over HTTP (or send it
 * lineage through an OpenLineage HTTP transport pointed at {@link #uri()}).
 *
 * <pre>{@code
 * try (RunningCatalog catalog = RunningCatalog.start(tempDir, Map.of())) {
 *   URI lineage = catalog.uri("api/v1/lineage");
 *   ...
 * }
 * }</pre>
 *
 * <p>The server comes from a {@link CatalogServerProvider} found with {@link ServiceLoader}:
 * Tributary's server jar ({@code ui-extension}) provides one, so it must be on the test class path.
 */
public final class RunningCatalog implements AutoCloseable {
  private final CatalogServerProvider.Server server;

  private RunningCatalog(CatalogServerProvider.Server server) {
    this.server = server;
  }

  /**
   * Starts a catalog server on 127.0.0.1 and a free port.
   *
   * @param dataDir the server's data directory (embedded JanusGraph on BerkeleyJE by default)
   * @param settings further settings by key, overriding the defaults
   * @return the running server
   * @throws IllegalStateException if no {@link CatalogServerProvider} is on the class path
   */
  public static RunningCatalog start(Path dataDir, Map<String, String> settings) {
    Objects.requireNonNull(dataDir, "dataDir");
    Objects.requireNonNull(settings, "settings");
    List<CatalogServerProvider> providers =
        ServiceLoader.load(CatalogServerProvider.class).stream()
            .map(ServiceLoader.Provider::get)
            .toList();
    if (providers.isEmpty()) {
      throw new IllegalStateException(
          "No "
              + CatalogServerProvider.class.getName()
              + " on the class path: add io.tributary:ui-extension (the catalog server) as a test"
              + " dependency");
    }
    return new RunningCatalog(providers.get(0).start(dataDir, settings));
  }

  /**
   * Where the server listens.
   *
   * @return its base URI, ending in {@code /}
   */
  public URI uri() {
    return server.uri();
  }

  /**
   * A path on the server.
   *
   * @param path relative to the base, for example {@code api/v1/lineage}
   * @return the absolute URI
   */
  public URI uri(String path) {
    return server.uri().resolve(path);
  }

  /** Stops the server. */
  @Override
  public void close() {
    server.close();
  }
}
