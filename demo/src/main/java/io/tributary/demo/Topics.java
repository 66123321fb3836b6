package io.tributary.demo;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;

/** The topics of the demo pipeline, in data-flow order. */
public final class Topics {
  /** Orders as the order service writes them. */
  public static final String ORDERS = "orders";

  /** Orders with the customer's running total and tier, written by the Kafka Streams app. */
  public static final String ENRICHED = "orders-enriched";

  /** Large orders flagged by the Flink job. */
  public static final String ALERTS = "order-alerts";

  public static final List<String> ALL = List.of(ORDERS, ENRICHED, ALERTS);

  private Topics() {}

  /**
   * Creates the topics that do not exist yet: a restarted demo finds its topics where it left them.
   */
  public static void createIfAbsent(String bootstrapServers, List<String> names) throws Exception {
    try (Admin admin =
        Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
      for (String topic : names) {
        try {
          admin
              .createTopics(List.of(new NewTopic(topic, 1, (short) 1)))
              .all()
              .get(30, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
          if (!(e.getCause() instanceof TopicExistsException)) {
            throw e;
          }
        }
      }
    }
  }
}
