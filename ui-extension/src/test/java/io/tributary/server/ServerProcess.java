package io.tributary.server;

import io.tributary.testkit.process.JavaProcess;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;

/**
 * {@code tributary serve} in a separate JVM, started from this test's classpath, so that a test can
 * kill it for real.
 */
final class ServerProcess implements AutoCloseable {
  private static final Pattern READY = Pattern.compile("ready at (http://\\S+)");

  private final JavaProcess process;

  private ServerProcess(JavaProcess process) {
    this.process = process;
  }

  static ServerProcess start(Path dataDir) throws IOException {
    return new ServerProcess(
        JavaProcess.start(
            "server",
            READY,
            List.of("-Xmx768m"),
            "io.tributary.cli.Tributary",
            List.of(
                "serve", "--host", "127.0.0.1", "--port", "0", "--data-dir", dataDir.toString())));
  }

  /** The server's URI once it printed that it is ready. */
  URI awaitReady(Duration timeout) throws Exception {
    return URI.create(process.awaitReady(timeout));
  }

  /** Waits for the process to end; returns its exit code. */
  int awaitExit(Duration timeout) throws InterruptedException {
    return process.awaitExit(timeout);
  }

  /** kill -9. */
  void kill() throws InterruptedException {
    process.kill();
  }

  /** SIGTERM, as Ctrl-C or a service manager would send; returns the exit code. */
  int stop() throws InterruptedException {
    return process.stop(Duration.ofSeconds(60));
  }

  String output() {
    return process.output();
  }

  @Override
  public void close() {
    process.close();
  }
}
