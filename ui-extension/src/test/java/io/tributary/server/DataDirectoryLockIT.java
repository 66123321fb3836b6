package io.tributary.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A second server on a data directory in use fails fast and says why. */
class DataDirectoryLockIT {
  @TempDir Path dataDir;

  @Test
  void shouldRefuseASecondServerOnTheSameDataDirectoryWithAClearMessage() throws Exception {
    try (ServerProcess first = ServerProcess.start(dataDir)) {
      first.awaitReady(Duration.ofSeconds(120));

      long started = System.nanoTime();
      try (ServerProcess second = ServerProcess.start(dataDir)) {
        int exit = second.awaitExit(Duration.ofSeconds(60));
        Duration took = Duration.ofNanos(System.nanoTime() - started);

        assertThat(exit).isEqualTo(3);
        assertThat(second.output())
            .contains("tributary: Data directory")
            .contains("is locked: another Tributary server uses it")
            .doesNotContain("\tat ");
        assertThat(took).isLessThan(Duration.ofSeconds(30));
        System.out.printf("second server refused after %d ms%n", took.toMillis());
      }

      assertThat(first.stop()).isIn(0, 143);
      assertThat(first.output()).contains("Tributary stopped.");
    }
  }
}
