package io.tributary.testkit.process;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A main class of this JVM's class path run in a JVM of its own, so that a test can stop it with
 * SIGTERM or kill it with {@code kill -9}. Its standard output and error are collected ({@link
 * #output()}); the first line of its standard output matching the ready pattern says it is up. It
 * starts without the {@code TRIBUTARY_*} variables of this environment, so that its configuration
 * is only what the test gives it.
 */
public final class JavaProcess implements AutoCloseable {
  private final String name;
  private final Process process;
  private final Pattern ready;
  private final StringBuffer output = new StringBuffer();
  private final CompletableFuture<String> readyText = new CompletableFuture<>();
  private final List<Thread> pumps = new ArrayList<>();

  private JavaProcess(String name, Process process, Pattern ready) {
    this.name = name;
    this.process = process;
    this.ready = ready;
  }

  /**
   * Starts {@code java <jvmOptions> -cp <this class path> <mainClass> <args>}.
   *
   * @param name what the process is, for thread names and failure messages ("server", "demo")
   * @param ready a pattern whose group 1, in a line of standard output, {@link #awaitReady} gives
   */
  public static JavaProcess start(
      String name, Pattern ready, List<String> jvmOptions, String mainClass, List<String> args)
      throws IOException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(jvmOptions);
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(Objects.requireNonNull(mainClass, "mainClass"));
    command.addAll(args);
    ProcessBuilder builder = new ProcessBuilder(command);
    builder.environment().keySet().removeIf(k -> k.startsWith("TRIBUTARY_"));
    JavaProcess started =
        new JavaProcess(name, builder.start(), Objects.requireNonNull(ready, "ready"));
    started.pump(started.process.getInputStream(), true);
    started.pump(started.process.getErrorStream(), false);
    return started;
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
                  Matcher m = ready.matcher(line);
                  if (stdout && m.find()) {
                    readyText.complete(m.group(1));
                  }
                }
              } catch (IOException e) {
                // the process is gone
              }
            },
            name + "-process-" + (stdout ? "out" : "err"));
    t.setDaemon(true);
    pumps.add(t);
    t.start();
  }

  /** Group 1 of the ready pattern, once the process printed it. */
  public String awaitReady(Duration timeout) throws InterruptedException {
    try {
      return readyText.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      throw new AssertionError(name + " not ready within " + timeout + "; output:\n" + output);
    } catch (ExecutionException e) {
      throw new IllegalStateException(e.getCause());
    }
  }

  /** Waits for the process to end, and for the last of its output; returns its exit code. */
  public int awaitExit(Duration timeout) throws InterruptedException {
    if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
      throw new AssertionError(name + " still running after " + timeout + "; output:\n" + output);
    }
    for (Thread pump : pumps) {
      pump.join(10_000); // the last lines may still be in the pipe
    }
    return process.exitValue();
  }

  /** SIGTERM, as Ctrl-C or a service manager would send; returns the exit code. */
  public int stop(Duration timeout) throws InterruptedException {
    // Through the handle: Process.destroy() would also close the pipes, losing the last output.
    process.toHandle().destroy();
    return awaitExit(timeout);
  }

  /** {@code kill -9}, and waits until the process is gone. */
  public void kill() throws InterruptedException {
    process.destroyForcibly();
    process.waitFor(30, TimeUnit.SECONDS);
  }

  public boolean isAlive() {
    return process.isAlive();
  }

  /** What the process printed so far, standard output and error interleaved by line. */
  public String output() {
    return output.toString();
  }

  /** Kills the process if it still runs. */
  @Override
  public void close() {
    if (process.isAlive()) {
      process.destroyForcibly();
    }
  }
}
