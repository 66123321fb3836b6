package io.tributary.demo;

import java.util.List;

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
}
