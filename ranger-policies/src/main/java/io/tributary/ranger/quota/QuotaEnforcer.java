package io.tributary.ranger.quota;

import io.tributary.contract.TenantId;
import io.tributary.ranger.tenancy.Quotas;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.IntSupplier;

/**
 * Enforces each tenant's quotas: ingest rate through a token bucket per tenant, and entity count.
 * Tenants share no lock: buckets are lock-free and found in a concurrent map, so a tenant over
 * quota (and its rejected requests) never slows another.
 */
public final class QuotaEnforcer {
  private record Bucket(Quotas quotas, TokenBucket bucket) {}

  private final Function<TenantId, Quotas> quotas;
  private final InstantSource clock;
  private final ConcurrentHashMap<TenantId, Bucket> buckets = new ConcurrentHashMap<>();

  /**
   * @param quotas the current quotas of a tenant (read on every call, so configuration changes
   *     apply at once; a bucket starts full again when its tenant's quotas change)
   */
  public QuotaEnforcer(Function<TenantId, Quotas> quotas, InstantSource clock) {
    this.quotas = Objects.requireNonNull(quotas, "quotas");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /**
   * An enforcer of this one's quotas when {@code servers} servers enforce them: each tenant's rate
   * and burst divided by the current number of servers ({@link Quotas#shareOf}). A change of that
   * number starts fresh buckets, as a change of the quotas does.
   */
  public QuotaEnforcer sharedAmong(IntSupplier servers) {
    Objects.requireNonNull(servers, "servers");
    return new QuotaEnforcer(
        tenant -> {
          Quotas full = quotas.apply(tenant);
          return full == null ? null : full.shareOf(Math.max(1, servers.getAsInt()));
        },
        clock);
  }

  /**
   * Takes {@code events} from the tenant's ingest budget.
   *
   * @throws QuotaExceededException with the seconds after which the same batch would fit
   */
  public void acquire(TenantId tenant, int events) {
    if (events < 1) {
      throw new IllegalArgumentException("events " + events + " must be positive");
    }
    Quotas current = quotas.apply(tenant);
    if (current == null || !current.limitsRate()) {
      return;
    }
    long now = nanos(clock.instant());
    Bucket bucket = buckets.get(tenant);
    if (bucket == null || !bucket.quotas().equals(current)) {
      Bucket fresh =
          new Bucket(current, new TokenBucket(current.eventsPerSecond(), current.capacity(), now));
      bucket =
          buckets.compute(
              tenant, (t, old) -> old == null || !old.quotas().equals(current) ? fresh : old);
    }
    if (events > bucket.bucket().capacity()) {
      throw new QuotaExceededException(
          tenant,
          QuotaExceededException.Kind.INGEST_RATE,
          0,
          "Tenant '"
              + tenant
              + "' sent a batch of "
              + events
              + " events; its ingest quota allows at most "
              + bucket.bucket().capacity()
              + " at once");
    }
    long waitNanos = bucket.bucket().tryAcquire(events, now);
    if (waitNanos > 0) {
      long seconds = Math.max(1, (waitNanos + 999_999_999L) / 1_000_000_000L);
      throw new QuotaExceededException(
          tenant,
          QuotaExceededException.Kind.INGEST_RATE,
          seconds,
          "Tenant '"
              + tenant
              + "' is over its ingest quota of "
              + current.eventsPerSecond()
              + " events/s; retry after "
              + seconds
              + " s");
    }
  }

  /**
   * Checks that the tenant may hold {@code adding} more entities beyond the {@code existing} ones.
   */
  public void checkEntities(TenantId tenant, long existing, long adding) {
    Quotas current = quotas.apply(tenant);
    if (current == null || current.maxEntities() == 0 || adding <= 0) {
      return;
    }
    if (existing + adding > current.maxEntities()) {
      throw new QuotaExceededException(
          tenant,
          QuotaExceededException.Kind.ENTITY_COUNT,
          0,
          "Tenant '"
              + tenant
              + "' holds "
              + existing
              + " entities; adding "
              + adding
              + " would exceed its quota of "
              + current.maxEntities());
    }
  }

  /** Drops a deleted tenant's bucket. */
  public void forget(TenantId tenant) {
    buckets.remove(tenant);
  }

  private static long nanos(Instant instant) {
    return instant.getEpochSecond() * 1_000_000_000L + instant.getNano();
  }
}
