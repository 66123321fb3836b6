package io.tributary.edge.clock;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class HybridLogicalClockTest {
  private static final long T0 = 1_780_000_000_000L;
  private static final long HOUR = 3_600_000L;
  private final AtomicLong wall = new AtomicLong(T0);
  private final HybridLogicalClock clock =
      new HybridLogicalClock(wall::get, Duration.ofMinutes(5), null);

  @Test
  void shouldKeepStampsIncreasingWhenTheWallClockStandsStillOrGoesBack() {
    HlcStamp a = clock.now();
    HlcStamp b = clock.now();
    wall.set(T0 - 10_000);
    HlcStamp c = clock.now();

    assertThat(a).isLessThan(b);
    assertThat(b).isLessThan(c);
    assertThat(c.instant()).isAfter(b.instant());
  }

  @Test
  void shouldIgnoreADeviceClockAnHourAheadAndStayOnTheGatewaysTime() {
    HybridLogicalClock.Observation ahead = clock.observe(T0 + HOUR);
    wall.addAndGet(1_000);
    HlcStamp next = clock.now();

    assertThat(ahead.observed()).isFalse();
    assertThat(ahead.stamp().physicalTime()).isEqualTo(T0);
    assertThat(next.physicalTime()).isEqualTo(T0 + 1_000);
  }

  @Test
  void shouldStampADeviceClockAnHourBehindWithTheGatewaysTimeInOrder() {
    HlcStamp before = clock.now();
    HybridLogicalClock.Observation behind = clock.observe(T0 - HOUR);

    assertThat(behind.observed()).isTrue();
    assertThat(behind.stamp()).isGreaterThan(before);
    assertThat(behind.stamp().physicalTime()).isEqualTo(T0);
  }

  @Test
  void shouldFollowADeviceSlightlyAheadSoCausallyLaterEventsStayLater() {
    HybridLogicalClock.Observation ahead = clock.observe(T0 + 60_000);
    HlcStamp local = clock.now();

    assertThat(ahead.observed()).isTrue();
    assertThat(ahead.stamp().physicalTime()).isEqualTo(T0 + 60_000);
    assertThat(local).isGreaterThan(ahead.stamp());
  }

  @Test
  void shouldResumeAfterTheLastStampOfARestart() {
    HybridLogicalClock restarted =
        new HybridLogicalClock(wall::get, Duration.ofMinutes(5), new HlcStamp(T0 + 5_000, 3));

    assertThat(restarted.now()).isEqualTo(new HlcStamp(T0 + 5_000, 4));
  }
}
