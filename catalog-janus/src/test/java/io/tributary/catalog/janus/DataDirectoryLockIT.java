package io.tributary.catalog.janus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tributary.catalog.ChangeFeed;
import io.tributary.catalog.Guid;
import io.tributary.catalog.Visibility;
import io.tributary.catalog.types.TypeRegistry;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Locking and durability across processes: a second JVM holds the directory, then dies. */
class DataDirectoryLockIT {
  @TempDir Path dataDir;

  @Test
  void shouldFailFastWhileAnotherProcessHoldsTheDirectoryAndKeepItsCommitsAfterItIsKilled()
      throws Exception {
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    Process holder =
        new ProcessBuilder(
                List.of(
                    java.toString(),
                    "-cp",
                    System.getProperty("java.class.path"),
                    CatalogHolder.class.getName(),
                    dataDir.toString()))
            .redirectError(ProcessBuilder.Redirect.DISCARD)
            .start();
    try {
      BufferedReader out =
          new BufferedReader(
              new InputStreamReader(holder.getInputStream(), StandardCharsets.UTF_8));
      // Bounded: a holder that fails to start must fail this test, not hang the build.
      String line =
          CompletableFuture.supplyAsync(() -> readUntilCommitted(out)).get(120, TimeUnit.SECONDS);
      assertThat(line).as("the holder committed").isEqualTo(CatalogHolder.COMMITTED);

      long started = System.nanoTime();
      assertThatThrownBy(
              () ->
                  JanusCatalog.open(
                      JanusConfig.berkeley(dataDir), TypeRegistry.builtIn(), new ChangeFeed()))
          .isInstanceOf(DataDirectoryLockedException.class)
          .hasMessageContaining(dataDir.toAbsolutePath().normalize().toString());
      // Fails instead of waiting for the holder to let go (a generous bound for loaded machines).
      assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started)).isLessThan(30_000);
    } finally {
      // SIGKILL: no close, no shutdown hook; only what was on disk at commit survives.
      holder.destroyForcibly();
      holder.waitFor(30, TimeUnit.SECONDS);
    }

    try (JanusCatalog catalog =
        JanusCatalog.open(
            JanusConfig.berkeley(dataDir), TypeRegistry.builtIn(), new ChangeFeed())) {
      assertThat(catalog.get(Guid.forKey(Fixtures.topic("held-out")), Visibility.all()))
          .isPresent();
    }
  }

  private static String readUntilCommitted(BufferedReader out) {
    try {
      String line;
      do {
        line = out.readLine();
      } while (line != null && !line.equals(CatalogHolder.COMMITTED));
      return line;
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
