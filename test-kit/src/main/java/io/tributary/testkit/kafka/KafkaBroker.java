package io.tributary.testkit.kafka;

import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;

/**
 * A real single-node Kafka broker in this JVM: one combined KRaft node (broker and controller),
 * from Kafka's own test kit, tuned for tests (replication factor 1, no initial rebalance delay, no
 * automatic topic creation unless asked for).
 *
 * <pre>{@code
 * try (KafkaBroker broker = KafkaBroker.start()) {
 *   broker.createTopics(1, "orders");
 *   Map<String, Object> producerConfig = broker.clientConfig();
 *   ...
 * }
 * }</pre>
 */
public final class KafkaBroker implements AutoCloseable {
  private static final Duration LEADER_WAIT = Duration.ofSeconds(60);

  private final KafkaClusterTestKit cluster;

  private KafkaBroker(KafkaClusterTestKit cluster) {
    this.cluster = cluster;
  }

  /**
   * Starts a broker with the default settings and waits until it accepts clients.
   *
   * @return the running broker; close it to stop it and delete its log directory
   * @throws Exception if the broker cannot be formatted or started
   */
  public static KafkaBroker start() throws Exception {
    return builder().start();
  }

  /**
   * A builder for a broker with extra broker settings.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * The address clients connect to.
   *
   * @return {@code host:port} of the broker's client listener
   */
  public String bootstrapServers() {
    return cluster.bootstrapServers();
  }

  /**
   * The minimal client configuration: {@code bootstrap.servers} and nothing else.
   *
   * @return an immutable map to copy into producer, consumer or admin configurations
   */
  public Map<String, Object> clientConfig() {
    return Map.of("bootstrap.servers", bootstrapServers());
  }

  /**
   * Creates topics with one replica each and waits until every partition has a leader, so that a
   * producer started right after does not stall on a partition without one.
   *
   * @param partitions partitions per topic
   * @param names topic names
   * @throws Exception if a topic cannot be created (for example because it exists)
   */
  public void createTopics(int partitions, String... names) throws Exception {
    List<NewTopic> topics =
        Arrays.stream(names).map(n -> new NewTopic(n, partitions, (short) 1)).toList();
    try (Admin admin = Admin.create(clientConfig())) {
      admin.createTopics(topics).all().get();
      awaitLeaders(admin, Set.copyOf(Arrays.asList(names)));
    }
  }

  /**
   * Creates one topic with one replica and waits until each of its partitions has a leader.
   *
   * @param name topic name
   * @param partitions number of partitions
   * @throws Exception if the topic cannot be created
   */
  public void createTopic(String name, int partitions) throws Exception {
    createTopics(partitions, name);
  }

  /**
   * The names of the topics on the broker, internal topics excluded.
   *
   * @return topic names, in no particular order
   * @throws Exception if the broker cannot be asked
   */
  public List<String> topics() throws Exception {
    try (Admin admin = Admin.create(clientConfig())) {
      return List.copyOf(admin.listTopics().names().get());
    }
  }

  /** Stops the broker and deletes its log directory. */
  @Override
  public void close() {
    try {
      cluster.close();
    } catch (Exception e) {
      throw new IllegalStateException("The Kafka broker did not stop cleanly", e);
    }
  }

  private static void awaitLeaders(Admin admin, Set<String> names) throws Exception {
    long deadline = System.nanoTime() + LEADER_WAIT.toNanos();
    while (true) {
      boolean ready;
      try {
        Map<String, TopicDescription> described = admin.describeTopics(names).allTopicNames().get();
        ready =
            described.values().stream()
                .flatMap(d -> d.partitions().stream())
                .allMatch(p -> p.leader() != null && !p.leader().isEmpty());
      } catch (java.util.concurrent.ExecutionException e) {
        // Just after creation the broker's metadata may not know the topic yet: ask again.
        if (!(e.getCause()
            instanceof org.apache.kafka.common.errors.UnknownTopicOrPartitionException)) {
          throw e;
        }
        ready = false;
      }
      if (ready) {
        return;
      }
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException(
            "Topics " + names + " have partitions without a leader after " + LEADER_WAIT);
      }
      TimeUnit.MILLISECONDS.sleep(50);
    }
  }

  /** Settings of a broker to start; each one a Kafka broker property. */
  public static final class Builder {
    private final Map<String, String> config = new LinkedHashMap<>();

    private Builder() {
      config.put("offsets.topic.replication.factor", "1");
      config.put("offsets.topic.num.partitions", "1");
      config.put("transaction.state.log.replication.factor", "1");
      config.put("transaction.state.log.min.isr", "1");
      config.put("group.initial.rebalance.delay.ms", "0");
      config.put("auto.create.topics.enable", "false");
    }

    /**
     * Sets a broker property, replacing the kit's default for it if any.
     *
     * @param key a Kafka broker property name
     * @param value its value
     * @return this builder
     */
    public Builder config(String key, String value) {
      config.put(Objects.requireNonNull(key, "key"), Objects.requireNonNull(value, "value"));
      return this;
    }

    /**
     * Whether producing to or fetching from an unknown topic creates it (off by default, so a typo
     * in a test fails instead of creating a topic).
     *
     * @param enabled true to let the broker create topics on first use
     * @return this builder
     */
    public Builder autoCreateTopics(boolean enabled) {
      return config("auto.create.topics.enable", Boolean.toString(enabled));
    }

    /**
     * Formats the log directory, starts the node and waits until it accepts clients.
     *
     * @return the running broker
     * @throws Exception if the broker cannot be formatted or started
     */
    public KafkaBroker start() throws Exception {
      KafkaClusterTestKit.Builder builder =
          new KafkaClusterTestKit.Builder(
              new TestKitNodes.Builder()
                  .setCombined(true)
                  .setNumBrokerNodes(1)
                  .setNumControllerNodes(1)
                  .build());
      config.forEach(builder::setConfigProp);
      KafkaClusterTestKit cluster = builder.build();
      try {
        cluster.format();
        cluster.startup();
        cluster.waitForReadyBrokers();
      } catch (Exception | Error e) {
        cluster.close();
        throw e;
      }
      return new KafkaBroker(cluster);
    }
  }
}
