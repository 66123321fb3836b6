package io.tributary.emitters.testing;

import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tributary.emitters.EmitterConfig;
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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
    Child child = Child.launch(PulsarStandaloneMain.class, "-Xmx768m", List.of(), "pulsar");
    List<String> urls = Files.readAllLines(child.ready(), StandardCharsets.UTF_8);
    return new PulsarProcess(child.process(), child.workDir(), urls.get(0), urls.get(1));
  }

  /**
   * Runs functions, sources and sinks in Pulsar's Functions runtime (thread mode, {@link
   * PulsarFunctions}) in a child JVM of their own, against this broker, until the returned handle
   * is closed: closing it closes every instance (which ends their runs) and waits for the JVM to
   * exit. Returns once every instance is deployed.
   */
  public AutoCloseable runFunctions(Deployment... deployments) throws IOException {
    Path configs = Files.createTempDirectory(workDir, "functions");
    List<String> args = new ArrayList<>(List.of(serviceUrl, httpUrl));
    for (int i = 0; i < deployments.length; i++) {
      Path file = configs.resolve(i + ".json");
      Files.writeString(file, deployments[i].configJson(), StandardCharsets.UTF_8);
      args.add(deployments[i].kind());
      args.add(file.toString());
    }
    Child child = Child.launch(PulsarFunctionsMain.class, "-Xmx384m", args, "functions");
    return () -> {
      stop(child.process());
      deleteQuietly(child.workDir());
    };
  }

  /**
   * One function, source or sink to deploy, by the JSON of its configuration file: the factories
   * deploy Tributary's wrapper around the application's class, in tenant {@code public}, namespace
   * {@code default}, as users would write it.
   *
   * @param kind {@code FUNCTION}, {@code SOURCE} or {@code SINK}
   */
  public record Deployment(String kind, String configJson) {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String WRAPPERS = "io.tributary.emitters.pulsar.";
    private static final String DELEGATE = "tributary.delegate.class";

    /**
     * A function reading {@code input} and writing {@code output}.
     *
     * @param delegate the application's function class
     * @param userConfig the {@code openlineage.*} keys (text only) and the function's own
     */
    public static Deployment function(
        String name, String delegate, String input, String output, Map<String, ?> userConfig) {
      Map<String, Object> config = instance(name, "TributaryFunction");
      config.put("inputs", List.of(input));
      config.put("output", output);
      config.put("subscriptionPosition", "Earliest");
      config.put("userConfig", withDelegate(userConfig, delegate));
      return new Deployment("FUNCTION", json(config));
    }

    /** A source whose records the runtime writes to {@code topic}. */
    public static Deployment source(
        String name, String delegate, String topic, Map<String, ?> configs) {
      Map<String, Object> config = instance(name, "TributarySource");
      config.put("topicName", topic);
      config.put("configs", withDelegate(configs, delegate));
      return new Deployment("SOURCE", json(config));
    }

    /** A sink the runtime feeds from {@code input}, from its start. */
    public static Deployment sink(
        String name, String delegate, String input, Map<String, ?> configs) {
      Map<String, Object> config = instance(name, "TributarySink");
      config.put("inputs", List.of(input));
      config.put("sourceSubscriptionPosition", "Earliest");
      config.put("configs", withDelegate(configs, delegate));
      return new Deployment("SINK", json(config));
    }

    private static Map<String, Object> instance(String name, String wrapper) {
      Map<String, Object> config = new HashMap<>();
      config.put("tenant", "public");
      config.put("namespace", "default");
      config.put("name", name);
      config.put("className", WRAPPERS + wrapper);
      return config;
    }

    private static Map<String, Object> withDelegate(Map<String, ?> configs, String delegate) {
      Map<String, Object> out = new HashMap<>(configs);
      out.put(DELEGATE, delegate);
      return out;
    }

    private static String json(Map<String, Object> config) {
      try {
        return JSON.writeValueAsString(config);
      } catch (JsonProcessingException e) {
        throw new IllegalArgumentException(e);
      }
    }
  }

  /**
   * A JVM on this module's test class path running {@code main}, which writes the file named by its
   * first argument once it serves and stops when its standard input closes.
   */
  private record Child(Process process, Path workDir, Path ready) {
    static Child launch(Class<?> main, String heap, List<String> args, String name)
        throws IOException {
      Path workDir = Files.createTempDirectory("pulsar-process");
      Path ready = workDir.resolve("ready");
      Path log = workDir.resolve(name + ".log");
      List<String> command = new ArrayList<>();
      command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
      command.add(heap);
      command.add("-cp");
      command.add(classPath());
      command.add(main.getName());
      command.add(ready.toString());
      command.addAll(args);
      Process process =
          new ProcessBuilder(command)
              .directory(workDir.toFile())
              .redirectErrorStream(true)
              .redirectOutput(log.toFile())
              .start();
      try {
        await()
            .atMost(Duration.ofMinutes(2))
            .pollInterval(Duration.ofMillis(200))
            .until(() -> !process.isAlive() || Files.exists(ready));
        if (!process.isAlive()) {
          throw new IllegalStateException(
              "the child JVM (" + name + ") exited at start; its log:\n" + tail(log));
        }
        return new Child(process, workDir, ready);
      } catch (RuntimeException e) {
        stop(process);
        throw e;
      }
    }
  }

  /** This module's test classes (or test jar) and the class path written beside them. */
  private static String classPath() throws IOException {
    // The emitters themselves (classes or jar; EmitterConfig needs nothing of Pulsar's), which
    // the Functions runtime instantiates, come before the test classes and their class path.
    String own = location(PulsarProcess.class) + File.pathSeparator + location(EmitterConfig.class);
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

  private static String location(Class<?> type) {
    try {
      return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
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
    deleteQuietly(workDir);
  }

  private static void deleteQuietly(Path dir) {
    try (var paths = Files.walk(dir)) {
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
