package io.tributary.server;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code tributary serve} in a separate JVM, started from this test's classpath, so that a test can
 * kill it for real.
 */
final class ServerProcess implements AutoCloseable {
  private static final Pattern READY = Pattern.compile("ready at (http://\\S+)");

  private final Process process;
  private final StringBuffer output = new StringBuffer();
  private final CompletableFuture<URI> ready = new CompletableFuture<>();
  private final List<Thread> pumps = new ArrayList<>();

  private ServerProcess(Process process) {
    this.process = process;
  }

  static ServerProcess start(Path dataDir) throws IOException {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    List<String> command =
        new ArrayList<>(
            List.of(
                java,
                "-Xmx768m",
                "-cp",
                System.getProperty("java.class.path"),
                "io.tributary.cli.Tributary",
                "serve",
                "--host",
                "127.0.0.1",
                "--port",
                "0",
                "--data-dir",
                dataDir.toString()));
    ProcessBuilder builder = new ProcessBuilder(command);
    builder.environment().keySet().removeIf(k -> k.startsWith("TRIBUTARY_"));
    ServerProcess server = new ServerProcess(builder.start());
    server.pump(server.process.getInputStream(), true);
    server.pump(server.process.getErrorStream(), false);
    return server;
  }

  private void pump(InputStream in, boolean stdout) {
    Thread t =
        new Thread(
            () -> {
              try (BufferedReader r =
                  new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                String line;
                while ((line = r.readLine()) != null) {
                  output.append(line).append('\n');
                  Matcher m = READY.matcher(line);
                  if (stdout && m.find()) {
                    ready.complete(URI.create(m.group(1)));
                  }
                }
              } catch (IOException e) {
                // the process is gone
              }
            },
            "server-process-" + (stdout ? "out" : "err"));
    t.setDaemon(true);
    pumps.add(t);
    t.start();
  }

  /** The server's URI once it printed that it is ready. */
  URI awaitReady(Duration timeout) throws Exception {
    try {
      return ready.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (java.util.concurrent.TimeoutException e) {
      throw new AssertionError("server not ready within " + timeout + "; output:\n" + output);
    }
  }

  /** Waits for the process to end; returns its exit code. */
  int awaitExit(Duration timeout) throws InterruptedException {
    if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
      throw new AssertionError("process still running after " + timeout + "; output:\n" + output);
    }
    for (Thread pump : pumps) {
      pump.join(10_000); // the last lines may still be in the pipe
    }
    return process.exitValue();
  }

  /** kill -9. */
  void kill() throws InterruptedException {
    process.destroyForcibly();
    process.waitFor(30, TimeUnit.SECONDS);
  }

  /** SIGTERM, as Ctrl-C or a service manager would send; returns the exit code. */
  int stop() throws InterruptedException {
    // Through the handle: Process.destroy() would also close the pipes, losing the last output.
    process.toHandle().destroy();
    return awaitExit(Duration.ofSeconds(60));
  }

  String output() {
    return output.toString();
  }

  @Override
  public void close() {
    if (process.isAlive()) {
      process.destroyForcibly();
    }
  }
}
