package io.tributary.cluster.changes;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Which changes of the log this server still has to deliver: none of its own (it delivered them
 * when it committed them) and each other server's change once. A change is known by its origin and
 * the origin's sequence, which only increases; the log is keyed by origin, so one origin's changes
 * arrive in order, and a redelivered one (after a rebalance or a producer retry) is at or below the
 * highest seen.
 */
public final class RemoteChanges {
  private final String self;
  private final Map<String, Long> highest = new HashMap<>();

  public RemoteChanges(String self) {
    this.self = Objects.requireNonNull(self, "self");
  }

  /** Whether to deliver this change; remembers it if so. */
  public synchronized boolean accept(ChangeRecord record) {
    if (record.origin().equals(self)) {
      return false;
    }
    Long seen = highest.get(record.origin());
    if (seen != null && record.originSequence() <= seen) {
      return false;
    }
    highest.put(record.origin(), record.originSequence());
    return true;
  }
}
