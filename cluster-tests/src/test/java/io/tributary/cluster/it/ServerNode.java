package io.tributary.cluster.it;

import io.tributary.testkit.process.JavaProcess;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * {@code tributary serve} in a JVM of its own, from this module's class path: killable for real.
 * What it printed is kept in {@code target/server-logs} when it is closed, the first thing to read
 * when a test fails.
 */
final class ServerNode implements AutoCloseable {
  private static final Pattern READY = Pattern.compile("ready at (http://\\S+)");

  private final String id;
  private final JavaProcess process;

  private ServerNode(String id, JavaProcess process) {
    this.id = id;
    this.process = process;
  }

  /** Starts a server with {@code settings} as {@code --set key=value}. */
  static ServerNode start(String id, Path dataDir, Map<String, String> settings)
      throws IOException {
    List<String> args =
        new ArrayList<>(
            List.of(
                "serve",
                "--host",
                "127.0.0.1",
                "--port",
                String.valueOf(freePort()),
                "--data-dir",
                dataDir.toString()));
    settings.forEach((k, v) -> args.addAll(List.of("--set", k + "=" + v)));
    args.addAll(List.of("--set", "cluster.server-id=" + id));
    return new ServerNode(
        id,
        JavaProcess.start(
            "server " + id,
            READY,
            List.of("-Xmx640m", "-XX:TieredStopAtLevel=1"),
            "io.tributary.cli.Tributary",
            args));
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  URI awaitReady(Duration timeout) throws Exception {
    return URI.create(process.awaitReady(timeout));
  }

  String id() {
    return id;
  }

  /** kill -9. */
  void kill() throws InterruptedException {
    process.kill();
    keepLog();
  }

  String output() {
    return process.output();
  }

  private void keepLog() {
    try {
      Path log = Path.of("target", "server-logs", id + "-" + System.currentTimeMillis() + ".log");
      Files.createDirectories(log.getParent());
      Files.writeString(log, process.output(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      // only a diagnostic
    }
  }

  @Override
  public void close() {
    if (process.isAlive()) {
      try {
        process.stop(Duration.ofSeconds(20));
      } catch (AssertionError | InterruptedException e) {
        process.close();
      }
    }
    keepLog();
  }
}
