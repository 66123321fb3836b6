package io.tributary.emitters.testing;

import static org.awaitility.Awaitility.await;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A Pulsar standalone ({@link PulsarServer}) in a child JVM, for tests that run a catalog server in
 * their own: Pulsar's broker needs Jersey 2, the catalog Jersey 4. The child's class path is this
 * module's test class path, written at build time to {@code pulsar-standalone.classpath} beside
 * these classes; this class loads nothing of Pulsar's.
 */
public final class PulsarProcess implements AutoCloseable {
  private static final String CLASSPATH_RESOURCE = "pulsar-standalone.classpath";

  private final Process process;
  private final Path workDir;
  private final String serviceUrl;
  private final String httpUrl;

  private PulsarProcess(Process process, Path workDir, String serviceUrl, String httpUrl) {
    this.process = process;
    this.workDir = workDir;
    this.serviceUrl = serviceUrl;
    this.httpUrl = httpUrl;
  }

  /**
   * Starts the child JVM and returns once its broker serves. The broker's ports are chosen free
   * just before it binds them, so another process can take one in between: a start that fails is
   * tried again on new ports.
   */
  public static PulsarProcess start() throws IOException {
    for (int attempt = 1; ; attempt++) {
      try {
        return startOnce();
      } catch (IllegalStateException e) {
        if (attempt == 3) {
          throw e;
        }
      }
    }
  }

  private static PulsarProcess startOnce() throws IOException {
    Path workDir = Files.createTempDirectory("pulsar-process");
    Path ready = workDir.resolve("ready");
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-Xmx768m");
    command.add("-cp");
    command.add(classPath());
    command.add(PulsarStandaloneMain.class.getName());
    command.add(ready.toString());
    Process process =
        new ProcessBuilder(command)
            .directory(workDir.toFile())
            .redirectErrorStream(true)
            .redirectOutput(workDir.resolve("pulsar.log").toFile())
            .start();
    try {
      await()
          .atMost(Duration.ofMinutes(2))
          .pollInterval(Duration.ofMillis(200))
          .until(() -> !process.isAlive() || Files.exists(ready));
      if (!process.isAlive()) {
        throw new IllegalStateException(
            "the Pulsar standalone exited at start; its log:\n"
                + tail(workDir.resolve("pulsar.log")));
      }
      List<String> urls = Files.readAllLines(ready, StandardCharsets.UTF_8);
      return new PulsarProcess(process, workDir, urls.get(0), urls.get(1));
    } catch (RuntimeException | IOException e) {
      stop(process);
      throw e;
    }
  }

  /** This module's test classes (or test jar) and the class path written beside them. */
  private static String classPath() throws IOException {
    String own;
    try {
      own =
          Path.of(PulsarProcess.class.getProtectionDomain().getCodeSource().getLocation().toURI())
              .toString();
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
    try (InputStream in = PulsarProcess.class.getResourceAsStream(CLASSPATH_RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(
            CLASSPATH_RESOURCE
                + " is missing: it is written by openlineage-emitters' build"
                + " (generate-test-resources)");
      }
      return own
          + File.pathSeparator
          + new String(in.readAllBytes(), StandardCharsets.UTF_8).trim();
    }
  }

  private static String tail(Path log) {
    try {
      List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
      return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
    } catch (IOException e) {
      return "(unreadable: " + e + ")";
    }
  }

  /** The binary protocol's service URL, {@code pulsar://127.0.0.1:<port>}. */
  public String serviceUrl() {
    return serviceUrl;
  }

  public String httpUrl() {
    return httpUrl;
  }

  @Override
  public void close() {
    stop(process);
    try (var paths = Files.walk(workDir)) {
      paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      // A temporary directory left behind is harmless.
    }
  }

  private static void stop(Process process) {
    try {
      // Closing its standard input lets the child close the broker and exit.
      process.getOutputStream().close();
      if (!process.waitFor(30, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.destroyForcibly();
    }
  }
}
