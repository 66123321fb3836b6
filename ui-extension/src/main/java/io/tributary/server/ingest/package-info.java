/**
 * The HTTP side of OpenLineage ingestion: reading request bodies within a size limit (also after
 * gzip decompression) and the {@code /api/v1/lineage} endpoints, which hand events to the {@link
 * io.tributary.ingest.IngestPipeline} and answer what it did.
 */
package io.tributary.server.ingest;
