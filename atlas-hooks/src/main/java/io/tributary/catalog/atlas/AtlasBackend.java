package io.tributary.catalog.atlas;

import io.tributary.catalog.Catalog;
import io.tributary.catalog.CatalogException;
import io.tributary.catalog.spi.CatalogBackend;
import io.tributary.catalog.spi.CatalogContext;
import java.net.URI;

/**
 * {@code catalog.backend = atlas}: an existing Apache Atlas, read through REST and written through
 * the {@code atlas.sink} ({@code rest} or {@code notification}).
 */
public final class AtlasBackend implements CatalogBackend {
  public static final String NAME = "atlas";

  // The keys the server declares (and documents) with their defaults.
  static final String URL = "atlas.url";
  static final String USERNAME = "atlas.username";
  static final String PASSWORD = "atlas.password";
  static final String SINK = "atlas.sink";
  static final String HOOK_BOOTSTRAP_SERVERS = "atlas.hook.bootstrap-servers";

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public Catalog open(CatalogContext context) {
    return AtlasCatalog.open(config(context), context.types(), context.feed());
  }

  static AtlasBackendConfig config(CatalogContext context) {
    AtlasRestConfig rest =
        AtlasRestConfig.of(
            URI.create(required(context, URL)),
            required(context, USERNAME),
            context.setting(PASSWORD).orElse(null));
    return "notification".equals(context.setting(SINK).orElse("rest"))
        ? AtlasBackendConfig.notification(
            rest,
            AtlasBackendConfig.NotificationConfig.of(required(context, HOOK_BOOTSTRAP_SERVERS)))
        : AtlasBackendConfig.rest(rest);
  }

  private static String required(CatalogContext context, String key) {
    return context
        .setting(key)
        .orElseThrow(() -> new CatalogException("The atlas catalog backend needs '" + key + "'"));
  }
}
