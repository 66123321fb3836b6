package io.tributary.atlascompat;

import io.tributary.atlas.AtlasJson;
import io.tributary.atlas.AtlasTypedefStore;
import io.tributary.catalog.Catalog;
import io.tributary.catalog.ChangeFeed;
import io.tributary.catalog.atlas.AtlasCatalog;
import io.tributary.catalog.atlas.AtlasRestClient;
import io.tributary.catalog.atlas.AtlasRestConfig;
import io.tributary.catalog.atlas.AtlasRestSink;
import io.tributary.catalog.atlas.RetryPolicy;
import io.tributary.catalog.atlas.TenantQualifiedNames;
import io.tributary.catalog.types.TypeRegistry;
import io.tributary.testkit.RunningCatalog;
import io.tributary.testkit.catalog.CatalogContract;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;

/**
 * The test kit's catalog contract on the remote-Atlas backend against an Atlas that keeps what it
 * is sent: a catalog server's own Atlas REST v2 API ({@code entity/bulk}, {@code entity/guid},
 * {@code entity/uniqueAttribute}, {@code lineage}, {@code search/basic}), which speaks Atlas's
 * shapes and is checked against Atlas's own client in {@link AtlasClientV2IT}, so that what the
 * backend writes can be read back.
 */
class AtlasCatalogOnAtlasApiContractTest extends CatalogContract {
  private Path dataDir;
  private RunningCatalog atlas;

  @Override
  protected Catalog openCatalog(ChangeFeed feed) {
    try {
      dataDir = Files.createTempDirectory("atlas-api-contract");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    atlas = RunningCatalog.start(dataDir, Map.of("catalog.backend", "embedded-inmemory"));
    String base = atlas.uri().toString();
    AtlasJson json = new AtlasJson();
    AtlasRestConfig config =
        new AtlasRestConfig(
            URI.create(base.endsWith("/") ? base.substring(0, base.length() - 1) : base),
            "admin",
            "secret",
            Duration.ofSeconds(10),
            new RetryPolicy(2, Duration.ofMillis(10), Duration.ofMillis(20)));
    AtlasRestClient client = new AtlasRestClient(config, json, HttpClient.newHttpClient(), p -> {});
    return new AtlasCatalog(
        client,
        new AtlasRestSink(client, 30),
        AtlasTypedefStore.builtIn(TypeRegistry.builtIn(), json),
        new TenantQualifiedNames(),
        feed);
  }

  @AfterEach
  void stopAtlas() throws IOException {
    if (atlas != null) {
      atlas.close();
    }
    if (dataDir != null) {
      try (Stream<Path> paths = Files.walk(dataDir)) {
        paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }
}
