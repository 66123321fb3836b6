/**
 * Catalog backends as plug-ins: a {@link io.tributary.catalog.spi.CatalogBackend} names itself and
 * opens a {@link io.tributary.catalog.Catalog} from a {@link
 * io.tributary.catalog.spi.CatalogContext}; {@link io.tributary.catalog.spi.CatalogBackends} finds
 * them through {@link java.util.ServiceLoader}. This module registers {@code atlas} (a remote
 * Apache Atlas); the {@code catalog-janus} module registers the embedded JanusGraph backends.
 */
package io.tributary.catalog.spi;
