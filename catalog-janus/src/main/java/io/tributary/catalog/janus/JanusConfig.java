package io.tributary.catalog.janus;

import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Where and how the embedded catalog stores its graph.
 *
 * @param dataDirectory the directory the catalog owns (locked while open); required for {@link
 *     Backend#BERKELEYJE}, ignored otherwise
 * @param properties raw JanusGraph settings ({@code storage.hostname}, {@code
 *     index.search.backend}, ...) applied over the defaults chosen for the backend
 * @param repeatTrust for CQL, how long a write that repeats this server's last write to an entity
 *     may skip reading it when no other server's change says otherwise ({@code
 *     catalog.cql.repeat-trust}); zero reads every time
 */
public record JanusConfig(
    Backend backend, Path dataDirectory, Map<String, String> properties, Duration repeatTrust) {

  /** The default of {@code catalog.cql.repeat-trust}. */
  public static final Duration DEFAULT_REPEAT_TRUST = Duration.ofMinutes(10);

  /** The storage backends this catalog knows how to configure. */
  public enum Backend {
    BERKELEYJE,
    INMEMORY,
    CQL
  }

  public JanusConfig {
    Objects.requireNonNull(backend, "backend");
    if (backend == Backend.BERKELEYJE && dataDirectory == null) {
      throw new IllegalArgumentException("The BERKELEYJE backend needs a data directory");
    }
    properties =
        properties == null
            ? Map.of()
            : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(properties));
    repeatTrust = repeatTrust == null ? DEFAULT_REPEAT_TRUST : repeatTrust;
    if (repeatTrust.isNegative()) {
      throw new IllegalArgumentException("repeatTrust " + repeatTrust + " is negative");
    }
  }

  public JanusConfig(Backend backend, Path dataDirectory, Map<String, String> properties) {
    this(backend, dataDirectory, properties, DEFAULT_REPEAT_TRUST);
  }

  /** A graph that lives in this process only: for tests and demos. */
  public static JanusConfig inMemory() {
    return new JanusConfig(Backend.INMEMORY, null, Map.of());
  }

  /** The embedded default: BerkeleyJE under {@code dataDirectory/graph}. */
  public static JanusConfig berkeley(Path dataDirectory) {
    return new JanusConfig(
        Backend.BERKELEYJE, Objects.requireNonNull(dataDirectory, "dataDirectory"), Map.of());
  }

  /** Cassandra or ScyllaDB; {@code properties} name the hosts, keyspace and optional index. */
  public static JanusConfig cql(Map<String, String> properties) {
    return new JanusConfig(Backend.CQL, null, properties);
  }

  /** A copy with one more raw JanusGraph setting. */
  public JanusConfig withProperty(String key, String value) {
    Map<String, String> copy = new LinkedHashMap<>(properties);
    copy.put(Objects.requireNonNull(key, "key"), Objects.requireNonNull(value, "value"));
    return new JanusConfig(backend, dataDirectory, copy, repeatTrust);
  }

  /** A copy with another {@link #repeatTrust}. */
  public JanusConfig withRepeatTrust(Duration trust) {
    return new JanusConfig(backend, dataDirectory, properties, trust);
  }
}
