package io.tributary.benchmarks.edge;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/** Debian's mosquitto as a child process on a free port, in memory. */
final class Broker implements AutoCloseable {
  private final Process process;
  private final int port;

  private Broker(Process process, int port) {
    this.process = process;
    this.port = port;
  }

  static Broker start(Path dir) throws IOException, InterruptedException {
    int port = freePort();
    Files.createDirectories(dir);
    Path config = dir.resolve("mosquitto.conf");
    Files.writeString(
        config,
        "listener "
            + port
            + " 127.0.0.1\nallow_anonymous true\nmax_queued_messages 0\nuser "
            + System.getProperty("user.name")
            + "\n"
            + "max_inflight_messages 1000\nlog_dest none\n");
    Process process =
        new ProcessBuilder("/usr/sbin/mosquitto", "-c", config.toString())
            .redirectErrorStream(true)
            .redirectOutput(dir.resolve("mosquitto.log").toFile())
            .start();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
    while (System.nanoTime() < deadline) {
      try (Socket s = new Socket("127.0.0.1", port)) {
        if (s.isConnected()) {
          return new Broker(process, port);
        }
      } catch (IOException e) {
        Thread.sleep(50);
      }
    }
    process.destroyForcibly();
    throw new IOException("mosquitto did not start");
  }

  static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  String url() {
    return "tcp://127.0.0.1:" + port;
  }

  @Override
  public void close() {
    process.destroy();
    try {
      process.waitFor(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
