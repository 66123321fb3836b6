package io.tributary.emitters.testing;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.slf4j.LoggerFactory;

/**
 * Runs {@link PulsarFunctions} in a JVM of its own, for tests whose JVM cannot hold Pulsar's
 * Functions runtime (its admin client needs Jersey 2). Started by {@link
 * PulsarProcess#runFunctions}: arguments are the ready file, the broker's service and web URLs,
 * then pairs of kind and configuration file; it writes the ready file once every instance is
 * deployed, and closes them and exits when its standard input closes.
 */
public final class PulsarFunctionsMain {
  private PulsarFunctionsMain() {}

  @SuppressWarnings("try") // The runtime runs until the parent closes the pipe.
  public static void main(String[] args) throws Exception {
    ((Logger) LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME)).setLevel(Level.WARN);
    Path ready = Path.of(args[0]);
    PulsarFunctions started;
    try {
      started = PulsarFunctions.start(args[1], args[2]);
      for (int i = 3; i + 1 < args.length; i += 2) {
        started.deploy(
            PulsarFunctions.Kind.valueOf(args[i]),
            Files.readString(Path.of(args[i + 1]), StandardCharsets.UTF_8));
      }
    } catch (Exception | Error e) {
      // The runtime's threads would keep this JVM alive: exit, so the parent sees the failure.
      e.printStackTrace();
      System.exit(2);
      return;
    }
    try (PulsarFunctions runtime = started) {
      Path partial = ready.resolveSibling(ready.getFileName() + ".tmp");
      Files.writeString(partial, "deployed\n", StandardCharsets.UTF_8);
      Files.move(partial, ready, StandardCopyOption.ATOMIC_MOVE);
      while (System.in.read() != -1) {
        // Nothing is sent on the pipe; it only signals the parent's end.
      }
    }
    System.exit(0);
  }
}
