package io.tributary.emitters;

/**
 * Something that knows part of what a running job reads and writes. Called from the run's snapshot
 * thread once per window, never from the host's threads; each call closes the current window, so
 * statistics are those since the previous call.
 */
@FunctionalInterface
public interface SnapshotSource {
  Snapshot snapshot();
}
