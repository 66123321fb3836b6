package io.tributary.cluster.membership;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The number of live servers, as the group coordinator of the ingest journal's consumer group sees
 * it: every server is one member. Asked again every {@code interval} on a thread of its own, never
 * per request; a rebalance (a server joining or lost) changes the count within about a session
 * timeout plus the interval. Until the first answer, and while Kafka cannot be asked, the last
 * count stands (1 at first).
 */
public final class LiveServers implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(LiveServers.class);

  private final String groupId;
  private final Admin admin;
  private final ScheduledExecutorService scheduler;
  private volatile int count = 1;

  private LiveServers(String groupId, Admin admin) {
    this.groupId = groupId;
    this.admin = admin;
    this.scheduler =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread thread = new Thread(r, "tributary-live-servers");
              thread.setDaemon(true);
              return thread;
            });
  }

  /** Starts asking for the members of {@code groupId} every {@code interval}. */
  public static LiveServers start(String bootstrapServers, String groupId, Duration interval) {
    Objects.requireNonNull(groupId, "groupId");
    LiveServers live =
        new LiveServers(
            groupId,
            Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers)));
    live.scheduler.scheduleWithFixedDelay(
        live::refresh, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
    return live;
  }

  /** The live servers, at least 1. */
  public int count() {
    return count;
  }

  private void refresh() {
    try {
      ConsumerGroupDescription group =
          admin
              .describeConsumerGroups(List.of(groupId))
              .describedGroups()
              .get(groupId)
              .get(10, TimeUnit.SECONDS);
      int members = Math.max(1, group.members().size());
      if (members != count) {
        LOG.info("cluster: {} live servers in group '{}'", members, groupId);
        count = members;
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (Exception e) {
      LOG.debug("cluster: cannot describe group '{}': {}", groupId, e.toString());
    }
  }

  @Override
  public void close() {
    scheduler.shutdownNow();
    admin.close(Duration.ofSeconds(5));
  }
}
