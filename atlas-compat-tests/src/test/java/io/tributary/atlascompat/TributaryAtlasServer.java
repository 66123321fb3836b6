package io.tributary.atlascompat;

import io.tributary.catalog.ChangeFeed;
import io.tributary.catalog.janus.JanusCatalog;
import io.tributary.catalog.janus.JanusConfig;
import io.tributary.catalog.types.TypeRegistry;
import io.tributary.server.atlas.AtlasV2Resource;
import java.net.URI;
import org.glassfish.grizzly.http.server.HttpServer;
import org.glassfish.jersey.grizzly2.httpserver.GrizzlyHttpServerFactory;
import org.glassfish.jersey.server.ResourceConfig;

/**
 * A running Tributary HTTP server with the Atlas API over the embedded JanusGraph catalog, wired as
 * the catalog server wires it: one type registry shared by the catalog and the API.
 */
final class TributaryAtlasServer implements AutoCloseable {
  final TypeRegistry types;
  final JanusCatalog catalog;
  private final HttpServer http;
  final URI uri;

  private TributaryAtlasServer(TypeRegistry types, JanusCatalog catalog, HttpServer http, URI uri) {
    this.types = types;
    this.catalog = catalog;
    this.http = http;
    this.uri = uri;
  }

  static TributaryAtlasServer start() {
    TypeRegistry types = TypeRegistry.builtIn();
    JanusCatalog catalog = JanusCatalog.open(JanusConfig.inMemory(), types, new ChangeFeed());
    ResourceConfig resources =
        new ResourceConfig().register(AtlasV2Resource.create(catalog, types));
    HttpServer http =
        GrizzlyHttpServerFactory.createHttpServer(URI.create("http://127.0.0.1:0/"), resources);
    int port = http.getListeners().iterator().next().getPort();
    return new TributaryAtlasServer(types, catalog, http, URI.create("http://127.0.0.1:" + port));
  }

  @Override
  public void close() {
    http.shutdownNow();
    catalog.close();
  }
}
