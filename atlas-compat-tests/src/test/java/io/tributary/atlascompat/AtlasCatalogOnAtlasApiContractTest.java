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
import org.junit.jupiter.api.Disabled;
import org.junit.jupiter.api.Test;

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

  @Test
  @Disabled(
      "Atlas keeps no time per attribute, and the Atlas backend writes what it is sent: a late"
          + " event overwrites a newer value (the embedded catalog keeps the newest)")
  @Override
  protected void shouldKeepTheNewestValueOfEachAttributeWhateverTheDeliveryOrder() {}

  @Test
  @Disabled(
      "The Atlas backend searches a name prefix through Atlas's basic search; against the"
          + " server's Atlas API 'ORD' finds neither 'orders' nor 'orders_eu'")
  @Override
  protected void shouldSearchByNamePrefixCaseInsensitively() {}

  @Test
  @Disabled(
      "The Atlas backend does not check entity types itself: it sends the write and leaves the"
          + " check to Atlas; the server's Atlas API accepts the types of its own registry")
  @Override
  protected void shouldRejectAnUnknownEntityTypeNamingIt() {}
}
