/**
 * Ingestion: the group committer that turns many concurrent writes into few catalog transactions,
 * and the Kafka consumer that feeds OpenLineage events from a topic into it.
 *
 * <p>Both acknowledge only what is committed: a future completes, and a Kafka offset is committed,
 * after the catalog transaction that holds the write has returned.
 */
package io.tributary.ingest;
