package io.tributary.emitters.testing;

import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;

/** A real single-node KRaft broker in this JVM. */
public final class KafkaBroker implements AutoCloseable {
  private final KafkaClusterTestKit cluster;

  private KafkaBroker(KafkaClusterTestKit cluster) {
    this.cluster = cluster;
  }

  public static KafkaBroker start() throws Exception {
    KafkaClusterTestKit cluster =
        new KafkaClusterTestKit.Builder(
                new TestKitNodes.Builder()
                    .setCombined(true)
                    .setNumBrokerNodes(1)
                    .setNumControllerNodes(1)
                    .build())
            .setConfigProp("offsets.topic.replication.factor", "1")
            .setConfigProp("offsets.topic.num.partitions", "1")
            .setConfigProp("transaction.state.log.replication.factor", "1")
            .setConfigProp("transaction.state.log.min.isr", "1")
            .setConfigProp("group.initial.rebalance.delay.ms", "0")
            .setConfigProp("auto.create.topics.enable", "false")
            .build();
    cluster.format();
    cluster.startup();
    cluster.waitForReadyBrokers();
    return new KafkaBroker(cluster);
  }

  public String bootstrapServers() {
    return cluster.bootstrapServers();
  }

  public void createTopics(String... names) throws Exception {
    Properties props = new Properties();
    props.put("bootstrap.servers", bootstrapServers());
    try (Admin admin = Admin.create(props)) {
      admin
          .createTopics(
              java.util.Arrays.stream(names).map(n -> new NewTopic(n, 2, (short) 1)).toList())
          .all()
          .get();
    }
  }

  public Map<String, Object> clientConfig() {
    return Map.of("bootstrap.servers", bootstrapServers());
  }

  public List<String> topics() throws Exception {
    Properties props = new Properties();
    props.put("bootstrap.servers", bootstrapServers());
    try (Admin admin = Admin.create(props)) {
      return List.copyOf(admin.listTopics().names().get());
    }
  }

  @Override
  public void close() {
    try {
      cluster.close();
    } catch (Exception e) {
      throw new IllegalStateException("Broker did not stop cleanly", e);
    }
  }
}
