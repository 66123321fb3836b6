/**
 * The catalog's HTTP API under {@code /api/v1}: OpenLineage ingest, entity look-ups, search,
 * lineage, path, impact, counts and the change feed. Resources are plain classes built by the
 * composition root; each answers JSON, and every error leaves as a problem.
 */
package io.tributary.server.api;
