package io.tributary.ranger.tenancy;

/**
 * A tenant's limits; 0 means unlimited.
 *
 * @param eventsPerSecond sustained ingest rate (OpenLineage events per second)
 * @param burst events that may arrive at once above the sustained rate
 * @param maxEntities entities the tenant may hold in the catalog
 */
public record Quotas(double eventsPerSecond, long burst, long maxEntities) {
  public static final Quotas UNLIMITED = new Quotas(0, 0, 0);

  public Quotas {
    if (eventsPerSecond < 0
        || Double.isNaN(eventsPerSecond)
        || Double.isInfinite(eventsPerSecond)) {
      throw new IllegalArgumentException("eventsPerSecond " + eventsPerSecond + " is not >= 0");
    }
    if (burst < 0) {
      throw new IllegalArgumentException("burst " + burst + " is negative");
    }
    if (maxEntities < 0) {
      throw new IllegalArgumentException("maxEntities " + maxEntities + " is negative");
    }
  }

  public boolean limitsRate() {
    return eventsPerSecond > 0;
  }

  /**
   * One server's part when {@code servers} servers enforce these quotas each with its own bucket (a
   * balancer spreading a tenant's requests evenly): the rate and the burst divided among them, so
   * that the servers together let through about the quota. The entity count is not divided: the
   * store enforces it.
   */
  public Quotas shareOf(int servers) {
    if (servers < 1) {
      throw new IllegalArgumentException("servers " + servers + " is not positive");
    }
    if (servers == 1) {
      return this;
    }
    long burstShare = burst == 0 ? 0 : Math.max(1, (burst + servers - 1) / servers);
    return new Quotas(eventsPerSecond / servers, burstShare, maxEntities);
  }

  /** The bucket size: the burst, and never less than one second's worth or one event. */
  public long capacity() {
    return Math.max(burst, Math.max(1, (long) Math.ceil(eventsPerSecond)));
  }
}
