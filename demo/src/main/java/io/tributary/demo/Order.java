package io.tributary.demo;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * One order as it travels through the pipeline: {@code id,customer,amountCents} on {@code orders};
 * the Kafka Streams app appends the customer's running total and tier.
 *
 * @param customerTotalCents the customer's total so far, or -1 before enrichment
 * @param tier the customer's tier, or empty before enrichment
 */
public record Order(
    long id, String customer, long amountCents, long customerTotalCents, String tier) {
  public Order {
    Objects.requireNonNull(customer, "customer");
    Objects.requireNonNull(tier, "tier");
    if (customer.isBlank() || customer.contains(",")) {
      throw new IllegalArgumentException("Customer '" + customer + "' is blank or has a comma");
    }
    if (amountCents < 0) {
      throw new IllegalArgumentException("Amount " + amountCents + " is negative");
    }
  }

  public static Order placed(long id, String customer, long amountCents) {
    return new Order(id, customer, amountCents, -1, "");
  }

  /** The order with the customer's new running total and the tier it earns. */
  public Order enriched(long customerTotalCents) {
    return new Order(id, customer, amountCents, customerTotalCents, tierOf(customerTotalCents));
  }

  private static String tierOf(long totalCents) {
    if (totalCents >= 500_000) {
      return "GOLD";
    }
    return totalCents >= 100_000 ? "SILVER" : "BRONZE";
  }

  public String toCsv() {
    String placed = id + "," + customer + "," + amountCents;
    return tier.isEmpty() ? placed : placed + "," + customerTotalCents + "," + tier;
  }

  /** The order of a record value; empty when the value is not one (never throws). */
  public static Optional<Order> parse(String csv) {
    if (csv == null) {
      return Optional.empty();
    }
    String[] f = csv.split(",", -1);
    try {
      if (f.length == 3) {
        return Optional.of(placed(Long.parseLong(f[0]), f[1], Long.parseLong(f[2])));
      }
      if (f.length == 5) {
        return Optional.of(
            new Order(
                Long.parseLong(f[0]),
                f[1],
                Long.parseLong(f[2]),
                Long.parseLong(f[3]),
                f[4].toUpperCase(Locale.ROOT)));
      }
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
    return Optional.empty();
  }
}
