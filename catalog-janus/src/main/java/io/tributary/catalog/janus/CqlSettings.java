package io.tributary.catalog.janus;

import io.tributary.catalog.spi.CatalogContext;
import io.tributary.config.Setting;
import io.tributary.config.ValueType;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The keys of {@code catalog.backend = embedded-cql}: where the Cassandra or ScyllaDB cluster is
 * and which keyspace holds the catalog, turned into JanusGraph's {@code storage.*} settings. The
 * {@code janusgraph.} pass-through still applies after them.
 */
final class CqlSettings {
  static final Setting<List<String>> HOSTS =
      Setting.of(
          "catalog.cql.hosts",
          ValueType.list(),
          List.of("localhost"),
          "With `catalog.backend = embedded-cql`: the Cassandra or ScyllaDB contact points (host"
              + " names or addresses; a few nodes of the local data centre are enough).");

  static final Setting<Integer> PORT =
      Setting.of(
          "catalog.cql.port", ValueType.integer(1, 65_535), 9042, "The contact points' CQL port.");

  static final Setting<String> KEYSPACE =
      Setting.of(
              "catalog.cql.keyspace",
              ValueType.string(),
              "tributary",
              "The keyspace holding the catalog's graph; created on first start. Every server of"
                  + " one catalog names the same keyspace; another catalog needs its own.")
          .withCheck(
              k -> {
                if (!k.matches("[A-Za-z][A-Za-z0-9_]{0,47}")) {
                  throw new IllegalArgumentException(
                      "a keyspace is a letter, then letters, digits or '_', 48 at most");
                }
              });

  static final Setting<String> LOCAL_DATACENTER =
      Setting.of(
          "catalog.cql.local-datacenter",
          ValueType.string(),
          "datacenter1",
          "The data centre of the contact points, as the cluster names it (`nodetool status`);"
              + " the driver sends queries to its nodes only.");

  static final Setting<Integer> REPLICATION_FACTOR =
      Setting.of(
          "catalog.cql.replication-factor",
          ValueType.integer(1, 99),
          1,
          "Replicas of each row (SimpleStrategy), used only when the keyspace is created: 3 in"
              + " production, so that QUORUM reads and writes survive a node's loss.");

  static final Setting<String> USERNAME =
      Setting.of(
          "catalog.cql.username",
          ValueType.string(),
          null,
          "The Cassandra user, when authentication is on.");

  static final Setting<String> PASSWORD =
      Setting.of("catalog.cql.password", ValueType.string(), null, "The Cassandra user's password.")
          .asSecret();

  static final Setting<Duration> REPEAT_TRUST =
      Setting.of(
          "catalog.cql.repeat-trust",
          ValueType.duration(Duration.ZERO, Duration.ofHours(24)),
          JanusConfig.DEFAULT_REPEAT_TRUST,
          "How long a write that repeats this server's last write to an entity (a streaming job's"
              + " refresh of its columns and job) skips reading and writing it, unless the"
              + " cluster's change log brings another server's change to it first. The bound on"
              + " what a lost change-log record can delay; longer than the emitters' refresh"
              + " interval, or refreshes read everything again. `0s`: always read.");

  static final List<Setting<?>> ALL =
      List.of(
          HOSTS,
          PORT,
          KEYSPACE,
          LOCAL_DATACENTER,
          REPLICATION_FACTOR,
          USERNAME,
          PASSWORD,
          REPEAT_TRUST);

  private CqlSettings() {}

  /** JanusGraph's storage settings for the configured cluster; defaults for keys not set. */
  static Map<String, String> storage(CatalogContext context) {
    Map<String, String> out = new LinkedHashMap<>();
    out.put("storage.hostname", String.join(",", value(context, HOSTS)));
    out.put("storage.port", String.valueOf(value(context, PORT)));
    out.put("storage.cql.keyspace", value(context, KEYSPACE));
    out.put("storage.cql.local-datacenter", value(context, LOCAL_DATACENTER));
    out.put("storage.cql.replication-factor", String.valueOf(value(context, REPLICATION_FACTOR)));
    String user = value(context, USERNAME);
    if (user != null) {
      out.put("storage.username", user);
    }
    String password = value(context, PASSWORD);
    if (password != null) {
      out.put("storage.password", password);
    }
    return out;
  }

  /** {@link #REPEAT_TRUST} as configured. */
  static Duration repeatTrust(CatalogContext context) {
    return value(context, REPEAT_TRUST);
  }

  private static <T> T value(CatalogContext context, Setting<T> setting) {
    return context
        .setting(setting.name())
        .map(text -> setting.parse(text, setting.name()))
        .orElse(setting.defaultValue());
  }
}
