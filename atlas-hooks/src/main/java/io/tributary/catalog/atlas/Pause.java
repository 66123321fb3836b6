package io.tributary.catalog.atlas;

import java.time.Duration;

/** Waits between retries; tests pass one that records instead of sleeping. */
@FunctionalInterface
public interface Pause {
  void pause(Duration duration) throws InterruptedException;

  static Pause sleeping() {
    return d -> Thread.sleep(d.toMillis());
  }
}
