/**
 * Flink 2 lineage from Flink's native {@code LineageGraph}: register {@link
 * io.tributary.emitters.flink.TributaryJobStatusListenerFactory} in {@code
 * execution.job-status-changed-listeners}.
 */
package io.tributary.emitters.flink;
