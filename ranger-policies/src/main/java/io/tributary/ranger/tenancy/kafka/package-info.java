/**
 * The tenant registry of a cluster: a compacted, single-partition Kafka topic that every server
 * replays at start and then follows.
 */
package io.tributary.ranger.tenancy.kafka;
