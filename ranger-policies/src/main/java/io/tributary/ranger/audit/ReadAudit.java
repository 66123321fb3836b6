package io.tributary.ranger.audit;

import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.DoubleSupplier;

/**
 * Which read requests are audited. A request writes one record however many entities it decided (a
 * lineage view of 5,000 nodes decides 5,000); one with a denial is always written, one that was
 * allowed throughout only as {@link Mode} says, because reads are the bulk of a catalog's traffic
 * and an audit trail of every allowed read drowns the denials it exists for.
 *
 * @param sampleRate the share of allowed reads written with {@link Mode#SAMPLED}, 0 to 1
 */
public record ReadAudit(Mode mode, double sampleRate, AuditSink sink, DoubleSupplier random) {
  /** What becomes of a read request that was allowed throughout. */
  public enum Mode {
    /** Not written: only denials are. */
    OFF,
    /** Written for {@code sampleRate} of the requests. */
    SAMPLED,
    /** Always written. */
    ALL;

    public static Mode parse(String text) {
      try {
        return valueOf(text.trim().toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(
            "read audit must be off, sampled or all, not '" + text + "'", e);
      }
    }
  }

  public ReadAudit {
    Objects.requireNonNull(mode, "mode");
    Objects.requireNonNull(sink, "sink");
    Objects.requireNonNull(random, "random");
    if (!(sampleRate >= 0 && sampleRate <= 1)) {
      throw new IllegalArgumentException("sample rate must be within 0 and 1: " + sampleRate);
    }
  }

  public static ReadAudit of(Mode mode, double sampleRate, AuditSink sink) {
    return new ReadAudit(mode, sampleRate, sink, () -> ThreadLocalRandom.current().nextDouble());
  }

  /** Only denials, to {@code sink}. */
  public static ReadAudit denialsOnly(AuditSink sink) {
    return of(Mode.OFF, 0, sink);
  }

  /** Whether a request with this outcome is written. */
  public boolean writes(boolean allowed) {
    return switch (mode) {
      case ALL -> true;
      case OFF -> !allowed;
      case SAMPLED -> !allowed || random.getAsDouble() < sampleRate;
    };
  }

  /** Writes the record of one request when {@link #writes} says so. */
  public void offer(AuditRecord record) {
    if (writes(record.allowed())) {
      sink.send(record);
    }
  }
}
