package io.tributary.cluster;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;

/** Creates the cluster's topics when missing; several servers starting at once is fine. */
public final class Topics {
  private Topics() {}

  public static void ensure(
      String bootstrapServers, int partitions, int replicationFactor, String... names) {
    create(bootstrapServers, Map.of(), partitions, replicationFactor, names);
  }

  /**
   * Creates a compacted topic of one partition when missing: a table of keyed records that every
   * reader sees in one order. An existing topic is kept as it is.
   */
  public static void ensureCompacted(String bootstrapServers, int replicationFactor, String name) {
    create(
        bootstrapServers,
        Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT),
        1,
        replicationFactor,
        name);
  }

  private static void create(
      String bootstrapServers,
      Map<String, String> topicConfig,
      int partitions,
      int replicationFactor,
      String... names) {
    try (Admin admin =
        Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
      Set<String> existing = admin.listTopics().names().get(30, TimeUnit.SECONDS);
      List<NewTopic> missing =
          java.util.Arrays.stream(names)
              .filter(n -> !existing.contains(n))
              .map(n -> new NewTopic(n, partitions, (short) replicationFactor).configs(topicConfig))
              .toList();
      if (missing.isEmpty()) {
        return;
      }
      try {
        admin.createTopics(missing).all().get(30, TimeUnit.SECONDS);
      } catch (ExecutionException e) {
        if (!(e.getCause() instanceof TopicExistsException)) {
          throw e;
        }
      }
    } catch (ExecutionException | TimeoutException e) {
      throw new IllegalStateException(
          "cluster: cannot create topics " + List.of(names) + " on " + bootstrapServers, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("cluster: interrupted while creating topics", e);
    }
  }
}
