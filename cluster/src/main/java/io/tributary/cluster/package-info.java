/**
 * Several catalog servers over one store behaving as one catalog: the shared change log ({@link
 * io.tributary.cluster.changes}) and the Kafka form of the ingest journal ({@link
 * io.tributary.cluster.journal}), configured by {@link io.tributary.cluster.ClusterSettings}.
 */
package io.tributary.cluster;
