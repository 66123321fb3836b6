/**
 * Kafka Streams lineage in one call: {@link
 * io.tributary.emitters.streams.TributaryStreams#instrument} turns the application's topology,
 * assignment and metrics into a streaming OpenLineage job.
 */
package io.tributary.emitters.streams;
