package io.tributary.edge;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * Debian's mosquitto (installed by .ci/run) as a child process on a free port, with persistence, so
 * tests can restart it and find the sessions and queued QoS 1 messages it kept. Speaks MQTT 3.1.1
 * and 5.
 */
final class Mosquitto implements AutoCloseable {
  private static final Path BINARY = Path.of("/usr/sbin/mosquitto");
  private final Path dir;
  private final int port;
  private Process process;

  private Mosquitto(Path dir, int port) {
    this.dir = dir;
    this.port = port;
  }

  static Mosquitto start(Path dir) {
    if (!Files.isExecutable(BINARY)) {
      throw new IllegalStateException(
          BINARY + " is missing: install Debian's mosquitto package (.ci/run does)");
    }
    Mosquitto broker = new Mosquitto(dir, freePort());
    broker.launch();
    return broker;
  }

  static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void launch() {
    try {
      Files.createDirectories(dir);
      Path config = dir.resolve("mosquitto.conf");
      Files.writeString(
          config,
          String.join(
              "\n",
              "listener " + port + " 127.0.0.1",
              "allow_anonymous true",
              // Run as whoever runs the tests: as root, mosquitto would switch to a user that
              // cannot
              // write its persistence file in the test's directory.
              "user " + System.getProperty("user.name"),
              "persistence true",
              "persistence_location " + dir.toAbsolutePath() + "/",
              "autosave_interval 1",
              "max_queued_messages 0",
              "max_inflight_messages 100",
              "log_dest stderr",
              "log_type error",
              "log_type warning",
              "log_type notice",
              "log_type information",
              ""));
      process =
          new ProcessBuilder(BINARY.toString(), "-c", config.toString())
              .redirectErrorStream(true)
              .redirectOutput(dir.resolve("mosquitto.log").toFile())
              .start();
      await().atMost(Duration.ofSeconds(20)).until(this::listening);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private boolean listening() {
    try (Socket s = new Socket("127.0.0.1", port)) {
      return s.isConnected();
    } catch (IOException e) {
      return false;
    }
  }

  String url() {
    return "tcp://127.0.0.1:" + port;
  }

  /** Stops it (saving its persistence file) and starts it again on the same port. */
  void restart() {
    stop();
    launch();
  }

  void stop() {
    if (process == null) {
      return;
    }
    process.destroy();
    try {
      if (!process.waitFor(20, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    process = null;
  }

  @Override
  public void close() {
    stop();
  }
}
