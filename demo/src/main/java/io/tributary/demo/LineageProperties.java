package io.tributary.demo;

import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The {@code openlineage.*} keys every application of the pipeline shares: OpenLineage's HTTP
 * transport to the catalog, the snapshot interval, and the broker's addresses named as one logical
 * cluster, so that topics keep their names in the catalog when the broker's port changes.
 *
 * @param catalog the catalog's base URI ({@code http://localhost:8080/})
 * @param interval the time between RUNNING snapshots, at least one second
 * @param cluster the cluster name the broker's topics are filed under
 * @param kafkaAddress the broker's {@code host:port}
 * @param overrides further {@code openlineage.*} keys, which win (retry settings in tests)
 */
public record LineageProperties(
    URI catalog,
    Duration interval,
    String cluster,
    String kafkaAddress,
    Map<String, String> overrides) {
  /** The job namespace of every application of the demo. */
  public static final String NAMESPACE = "demo";

  public LineageProperties {
    Objects.requireNonNull(catalog, "catalog");
    Objects.requireNonNull(interval, "interval");
    Objects.requireNonNull(cluster, "cluster");
    Objects.requireNonNull(kafkaAddress, "kafkaAddress");
    if (interval.toMillis() < 1000) {
      throw new IllegalArgumentException(
          "Snapshot interval " + interval + " is shorter than one second");
    }
    overrides = Map.copyOf(overrides == null ? Map.of() : overrides);
  }

  public LineageProperties withOverrides(Map<String, String> more) {
    Map<String, String> merged = new LinkedHashMap<>(overrides);
    merged.putAll(more);
    return new LineageProperties(catalog, interval, cluster, kafkaAddress, merged);
  }

  /** The keys, ready for a Kafka client, Kafka Streams or Flink configuration. */
  public Map<String, String> toMap() {
    Map<String, String> out = new LinkedHashMap<>();
    out.put("openlineage.transport.type", "http");
    // No trailing slash: OpenLineage's transport joins url and endpoint itself.
    out.put("openlineage.transport.url", catalog.toString().replaceAll("/+$", ""));
    out.put("openlineage.transport.endpoint", "/api/v1/lineage");
    out.put("openlineage.namespace", NAMESPACE);
    out.put("openlineage.snapshot.interval.ms", String.valueOf(interval.toMillis()));
    // The pipeline closes its applications itself; a shutdown hook per run would race with it.
    out.put("openlineage.abort.on.jvm.exit", "false");
    out.put("openlineage.cluster." + cluster, kafkaAddress);
    out.putAll(overrides);
    return out;
  }
}
