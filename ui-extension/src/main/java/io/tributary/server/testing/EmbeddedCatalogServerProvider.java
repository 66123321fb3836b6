package io.tributary.server.testing;

import io.tributary.server.CatalogServer;
import io.tributary.server.Settings;
import io.tributary.testkit.CatalogServerProvider;
import java.net.URI;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The catalog server for the test kit's {@code RunningCatalog}. The test kit is a provided,
 * optional dependency: this class is loaded only where the kit is on the class path (tests), and
 * {@code tributary.jar} does not carry the kit.
 */
public final class EmbeddedCatalogServerProvider implements CatalogServerProvider {

  /** Creates the provider; ServiceLoader calls this. */
  public EmbeddedCatalogServerProvider() {}

  @Override
  public Server start(Path dataDir, Map<String, String> settings) {
    Map<String, String> flags = new LinkedHashMap<>();
    flags.put("server.host", "127.0.0.1");
    flags.put("server.port", "0");
    flags.put("data.dir", dataDir.toString());
    flags.putAll(settings);
    CatalogServer server = CatalogServer.start(Settings.loader(Map.of()).load(flags));
    return new Server() {
      @Override
      public URI uri() {
        return server.uri();
      }

      @Override
      public void close() {
        server.close();
      }
    };
  }
}
