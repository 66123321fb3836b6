package io.tributary.ranger;

import io.tributary.contract.TenantId;
import io.tributary.ranger.audit.AuditRecord;
import io.tributary.ranger.audit.AuditingResultProcessor;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * Write decisions remembered per principal and tenant while the policies in force stay the same,
 * for at most {@code ttl}. Ingest asks for every event, and a Ranger evaluation with its audit
 * record cost more than the rest of the request; the answer for the same principal and tenant does
 * not change between policy versions, except through a policy's validity schedule or Ranger Admin's
 * roles, which the time bound covers.
 *
 * <p>Nothing goes unaudited: the evaluation is audited as Ranger decides, and the repeats it
 * answered are written, as Ranger's audit summarisation does, as one record standing for all of
 * them ({@link AuditRecord#eventCount}) when the decision is evaluated again, or at {@link #flush}.
 */
final class WriteDecisions {
  /** What an evaluation returns: the decision, and its audit record when Ranger audited it. */
  record Evaluated(boolean allowed, AuditRecord audit) {}

  private record Key(Principal principal, TenantId tenant) {}

  /** One evaluation and the repeats it answered; repeats are counted under its lock. */
  private static final class Entry {
    final boolean allowed;
    final long policyVersion;
    final long expiresAt;
    final AuditRecord audit;
    private long repeats;
    private Instant firstRepeat;
    private boolean retired;

    Entry(Evaluated evaluated, long policyVersion, long expiresAt) {
      this.allowed = evaluated.allowed();
      this.audit = evaluated.audit();
      this.policyVersion = policyVersion;
      this.expiresAt = expiresAt;
    }

    /** Counts a repeat; false when the entry was retired meanwhile and must not answer. */
    synchronized boolean repeat(Instant now) {
      if (retired) {
        return false;
      }
      if (repeats++ == 0) {
        firstRepeat = now;
      }
      return true;
    }

    /** The summary of the repeats so far, or null; counts restart. */
    synchronized AuditRecord drain(boolean retire) {
      retired |= retire;
      if (repeats == 0 || audit == null) {
        repeats = 0;
        return null;
      }
      AuditRecord summary = audit.summary(UUID.randomUUID().toString(), firstRepeat, repeats);
      repeats = 0;
      return summary;
    }
  }

  private final Map<Key, Entry> entries = new ConcurrentHashMap<>();
  private final AuditingResultProcessor audit;
  private final LongSupplier policyVersion;
  private final long ttlNanos;
  private final LongSupplier nanoTime;
  private final Clock clock;

  WriteDecisions(
      AuditingResultProcessor audit,
      LongSupplier policyVersion,
      java.time.Duration ttl,
      LongSupplier nanoTime,
      Clock clock) {
    this.audit = Objects.requireNonNull(audit, "audit");
    this.policyVersion = Objects.requireNonNull(policyVersion, "policyVersion");
    this.ttlNanos = ttl.toNanos();
    this.nanoTime = Objects.requireNonNull(nanoTime, "nanoTime");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /** Whether {@code principal} may write {@code tenant}, evaluating when nothing valid is known. */
  boolean isAllowed(Principal principal, TenantId tenant, Supplier<Evaluated> evaluate) {
    Key key = new Key(principal, tenant);
    long version = policyVersion.getAsLong();
    long now = nanoTime.getAsLong();
    Entry known = entries.get(key);
    if (known != null
        && known.policyVersion == version
        && now - known.expiresAt < 0
        && known.repeat(clock.instant())) {
      return known.allowed;
    }
    Entry fresh = new Entry(evaluate.get(), version, now + ttlNanos);
    Entry replaced = entries.put(key, fresh);
    if (replaced != null) {
      send(replaced.drain(true));
    }
    return fresh.allowed;
  }

  /** Writes the summaries of the repeats answered so far. */
  void flush() {
    entries.values().forEach(entry -> send(entry.drain(false)));
  }

  private void send(AuditRecord summary) {
    if (summary != null) {
      audit.send(summary);
    }
  }
}
