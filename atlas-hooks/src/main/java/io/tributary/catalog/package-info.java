/**
 * The catalog API: Atlas-style entities and relationships, lineage queries and the change feed.
 *
 * <p>Two backends implement {@link io.tributary.catalog.Catalog}: the embedded JanusGraph catalog
 * (module {@code catalog-janus}) and a remote Apache Atlas ({@link io.tributary.catalog.atlas});
 * the server chooses one by name through {@link io.tributary.catalog.spi}. Access control enters
 * every read as a {@link io.tributary.catalog.Visibility} parameter, never as global state.
 */
package io.tributary.catalog;
