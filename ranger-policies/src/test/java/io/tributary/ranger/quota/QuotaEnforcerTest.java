package io.tributary.ranger.quota;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tributary.contract.TenantId;
import io.tributary.ranger.tenancy.Quotas;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class QuotaEnforcerTest {
  private static final TenantId NOISY = new TenantId("noisy");
  private static final TenantId QUIET = new TenantId("quiet");

  /** A clock that moves only when told to. */
  static final class ManualClock implements InstantSource {
    private Instant now = Instant.parse("2026-01-01T00:00:00Z");

    @Override
    public synchronized Instant instant() {
      return now;
    }

    synchronized void advance(Duration duration) {
      now = now.plus(duration);
    }
  }

  private final ManualClock clock = new ManualClock();
  private final Map<TenantId, Quotas> quotas =
      Map.of(NOISY, new Quotas(10, 20, 100), QUIET, new Quotas(1000, 1000, 0));
  private final QuotaEnforcer enforcer = new QuotaEnforcer(quotas::get, clock);

  @Test
  void shouldAllowTheBurstThenRejectWithRetryAfterUntilTokensRefill() {
    for (int i = 0; i < 20; i++) {
      enforcer.acquire(NOISY, 1);
    }
    assertThatThrownBy(() -> enforcer.acquire(NOISY, 5))
        .isInstanceOfSatisfying(
            QuotaExceededException.class,
            e -> {
              assertThat(e.kind()).isEqualTo(QuotaExceededException.Kind.INGEST_RATE);
              assertThat(e.tenant()).isEqualTo(NOISY);
              assertThat(e.retryAfterSeconds()).hasValue(1);
            })
        .hasMessage("Tenant 'noisy' is over its ingest quota of 10.0 events/s; retry after 1 s");

    clock.advance(Duration.ofMillis(300));
    enforcer.acquire(NOISY, 3);
    assertThatThrownBy(() -> enforcer.acquire(NOISY, 1)).isInstanceOf(QuotaExceededException.class);

    clock.advance(Duration.ofSeconds(2));
    enforcer.acquire(NOISY, 20);
  }

  @Test
  void shouldComputeRetryAfterFromTheMissingTokens() {
    enforcer.acquire(NOISY, 20);
    assertThatThrownBy(() -> enforcer.acquire(NOISY, 15))
        .isInstanceOfSatisfying(
            QuotaExceededException.class, e -> assertThat(e.retryAfterSeconds()).hasValue(2));
  }

  @Test
  void shouldRejectABatchLargerThanTheBucketWithoutRetryAfter() {
    assertThatThrownBy(() -> enforcer.acquire(NOISY, 21))
        .isInstanceOfSatisfying(
            QuotaExceededException.class, e -> assertThat(e.retryAfterSeconds()).isEmpty())
        .hasMessage(
            "Tenant 'noisy' sent a batch of 21 events; its ingest quota allows at most 20 at once");
  }

  @Test
  void shouldEnforceTheEntityCount() {
    enforcer.checkEntities(NOISY, 90, 10);
    assertThatThrownBy(() -> enforcer.checkEntities(NOISY, 95, 10))
        .isInstanceOfSatisfying(
            QuotaExceededException.class,
            e -> assertThat(e.kind()).isEqualTo(QuotaExceededException.Kind.ENTITY_COUNT))
        .hasMessage("Tenant 'noisy' holds 95 entities; adding 10 would exceed its quota of 100");
    enforcer.checkEntities(QUIET, 1_000_000, 10);
  }

  @Test
  void shouldNotLimitTenantsWithoutQuotas() {
    for (int i = 0; i < 10_000; i++) {
      enforcer.acquire(new TenantId("free"), 100);
    }
  }

  @Test
  void shouldKeepOtherTenantsUnaffectedWhileOneHammersItsExhaustedQuota() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(4);
    AtomicInteger noisyAccepted = new AtomicInteger();
    AtomicInteger noisyRejected = new AtomicInteger();
    try {
      List<Callable<Integer>> tasks = new ArrayList<>();
      for (int t = 0; t < 3; t++) {
        tasks.add(
            () -> {
              for (int i = 0; i < 20_000; i++) {
                try {
                  enforcer.acquire(NOISY, 1);
                  noisyAccepted.incrementAndGet();
                } catch (QuotaExceededException e) {
                  noisyRejected.incrementAndGet();
                }
              }
              return 0;
            });
      }
      tasks.add(
          () -> {
            int accepted = 0;
            for (int i = 0; i < 1000; i++) {
              enforcer.acquire(QUIET, 1);
              accepted++;
            }
            return accepted;
          });
      List<Future<Integer>> results = pool.invokeAll(tasks);
      assertThat(results.get(3).get()).isEqualTo(1000);
    } finally {
      pool.shutdownNow();
    }
    // The clock stands still: exactly the burst was let through, however the threads raced.
    assertThat(noisyAccepted.get()).isEqualTo(20);
    assertThat(noisyRejected.get()).isEqualTo(60_000 - 20);
  }

  @Test
  void shouldStartAFreshBucketWhenQuotasChange() {
    java.util.concurrent.atomic.AtomicReference<Quotas> current =
        new java.util.concurrent.atomic.AtomicReference<>(new Quotas(1, 1, 0));
    QuotaEnforcer changing = new QuotaEnforcer(t -> current.get(), clock);
    changing.acquire(NOISY, 1);
    assertThatThrownBy(() -> changing.acquire(NOISY, 1)).isInstanceOf(QuotaExceededException.class);
    current.set(new Quotas(100, 100, 0));
    changing.acquire(NOISY, 50);
  }

  @Test
  void shouldDivideRateAndBurstAmongServersButNotTheEntityCount() {
    Quotas quota = new Quotas(30, 60, 1000);

    assertThat(quota.shareOf(1)).isSameAs(quota);
    assertThat(quota.shareOf(3)).isEqualTo(new Quotas(10, 20, 1000));
    // Rounded up, never to nothing: an odd burst over more servers than events.
    assertThat(new Quotas(2, 5, 0).shareOf(4)).isEqualTo(new Quotas(0.5, 2, 0));
    assertThat(new Quotas(2, 0, 0).shareOf(4).capacity()).isEqualTo(1);
    assertThat(Quotas.UNLIMITED.shareOf(3)).isEqualTo(Quotas.UNLIMITED);
    assertThatThrownBy(() -> quota.shareOf(0)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void shouldLetEachOfThreeServersThroughAThirdOfTheQuotaAndFollowTheServerCount() {
    AtomicInteger servers = new AtomicInteger(3);
    QuotaEnforcer shared = enforcer.sharedAmong(servers::get);

    int accepted = drain(shared);
    assertThat(accepted).isEqualTo(20 / 3 + 1);
    clock.advance(Duration.ofSeconds(3));
    // 10/3 events/s for 3 s refill the bucket up to its size, a third of the burst rounded up.
    assertThat(drain(shared)).isEqualTo(7);

    servers.set(1);
    assertThat(drain(shared)).isEqualTo(20);
  }

  private static int drain(QuotaEnforcer enforcer) {
    int accepted = 0;
    while (true) {
      try {
        enforcer.acquire(NOISY, 1);
        accepted++;
      } catch (QuotaExceededException e) {
        return accepted;
      }
    }
  }
}
