package io.tributary.ranger.quota;

import io.tributary.contract.TenantId;
import io.tributary.ranger.PolicyException;
import java.util.OptionalLong;

/**
 * A tenant went over one of its quotas; the HTTP layer answers 429, with {@code Retry-After} when
 * waiting helps.
 */
public class QuotaExceededException extends PolicyException {
  /** Which quota. */
  public enum Kind {
    INGEST_RATE,
    ENTITY_COUNT
  }

  private final TenantId tenant;
  private final Kind kind;
  private final long retryAfterSeconds;

  public QuotaExceededException(
      TenantId tenant, Kind kind, long retryAfterSeconds, String message) {
    super(message);
    this.tenant = tenant;
    this.kind = kind;
    this.retryAfterSeconds = retryAfterSeconds;
  }

  public TenantId tenant() {
    return tenant;
  }

  public Kind kind() {
    return kind;
  }

  /** Seconds after which the same request may succeed; empty when waiting will not help. */
  public OptionalLong retryAfterSeconds() {
    return retryAfterSeconds > 0 ? OptionalLong.of(retryAfterSeconds) : OptionalLong.empty();
  }
}
