/**
 * The shared change log: each server appends the changes it commits to one Kafka topic, keyed by
 * its server id, and delivers the other servers' changes into its own {@link
 * io.tributary.catalog.ChangeFeed}, so that its SSE feed, search index, counters and caches see
 * every write whichever server took it.
 */
package io.tributary.cluster.changes;
