package io.tributary.testkit.cassandra;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.apache.cassandra.service.EmbeddedCassandraService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real single-node Cassandra 5.0 in the test's JVM, for the JanusGraph CQL backend's tests.
 *
 * <p>Cassandra keeps its state in statics and cannot start again in the same JVM once stopped, so
 * there is one node per JVM: {@link #shared()} starts it on first use (free ports, a temporary
 * directory, a minimal {@code cassandra.yaml} written here) and every test class of the JVM shares
 * it; isolate tests by keyspace ({@link #uniqueKeyspace}). It stops when the JVM exits. A test that
 * kills the JVMs using Cassandra runs it as a child process instead: {@link CassandraProcess}.
 *
 * <p>The JVM needs {@link #JVM_FLAGS} (the parent pom's {@code cassandra.argLine}), and the class
 * path needs {@code cassandra-all} with snakeyaml 1.x.
 */
public final class EmbeddedCassandra {
  private static final Logger LOG = LoggerFactory.getLogger(EmbeddedCassandra.class);

  /** The data centre of the single node (SimpleSnitch), for the driver's local-datacenter. */
  public static final String LOCAL_DATACENTER = "datacenter1";

  /** The line {@link #main} writes to its ready file: host and native port. */
  static final String READY_PREFIX = "ready ";

  private static final String DIR_PREFIX = "tributary-cassandra-";
  private static final String HOST = "127.0.0.1";

  /**
   * The flags a JVM running Cassandra on Java 17 needs (its {@code conf/jvm17-server.options}); the
   * same list is the parent pom's {@code cassandra.argLine}.
   */
  public static final List<String> JVM_FLAGS =
      List.of(
          "-Djdk.attach.allowAttachSelf=true",
          "-Dio.netty.tryReflectionSetAccessible=true",
          "--add-exports=java.base/jdk.internal.misc=ALL-UNNAMED",
          "--add-exports=java.base/jdk.internal.ref=ALL-UNNAMED",
          "--add-exports=java.base/sun.nio.ch=ALL-UNNAMED",
          "--add-exports=java.management.rmi/com.sun.jmx.remote.internal.rmi=ALL-UNNAMED",
          "--add-exports=java.rmi/sun.rmi.registry=ALL-UNNAMED",
          "--add-exports=java.rmi/sun.rmi.server=ALL-UNNAMED",
          "--add-exports=java.sql/java.sql=ALL-UNNAMED",
          "--add-exports=java.base/java.lang.ref=ALL-UNNAMED",
          "--add-exports=jdk.unsupported/sun.misc=ALL-UNNAMED",
          "--add-opens=java.base/java.lang.module=ALL-UNNAMED",
          "--add-opens=java.base/jdk.internal.loader=ALL-UNNAMED",
          "--add-opens=java.base/jdk.internal.ref=ALL-UNNAMED",
          "--add-opens=java.base/jdk.internal.reflect=ALL-UNNAMED",
          "--add-opens=java.base/jdk.internal.math=ALL-UNNAMED",
          "--add-opens=java.base/jdk.internal.module=ALL-UNNAMED",
          "--add-opens=java.base/jdk.internal.util.jar=ALL-UNNAMED",
          "--add-opens=jdk.management/com.sun.management.internal=ALL-UNNAMED",
          "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED",
          "--add-opens=java.base/java.io=ALL-UNNAMED",
          "--add-opens=java.base/java.nio=ALL-UNNAMED",
          "--add-opens=java.base/java.util.concurrent=ALL-UNNAMED",
          "--add-opens=java.base/java.util=ALL-UNNAMED",
          "--add-opens=java.base/java.util.concurrent.atomic=ALL-UNNAMED",
          "--add-opens=java.base/java.lang=ALL-UNNAMED",
          "--add-opens=java.base/java.math=ALL-UNNAMED",
          "--add-opens=java.base/java.lang.reflect=ALL-UNNAMED",
          "--add-opens=java.base/java.net=ALL-UNNAMED");

  private static EmbeddedCassandra shared;

  private final int port;
  private final Path directory;

  private EmbeddedCassandra(int port, Path directory) {
    this.port = port;
    this.directory = directory;
  }

  /**
   * The node of this JVM, started on first call (5-8 s) and running until the JVM exits.
   *
   * @throws IllegalStateException if the node cannot start (a missing JVM flag, most often)
   */
  public static synchronized EmbeddedCassandra shared() {
    if (shared == null) {
      shared = start();
    }
    return shared;
  }

  private static EmbeddedCassandra start() {
    long began = System.nanoTime();
    try {
      removeStaleDirectories();
      Path directory = Files.createTempDirectory(DIR_PREFIX + ProcessHandle.current().pid() + "-");
      int storagePort = freePort();
      int nativePort = freePort();
      Path yaml = directory.resolve("cassandra.yaml");
      Files.writeString(yaml, yaml(directory, storagePort, nativePort), StandardCharsets.UTF_8);
      System.setProperty("cassandra.config", yaml.toUri().toString());
      System.setProperty("cassandra-foreground", "true");
      System.setProperty("cassandra.storagedir", directory.toString());
      Files.createDirectories(directory.resolve("triggers"));
      System.setProperty("cassandra.triggers_dir", directory.resolve("triggers").toString());
      // A single node has nobody to gossip with: skip the waits a cluster member needs.
      System.setProperty("cassandra.skip_wait_for_gossip_to_settle", "0");
      System.setProperty("cassandra.ring_delay_ms", "100");
      System.setProperty("cassandra.superuser_setup_delay_ms", "0");
      new EmbeddedCassandraService().start();
      awaitAccepting(nativePort, Duration.ofSeconds(60));
      LOG.info(
          "Cassandra ready on {}:{} in {} ms ({})",
          HOST,
          nativePort,
          (System.nanoTime() - began) / 1_000_000,
          directory);
      return new EmbeddedCassandra(nativePort, directory);
    } catch (IOException e) {
      throw new UncheckedIOException("Cassandra did not start", e);
    } catch (ExceptionInInitializerError | NoClassDefFoundError e) {
      throw new IllegalStateException(
          "Cassandra did not start: run the JVM with EmbeddedCassandra.JVM_FLAGS (the parent pom's"
              + " cassandra.argLine) and snakeyaml 1.x on the class path",
          e);
    }
  }

  static String yaml(Path directory, int storagePort, int nativePort) {
    return String.join(
        "\n",
        "cluster_name: tributary-test",
        "num_tokens: 1",
        "partitioner: org.apache.cassandra.dht.Murmur3Partitioner",
        "endpoint_snitch: SimpleSnitch",
        "listen_address: " + HOST,
        "rpc_address: " + HOST,
        "storage_port: " + storagePort,
        "native_transport_port: " + nativePort,
        "start_native_transport: true",
        "seed_provider:",
        "  - class_name: org.apache.cassandra.locator.SimpleSeedProvider",
        "    parameters:",
        "      - seeds: \"" + HOST + ":" + storagePort + "\"",
        "data_file_directories:",
        "  - " + directory.resolve("data"),
        "commitlog_directory: " + directory.resolve("commitlog"),
        "saved_caches_directory: " + directory.resolve("saved_caches"),
        "hints_directory: " + directory.resolve("hints"),
        "cdc_raw_directory: " + directory.resolve("cdc_raw"),
        "commitlog_sync: periodic",
        "commitlog_sync_period: 10000ms",
        // Tests drop keyspaces freely: no snapshot of each one.
        "auto_snapshot: false",
        "");
  }

  /** The node's address. */
  public String host() {
    return HOST;
  }

  /** The node's CQL (native transport) port. */
  public int port() {
    return port;
  }

  /** {@code host:port}, as a driver contact point. */
  public String contactPoint() {
    return HOST + ":" + port;
  }

  /** The node's data centre, for the driver's {@code local-datacenter}. */
  public String localDatacenter() {
    return LOCAL_DATACENTER;
  }

  /** The node's directory (yaml, data, commit log), removed by the next start after this JVM. */
  public Path directory() {
    return directory;
  }

  /**
   * A keyspace name no other test of the run uses: the prefix (letters, digits and underscores) and
   * a random suffix, within Cassandra's 48 characters.
   */
  public static String uniqueKeyspace(String prefix) {
    String clean = prefix.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9_]", "_");
    if (clean.isEmpty() || !Character.isLetter(clean.charAt(0))) {
      clean = "k" + clean;
    }
    String suffix = UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    String base = clean.length() > 35 ? clean.substring(0, 35) : clean;
    return base + "_" + suffix;
  }

  /**
   * The JanusGraph settings for a graph in the given keyspace of this node ({@code storage.*}), as
   * the catalog's {@code janusgraph.} pass-through takes them without the prefix.
   */
  public Map<String, String> janusGraphStorage(String keyspace) {
    return Map.of(
        "storage.backend", "cql",
        "storage.hostname", HOST,
        "storage.port", String.valueOf(port),
        "storage.cql.keyspace", keyspace,
        "storage.cql.local-datacenter", LOCAL_DATACENTER);
  }

  /**
   * Runs a node in this JVM until its standard input closes (the parent exited or closed it): the
   * body of {@link CassandraProcess}. With one argument, writes {@code ready <host> <port>} to that
   * file once the node accepts CQL connections.
   */
  public static void main(String[] args) throws IOException {
    EmbeddedCassandra node = shared();
    if (args.length > 0) {
      Path ready = Path.of(args[0]);
      Path partial = ready.resolveSibling(ready.getFileName() + ".partial");
      Files.writeString(partial, READY_PREFIX + node.host() + " " + node.port() + "\n");
      Files.move(partial, ready, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    } else {
      System.out.println(READY_PREFIX + node.host() + " " + node.port());
    }
    // Parent gone (even by kill -9) means end of input: the node never outlives its test.
    InputStream in = System.in;
    while (in.read() >= 0) {
      // Input is only a lifeline; its content is ignored.
    }
    System.exit(0);
  }

  /** Removes the directories of nodes whose JVM has exited. */
  private static void removeStaleDirectories() throws IOException {
    Path tmp = Path.of(System.getProperty("java.io.tmpdir"));
    try (Stream<Path> entries = Files.list(tmp)) {
      for (Path dir : entries.filter(EmbeddedCassandra::isStale).toList()) {
        deleteRecursively(dir);
      }
    }
  }

  private static boolean isStale(Path dir) {
    String name = dir.getFileName().toString();
    if (!name.startsWith(DIR_PREFIX) || !Files.isDirectory(dir)) {
      return false;
    }
    String rest = name.substring(DIR_PREFIX.length());
    int dash = rest.indexOf('-');
    try {
      long pid = Long.parseLong(dash < 0 ? rest : rest.substring(0, dash));
      return ProcessHandle.of(pid).map(p -> !p.isAlive()).orElse(true);
    } catch (NumberFormatException e) {
      return false;
    }
  }

  private static void deleteRecursively(Path dir) {
    try (Stream<Path> walk = Files.walk(dir)) {
      walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException | UncheckedIOException e) {
      LOG.debug("Could not remove {}", dir, e);
    }
  }

  static void awaitAccepting(int port, Duration timeout) {
    await().atMost(timeout).pollInterval(Duration.ofMillis(50)).until(() -> accepting(port));
  }

  static boolean accepting(int port) {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(InetAddress.getByName(HOST), port), 200);
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  static int freePort() {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName(HOST))) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
