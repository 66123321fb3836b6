/**
 * The distributed form of the ingest journal: the Kafka ingest topic. HTTP ingest on any server
 * admits, validates and appends the event (acks=all) and answers once Kafka acknowledges it; the
 * servers apply the topic as one consumer group, in partition order.
 */
package io.tributary.cluster.journal;
