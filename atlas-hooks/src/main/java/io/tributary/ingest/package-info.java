/**
 * Ingestion: the {@link io.tributary.ingest.IngestPipeline} every write goes through (tenant,
 * admission, limits, validation, translation), the group committer that turns many concurrent
 * writes into few catalog transactions, and the Kafka consumer that feeds OpenLineage events from a
 * topic into the pipeline. The headers and facets ingestion reads are the wire contract's: {@link
 * io.tributary.contract.IngestHeaders} and {@link io.tributary.contract.TributaryFacets}.
 *
 * <p>Everything acknowledges only what is committed: a future completes, and a Kafka offset is
 * committed, after the catalog transaction that holds the write has returned.
 */
package io.tributary.ingest;
