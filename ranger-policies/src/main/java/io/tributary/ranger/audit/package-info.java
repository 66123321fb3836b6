/** Audit of access decisions: to a log file through SLF4J, or to a Kafka topic. */
package io.tributary.ranger.audit;
