package io.tributary.demo;

import io.tributary.server.ServerStartException;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.metadata.storage.Formatter;
import org.apache.kafka.server.common.Feature;
import org.apache.kafka.server.common.MetadataVersion;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A single-node KRaft broker (broker and controller in one) in this JVM, without Kafka's test jars:
 * its log directory is formatted once, then reused by every later start, so topics and committed
 * offsets survive a restart.
 */
public final class EmbeddedKafka implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(EmbeddedKafka.class);
  private static final String HOST = "localhost";
  private static final String CONTROLLER = "CONTROLLER";

  private final KafkaRaftServer server;
  private final int port;

  private EmbeddedKafka(KafkaRaftServer server, int port) {
    this.server = server;
    this.port = port;
  }

  /**
   * @param logDir the broker's log directory, created and formatted when new
   * @param port the client port; 0 takes a free one
   * @throws ServerStartException when the port is taken or the broker does not become ready
   */
  public static EmbeddedKafka start(Path logDir, int port) {
    int clientPort = port == 0 ? freePort() : requireFree(port);
    KafkaConfig config = config(logDir, clientPort, freePort());
    try {
      Files.createDirectories(logDir);
      // A directory formatted by an earlier start keeps its cluster id and its data.
      if (!Files.exists(logDir.resolve("meta.properties"))) {
        format(config, logDir);
      }
    } catch (Exception e) {
      throw new ServerStartException(
          "Cannot prepare the Kafka log directory " + logDir + ": " + e.getMessage(), e);
    }
    KafkaRaftServer server = new KafkaRaftServer(config, Time.SYSTEM);
    EmbeddedKafka kafka = new EmbeddedKafka(server, clientPort);
    try {
      server.startup();
      kafka.awaitReady();
    } catch (RuntimeException e) {
      kafka.close();
      throw new ServerStartException(
          "Kafka did not start on " + HOST + ":" + clientPort + ": " + e.getMessage(), e);
    }
    LOG.info("demo: Kafka broker ready at {} (log directory {})", kafka.bootstrapServers(), logDir);
    return kafka;
  }

  private static KafkaConfig config(Path logDir, int clientPort, int controllerPort) {
    Properties p = new Properties();
    p.put("process.roles", "broker,controller");
    p.put("node.id", "1");
    p.put("controller.quorum.voters", "1@" + HOST + ":" + controllerPort);
    p.put(
        "listeners",
        "PLAINTEXT://"
            + HOST
            + ":"
            + clientPort
            + ","
            + CONTROLLER
            + "://"
            + HOST
            + ":"
            + controllerPort);
    p.put("advertised.listeners", "PLAINTEXT://" + HOST + ":" + clientPort);
    p.put("controller.listener.names", CONTROLLER);
    p.put("inter.broker.listener.name", "PLAINTEXT");
    p.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT," + CONTROLLER + ":PLAINTEXT");
    p.put("log.dirs", logDir.toAbsolutePath().toString());
    p.put("num.partitions", "1");
    p.put("auto.create.topics.enable", "false");
    p.put("offsets.topic.replication.factor", "1");
    p.put("offsets.topic.num.partitions", "1");
    p.put("transaction.state.log.replication.factor", "1");
    p.put("transaction.state.log.min.isr", "1");
    p.put("share.coordinator.state.topic.replication.factor", "1");
    p.put("share.coordinator.state.topic.min.isr", "1");
    p.put("group.initial.rebalance.delay.ms", "0");
    // A demo that runs for days should not fill the disk: keep a day of records.
    p.put("log.retention.hours", "24");
    p.put("log.segment.bytes", String.valueOf(64 * 1024 * 1024));
    return KafkaConfig.fromProps(p, false);
  }

  private static void format(KafkaConfig config, Path logDir) throws Exception {
    new Formatter()
        .setPrintStream(new PrintStream(java.io.OutputStream.nullOutputStream()))
        .setClusterId(Uuid.randomUuid().toString())
        .setNodeId(config.nodeId())
        .addDirectory(logDir.toAbsolutePath().toString())
        .setMetadataLogDirectory(config.metadataLogDir())
        .setControllerListenerName(CONTROLLER)
        .setReleaseVersion(MetadataVersion.LATEST_PRODUCTION)
        .setSupportedFeatures(Feature.PRODUCTION_FEATURES)
        .run();
  }

  private void awaitReady() {
    Properties props = new Properties();
    props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
    try (Admin admin = Admin.create(props)) {
      admin.describeCluster().nodes().get(60, TimeUnit.SECONDS);
      admin.listTopics().names().get(60, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while waiting for Kafka", e);
    } catch (Exception e) {
      throw new IllegalStateException("Kafka is not ready: " + e.getMessage(), e);
    }
  }

  /** {@code localhost:<port>}. */
  public String bootstrapServers() {
    return HOST + ":" + port;
  }

  public int port() {
    return port;
  }

  /** Every topic name, internal ones included. */
  public List<String> topics() {
    Properties props = new Properties();
    props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
    try (Admin admin = Admin.create(props)) {
      return List.copyOf(
          admin
              .listTopics(new org.apache.kafka.clients.admin.ListTopicsOptions().listInternal(true))
              .names()
              .get(30, TimeUnit.SECONDS));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while listing topics", e);
    } catch (Exception e) {
      throw new IllegalStateException("Cannot list topics: " + e.getMessage(), e);
    }
  }

  /** A controlled shutdown: the log is flushed, so the next start needs no recovery. */
  @Override
  public void close() {
    server.shutdown();
    server.awaitShutdown();
  }

  public static int freePort() {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException("No free port on the loopback address", e);
    }
  }

  private static int requireFree(int port) {
    try (ServerSocket socket = new ServerSocket()) {
      socket.setReuseAddress(true);
      socket.bind(new InetSocketAddress(HOST, port));
      return port;
    } catch (IOException e) {
      throw new ServerStartException(
          "Kafka cannot listen on "
              + HOST
              + ":"
              + port
              + " ("
              + e.getMessage()
              + "); choose another port with --kafka-port (0: any free port)",
          e);
    }
  }
}
