package io.tributary.testkit.kinesis;

import static org.awaitility.Awaitility.await;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/** What the npm-installed API servers of the tests share: finding, addressing and stopping them. */
final class NodeServers {
  private NodeServers() {}

  /** An npm-installed server's script on the PATH, resolved to its file. */
  static Optional<Path> executable(String name) {
    String path = System.getenv("PATH");
    if (path == null) {
      return Optional.empty();
    }
    for (String dir : path.split(File.pathSeparator)) {
      Path candidate = Path.of(dir, name);
      if (Files.isRegularFile(candidate)) {
        try {
          return Optional.of(candidate.toRealPath());
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }
    }
    return Optional.empty();
  }

  static boolean accepting(int port) {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 200);
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  static int freePort() {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Stops a child server and removes its working directory. */
  static void stop(Process process, Path workDir) {
    process.destroy();
    try {
      if (!process.waitFor(10, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    try (var paths = Files.walk(workDir)) {
      paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      // A temporary directory left behind is harmless.
    }
  }

  /**
   * Waits until the child server accepts connections on {@code port}; if it exits first, or does
   * not start in time, closes {@code server} and throws with its log.
   */
  static void awaitStarted(
      Process process, int port, Path workDir, String name, AutoCloseable server) {
    try {
      await()
          .atMost(Duration.ofSeconds(60))
          .pollInterval(Duration.ofMillis(100))
          .until(() -> !process.isAlive() || accepting(port));
      if (!process.isAlive()) {
        throw new IllegalStateException(
            name + " exited at start: " + Files.readString(workDir.resolve("server.log")));
      }
    } catch (IOException | RuntimeException e) {
      try {
        server.close();
      } catch (Exception suppressed) {
        e.addSuppressed(suppressed);
      }
      throw e instanceof RuntimeException r ? r : new UncheckedIOException((IOException) e);
    }
  }
}
