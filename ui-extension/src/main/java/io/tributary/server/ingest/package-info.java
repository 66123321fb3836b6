/**
 * The HTTP side of OpenLineage ingestion: reading request bodies within a size limit (also after
 * gzip decompression) and the {@code /api/v1/lineage} endpoints that commit events through the
 * group committer.
 */
package io.tributary.server.ingest;
