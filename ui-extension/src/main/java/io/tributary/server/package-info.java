/**
 * The catalog server: {@link io.tributary.server.CatalogServer} wires configuration, catalog,
 * ingestion and the HTTP resources by hand, and owns their start and orderly stop; health, metrics
 * and the static web files are served here too.
 */
package io.tributary.server;
