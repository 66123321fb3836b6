/** Figures of cluster mode: one server against three over one Cassandra keyspace and one Kafka. */
package io.tributary.benchmarks.cluster;
