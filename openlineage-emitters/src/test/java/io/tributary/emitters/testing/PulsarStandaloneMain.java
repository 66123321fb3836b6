package io.tributary.emitters.testing;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.slf4j.LoggerFactory;

/**
 * Runs a {@link PulsarServer} in a JVM of its own, for tests whose JVM cannot hold Pulsar's broker
 * (it needs Jersey 2; the catalog server runs Jersey 4). Started by {@link PulsarProcess}: it
 * writes the broker's URLs to the file named by its argument once the broker serves, and stops when
 * its standard input closes, so it never outlives the test JVM.
 */
public final class PulsarStandaloneMain {
  private PulsarStandaloneMain() {}

  public static void main(String[] args) throws Exception {
    // Without the tests' logback-test.xml the default is DEBUG, which slows the broker down.
    ((Logger) LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME)).setLevel(Level.WARN);
    Path ready = Path.of(args[0]);
    PulsarServer started;
    try {
      started = PulsarServer.start();
    } catch (Exception | Error e) {
      // The broker's own threads would keep this JVM alive: exit, so the parent sees the failure.
      e.printStackTrace();
      System.exit(2);
      return;
    }
    try (PulsarServer server = started) {
      Path partial = ready.resolveSibling(ready.getFileName() + ".tmp");
      Files.writeString(
          partial, server.serviceUrl() + "\n" + server.httpUrl() + "\n", StandardCharsets.UTF_8);
      Files.move(partial, ready, StandardCopyOption.ATOMIC_MOVE);
      // Blocks until the parent closes the pipe (or dies).
      while (System.in.read() != -1) {
        // Nothing is sent on the pipe; it only signals the parent's end.
      }
    }
    System.exit(0);
  }
}
