package io.tributary.emitters.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Field;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.apache.pulsar.PulsarStandalone;
import org.apache.pulsar.PulsarStandaloneBuilder;
import org.apache.pulsar.broker.ServiceConfiguration;

/**
 * A real Pulsar standalone in this JVM: one broker, one bookie and a RocksDB metadata store, on
 * 127.0.0.1 and free ports, its data in a temporary directory.
 */
public final class PulsarServer implements AutoCloseable {
  private final PulsarStandalone standalone;
  private final Path dataDir;
  private final int brokerPort;
  private final int webPort;

  private PulsarServer(PulsarStandalone standalone, Path dataDir, int brokerPort, int webPort) {
    this.standalone = standalone;
    this.dataDir = dataDir;
    this.brokerPort = brokerPort;
    this.webPort = webPort;
  }

  public static PulsarServer start() throws Exception {
    Path dir = Files.createTempDirectory("pulsar-standalone");
    int brokerPort = freePort();
    int webPort = freePort();
    ServiceConfiguration config = new ServiceConfiguration();
    config.setClusterName("standalone");
    config.setAdvertisedAddress("127.0.0.1");
    config.setBindAddress("127.0.0.1");
    config.setBrokerServicePort(Optional.of(brokerPort));
    config.setWebServicePort(Optional.of(webPort));
    config.setManagedLedgerDefaultEnsembleSize(1);
    config.setManagedLedgerDefaultWriteQuorum(1);
    config.setManagedLedgerDefaultAckQuorum(1);
    config.setAllowAutoTopicCreation(true);
    config.setFunctionsWorkerEnabled(false);
    config.setTransactionCoordinatorEnabled(false);
    config.setSystemTopicEnabled(false);
    config.setTopicLevelPoliciesEnabled(false);
    config.setLoadBalancerEnabled(false);
    PulsarStandalone standalone =
        PulsarStandaloneBuilder.instance()
            .withConfig(config)
            .withWipeData(true)
            .withNumOfBk(1)
            .withBkPort(freePort())
            .withBkDir(dir.resolve("bookie").toString())
            .withNoStreamStorage(true)
            .withAdvertisedAddress("127.0.0.1")
            .build();
    // The builder keeps a default configuration of its own; this one binds to loopback only.
    standalone.setConfig(config);
    standalone.setNoFunctionsWorker(true);
    // The bookie reads its settings from the standalone's config file; loopback only, small caches.
    Path bookieConf =
        Files.writeString(
            dir.resolve("bookie.conf"),
            String.join(
                "\n",
                "allowLoopback=true",
                "advertisedAddress=127.0.0.1",
                "dbStorage_writeCacheMaxSizeMb=16",
                "dbStorage_readAheadCacheMaxSizeMb=16",
                "journalWriteBufferSizeKB=64",
                ""));
    standalone.setConfigFile(bookieConf.toString());
    standalone.setZkDir(dir.resolve("zookeeper").toString());
    // The RocksDB metadata store's directory has no setter; by default it is ./data/metadata.
    Field metadataDir = PulsarStandalone.class.getDeclaredField("metadataDir");
    metadataDir.setAccessible(true);
    metadataDir.set(standalone, dir.resolve("metadata").toString());
    standalone.start();
    return new PulsarServer(standalone, dir, brokerPort, webPort);
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The binary protocol's service URL, {@code pulsar://127.0.0.1:<port>}. */
  public String serviceUrl() {
    return "pulsar://127.0.0.1:" + brokerPort;
  }

  public String httpUrl() {
    return "http://127.0.0.1:" + webPort;
  }

  @Override
  public void close() {
    standalone.close();
    deleteQuietly(dataDir);
  }

  private static void deleteQuietly(Path dir) {
    try (var paths = Files.walk(dir)) {
      paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      // A temporary directory left behind is harmless.
    }
  }
}
