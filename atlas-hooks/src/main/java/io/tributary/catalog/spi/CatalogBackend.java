package io.tributary.catalog.spi;

import io.tributary.catalog.Catalog;

/**
 * A kind of catalog storage, chosen by its name ({@code catalog.backend}) and found through {@link
 * java.util.ServiceLoader}: a jar registers its backends in {@code
 * META-INF/services/io.tributary.catalog.spi.CatalogBackend}. Implementations need a public
 * no-argument constructor that does no work; {@link #open} does it.
 */
public interface CatalogBackend {
  /** The name configuration chooses it by: lower-case, such as {@code embedded-berkeleyje}. */
  String name();

  /**
   * Opens a catalog; the caller closes it.
   *
   * @throws io.tributary.catalog.CatalogException when the storage cannot be opened or a setting is
   *     invalid
   */
  Catalog open(CatalogContext context);

  /**
   * The keys this backend reads, declared once next to its code and gathered by the server's
   * configuration (and its reference page). Backends of one kind may return the same instance; it
   * counts once.
   */
  default io.tributary.config.ConfigDef settings() {
    return io.tributary.config.ConfigDef.of();
  }
}
