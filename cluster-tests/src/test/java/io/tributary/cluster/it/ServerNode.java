package io.tributary.cluster.it;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code tributary serve} in a JVM of its own, from this module's class path: killable for real.
 */
final class ServerNode implements AutoCloseable {
  private static final Pattern READY = Pattern.compile("ready at (http://\\S+)");

  private final String id;
  private final Process process;
  private final StringBuffer output = new StringBuffer();
  private final CompletableFuture<URI> ready = new CompletableFuture<>();

  private final Path log;

  private ServerNode(String id, Process process, Path log) {
    this.id = id;
    this.process = process;
    this.log = log;
  }

  /** Starts a server with {@code settings} as {@code --set key=value}. */
  static ServerNode start(String id, Path dataDir, Map<String, String> settings)
      throws IOException {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    List<String> command =
        new ArrayList<>(
            List.of(
                java,
                "-Xmx640m",
                "-XX:TieredStopAtLevel=1",
                "-cp",
                System.getProperty("java.class.path"),
                "io.tributary.cli.Tributary",
                "serve",
                "--host",
                "127.0.0.1",
                "--port",
                String.valueOf(freePort()),
                "--data-dir",
                dataDir.toString()));
    settings.forEach((k, v) -> command.addAll(List.of("--set", k + "=" + v)));
    command.addAll(List.of("--set", "cluster.server-id=" + id));
    ProcessBuilder builder = new ProcessBuilder(command);
    builder.environment().keySet().removeIf(k -> k.startsWith("TRIBUTARY_"));
    // Kept beside the test reports: what a server did is the first thing to read when a test fails.
    Path log = Path.of("target", "server-logs", id + "-" + System.currentTimeMillis() + ".log");
    Files.createDirectories(log.getParent());
    builder.redirectErrorStream(true);
    ServerNode node = new ServerNode(id, builder.start(), log);
    node.pump(node.process.getInputStream());
    return node;
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  private void pump(InputStream in) {
    Thread t =
        new Thread(
            () -> {
              try (BufferedReader r =
                  new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                String line;
                while ((line = r.readLine()) != null) {
                  output.append(line).append('\n');
                  Files.writeString(
                      log,
                      line + "\n",
                      StandardCharsets.UTF_8,
                      StandardOpenOption.CREATE,
                      StandardOpenOption.APPEND);
                  Matcher m = READY.matcher(line);
                  if (m.find()) {
                    ready.complete(URI.create(m.group(1)));
                  }
                }
              } catch (IOException e) {
                // the process is gone
              }
            },
            "node-" + id);
    t.setDaemon(true);
    t.start();
  }

  URI awaitReady(Duration timeout) throws Exception {
    try {
      return ready.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (java.util.concurrent.TimeoutException e) {
      throw new AssertionError(id + " not ready within " + timeout + "; output:\n" + output);
    }
  }

  String id() {
    return id;
  }

  /** kill -9. */
  void kill() throws InterruptedException {
    process.destroyForcibly();
    process.waitFor(30, TimeUnit.SECONDS);
  }

  String output() {
    return output.toString();
  }

  @Override
  public void close() {
    if (process.isAlive()) {
      process.toHandle().destroy();
      try {
        if (!process.waitFor(20, TimeUnit.SECONDS)) {
          process.destroyForcibly();
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        process.destroyForcibly();
      }
    }
  }
}
