package io.tributary.server;

import io.micrometer.core.instrument.MeterRegistry;
import io.tributary.catalog.ChangeEvent;
import io.tributary.catalog.ChangeFeed;
import io.tributary.catalog.EntityRef;
import io.tributary.cluster.ClusterSettings;
import io.tributary.cluster.Topics;
import io.tributary.cluster.changes.KafkaChangeLog;
import io.tributary.cluster.journal.JournaledAdmission;
import io.tributary.cluster.journal.KafkaIngestJournal;
import io.tributary.cluster.membership.LiveServers;
import io.tributary.config.Configuration;
import io.tributary.contract.TenantId;
import io.tributary.ingest.IngestPipeline;
import io.tributary.ingest.IngestSettings;
import io.tributary.ingest.KafkaLineageConsumer;
import io.tributary.ranger.bootstrap.PolicyServices;
import io.tributary.ranger.tenancy.TenantStore;
import io.tributary.ranger.tenancy.kafka.KafkaTenantStore;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The server's cluster mode ({@code cluster.enabled}): the shared change log joined to the feed,
 * and HTTP ingest journaled to the Kafka ingest topic that the servers apply as one group. Off,
 * nothing here starts and HTTP ingest commits through the local pipeline as before.
 */
final class ClusterParts {
  private static final Logger LOG = LoggerFactory.getLogger(ClusterParts.class);
  // Of the order of the ingest group's session timeout (10 s), within which a lost server leaves.
  private static final Duration MEMBERS_REFRESH = Duration.ofSeconds(5);

  /** Records of a newly assigned partition announced again: one poll's worth (Kafka's default). */
  private static final int REPLAY_WINDOW = 500;

  /** How long an applier waits for its changes to reach the log before committing offsets. */
  private static final Duration FLUSH_TIMEOUT = Duration.ofSeconds(30);

  private final Configuration config;
  private final MeterRegistry registry;
  private final ChangeFeed feed;
  private final KafkaChangeLog changeLog;

  private ClusterParts(
      Configuration config, MeterRegistry registry, ChangeFeed feed, KafkaChangeLog changeLog) {
    this.config = config;
    this.registry = registry;
    this.feed = feed;
    this.changeLog = changeLog;
  }

  /** Whether this server is one of a cluster ({@code cluster.enabled}). */
  private boolean enabled() {
    return changeLog != null;
  }

  /** Creates the topics when missing and joins the change log; pushes what must be closed. */
  static ClusterParts start(
      Configuration config, ChangeFeed feed, MeterRegistry registry, Deque<AutoCloseable> parts) {
    if (!config.get(ClusterSettings.ENABLED)) {
      return new ClusterParts(config, registry, feed, null);
    }
    String bootstrap = config.get(ClusterSettings.BOOTSTRAP_SERVERS);
    Topics.ensure(
        bootstrap,
        config.get(ClusterSettings.PARTITIONS),
        config.get(ClusterSettings.REPLICATION_FACTOR),
        config.get(ClusterSettings.CHANGES_TOPIC),
        config.get(ClusterSettings.INGEST_TOPIC));
    Topics.ensureCompacted(
        bootstrap,
        config.get(ClusterSettings.REPLICATION_FACTOR),
        config.get(ClusterSettings.TENANTS_TOPIC));
    String serverId = serverId(config);
    LOG.info("cluster: server '{}' with Kafka at {}", serverId, bootstrap);
    KafkaChangeLog changeLog =
        KafkaChangeLog.start(
            new KafkaChangeLog.Settings(
                bootstrap, config.get(ClusterSettings.CHANGES_TOPIC), serverId),
            feed,
            registry);
    parts.push(changeLog);
    return new ClusterParts(config, registry, feed, changeLog);
  }

  /**
   * How an applier of a Kafka topic hands its commits to the other servers: its changes are in the
   * change log before its offsets are committed, and what a new owner of a partition reapplies is
   * announced again as updates whose attributes are not known (every listener reads those entities
   * again). Nothing to do for a server alone.
   */
  KafkaLineageConsumer.Handoff handoff() {
    if (changeLog == null) {
      return KafkaLineageConsumer.Handoff.NONE;
    }
    return new KafkaLineageConsumer.Handoff(
        () -> {
          if (!changeLog.flush(FLUSH_TIMEOUT)) {
            LOG.warn("cluster: changes not in the change log after {}", FLUSH_TIMEOUT);
          }
        },
        result -> {
          List<ChangeFeed.Draft> drafts = new ArrayList<>();
          result
              .guids()
              .forEach(
                  (key, guid) ->
                      drafts.add(
                          new ChangeFeed.Draft(
                              ChangeEvent.Kind.ENTITY_UPDATED,
                              new EntityRef(guid, key),
                              null,
                              null)));
          feed.publish(drafts);
        },
        REPLAY_WINDOW);
  }

  /**
   * The pipeline HTTP ingest goes through: {@code local} itself, or in a cluster the same checks
   * with the Kafka journal as the acceptance point, while this server applies its share of the
   * journal's partitions through {@code local}.
   */
  IngestPipeline httpPipeline(
      IngestPipeline local, TenantId defaultTenant, Deque<AutoCloseable> parts) {
    if (!enabled()) {
      return local;
    }
    String bootstrap = config.get(ClusterSettings.BOOTSTRAP_SERVERS);
    String topic = config.get(ClusterSettings.INGEST_TOPIC);
    KafkaIngestJournal journal =
        new KafkaIngestJournal(
            new KafkaIngestJournal.Settings(
                bootstrap,
                topic,
                config.get(IngestSettings.QUEUE_CAPACITY),
                config.get(ClusterSettings.ACK_TIMEOUT)));
    parts.push(journal);
    parts.push(
        KafkaLineageConsumer.start(
            new KafkaLineageConsumer.Settings(
                bootstrap,
                topic,
                config.get(ClusterSettings.INGEST_GROUP_ID),
                null,
                Duration.ofMillis(200),
                // A killed server's partitions move to the others within about 10 s.
                Map.of("session.timeout.ms", "10000", "heartbeat.interval.ms", "2000")),
            local,
            new JournaledAdmission(defaultTenant),
            registry,
            handoff()));
    return local.withJournal(journal);
  }

  /**
   * Where the tenant registry is recorded: {@code tenants.json} in {@code stateDir}, or in a
   * cluster the compacted registry topic every server follows. The registry closes it.
   */
  TenantStore tenantStore(Path stateDir) {
    if (!enabled()) {
      return TenantStore.file(stateDir.resolve(PolicyServices.REGISTRY_FILE));
    }
    return new KafkaTenantStore(
        new KafkaTenantStore.Settings(
            config.get(ClusterSettings.BOOTSTRAP_SERVERS),
            config.get(ClusterSettings.TENANTS_TOPIC),
            config.get(ClusterSettings.TENANTS_TIMEOUT),
            Map.of()));
  }

  /**
   * The policy services as this server enforces them: in a cluster, each tenant's ingest rate and
   * burst divided by the live servers (the ingest group's members), so that the servers behind a
   * balancer together let through about the tenant's quota.
   */
  PolicyServices withSharedQuotas(PolicyServices policies, Deque<AutoCloseable> parts) {
    if (!enabled()) {
      return policies;
    }
    LiveServers live =
        LiveServers.start(
            config.get(ClusterSettings.BOOTSTRAP_SERVERS),
            config.get(ClusterSettings.INGEST_GROUP_ID),
            MEMBERS_REFRESH);
    parts.push(live);
    return policies.withQuotasSharedAmong(live::count);
  }

  /** {@code cluster.server-id}, else {@code <host name>-<port>} (the process id for port 0). */
  static String serverId(Configuration config) {
    String configured = config.get(ClusterSettings.SERVER_ID);
    if (configured != null) {
      return configured;
    }
    String host;
    try {
      host = InetAddress.getLocalHost().getHostName();
    } catch (UnknownHostException e) {
      host = "localhost";
    }
    int port = config.get(ServerSettings.PORT);
    String suffix = port == 0 ? "pid" + ProcessHandle.current().pid() : String.valueOf(port);
    return (host + "-" + suffix).replaceAll("[^A-Za-z0-9._-]", "_");
  }
}
