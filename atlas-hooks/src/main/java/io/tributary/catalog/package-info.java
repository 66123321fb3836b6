/**
 * The catalog API: Atlas-style entities and relationships, lineage queries and the change feed.
 *
 * <p>Two backends implement {@link io.tributary.catalog.Catalog}: the embedded JanusGraph catalog
 * and a remote Apache Atlas. Access control enters every read as a {@link
 * io.tributary.catalog.Visibility} parameter, never as global state.
 */
package io.tributary.catalog;
