package io.tributary.testkit.cassandra;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A single-node Cassandra in a child JVM ({@link EmbeddedCassandra#main}), for tests that kill the
 * JVMs using it (several catalog servers, one killed with {@code kill -9}) or need a fresh node.
 *
 * <p>The child gets this JVM's class path, {@link EmbeddedCassandra#JVM_FLAGS} and 512 MB of heap.
 * It exits when {@link #close()} is called or when this JVM dies, however it dies: it watches its
 * standard input, a pipe from this JVM. Its log is {@link #log()}.
 */
public final class CassandraProcess implements AutoCloseable {
  private final Process process;
  private final String host;
  private final int port;
  private final Path workDir;

  private CassandraProcess(Process process, String host, int port, Path workDir) {
    this.process = process;
    this.host = host;
    this.port = port;
    this.workDir = workDir;
  }

  /**
   * Starts a node in a child JVM and waits (up to two minutes) until it accepts CQL connections.
   */
  public static CassandraProcess start() throws IOException {
    Path workDir = Files.createTempDirectory("tributary-cassandra-process");
    Path ready = workDir.resolve("ready");
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-Xmx512m");
    command.addAll(EmbeddedCassandra.JVM_FLAGS);
    command.add("-Djava.io.tmpdir=" + System.getProperty("java.io.tmpdir"));
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(EmbeddedCassandra.class.getName());
    command.add(ready.toString());
    Process process =
        new ProcessBuilder(command)
            .directory(workDir.toFile())
            .redirectErrorStream(true)
            .redirectOutput(workDir.resolve("cassandra.log").toFile())
            .start();
    try {
      await()
          .atMost(Duration.ofMinutes(2))
          .pollInterval(Duration.ofMillis(100))
          .until(() -> Files.exists(ready) || !process.isAlive());
      if (!Files.exists(ready)) {
        throw new IllegalStateException(
            "Cassandra's JVM exited at start: "
                + Files.readString(workDir.resolve("cassandra.log")));
      }
      String[] line =
          Files.readString(ready, StandardCharsets.UTF_8)
              .trim()
              .substring(EmbeddedCassandra.READY_PREFIX.length())
              .split(" ");
      return new CassandraProcess(process, line[0], Integer.parseInt(line[1]), workDir);
    } catch (IOException | RuntimeException e) {
      process.destroyForcibly();
      throw e;
    }
  }

  /** The node's address. */
  public String host() {
    return host;
  }

  /** The node's CQL (native transport) port. */
  public int port() {
    return port;
  }

  /** {@code host:port}, as a driver contact point. */
  public String contactPoint() {
    return host + ":" + port;
  }

  /** The node's data centre, for the driver's {@code local-datacenter}. */
  public String localDatacenter() {
    return EmbeddedCassandra.LOCAL_DATACENTER;
  }

  /** The child's process id. */
  public long pid() {
    return process.pid();
  }

  /** The child's output (Cassandra's log at the level its logback configuration sets). */
  public Path log() {
    return workDir.resolve("cassandra.log");
  }

  /** As {@link EmbeddedCassandra#janusGraphStorage}, for this node. */
  public Map<String, String> janusGraphStorage(String keyspace) {
    return Map.of(
        "storage.backend",
        "cql",
        "storage.hostname",
        host,
        "storage.port",
        String.valueOf(port),
        "storage.cql.keyspace",
        keyspace,
        "storage.cql.local-datacenter",
        EmbeddedCassandra.LOCAL_DATACENTER);
  }

  /** Stops the child: end of its input, then a kill if it has not exited in 20 seconds. */
  @Override
  public void close() {
    try {
      OutputStream lifeline = process.getOutputStream();
      lifeline.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    try {
      if (!process.waitFor(20, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.destroyForcibly();
    }
  }

  /**
   * Starts a node in a child JVM, prints {@code ready <host> <port>} and keeps it running until
   * this launcher ends (Ctrl-C, {@code kill}, even {@code kill -9}): a Cassandra for a benchmark or
   * a manual test, started without Cassandra's JVM flags on the command line.
   */
  public static void main(String[] args) throws Exception {
    CassandraProcess node = start();
    Runtime.getRuntime().addShutdownHook(new Thread(node::close, "cassandra-process-stop"));
    System.out.println(EmbeddedCassandra.READY_PREFIX + node.host() + " " + node.port());
    System.out.flush();
    node.process.waitFor();
  }
}
