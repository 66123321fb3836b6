/**
 * Audit of access decisions through {@link io.tributary.ranger.audit.AuditSink}s: to a log file
 * through SLF4J, to a Kafka topic, or to a plug-in's sink, chosen by name among the {@link
 * io.tributary.ranger.audit.AuditSinkProvider}s that {@link io.tributary.ranger.audit.AuditSinks}
 * finds on the class path.
 */
package io.tributary.ranger.audit;
