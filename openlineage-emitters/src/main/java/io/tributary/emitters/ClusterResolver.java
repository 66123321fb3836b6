package io.tributary.emitters;

import java.util.Optional;

/**
 * Maps a dataset namespace (for example {@code kafka://broker-1:9092}) to the logical cluster it
 * belongs to (for example {@code prod}). The emitter adds the answer as the {@code
 * tributary_cluster} dataset facet and leaves the namespace itself untouched, so that every emitter
 * names one topic the same way.
 */
@FunctionalInterface
public interface ClusterResolver {
  ClusterResolver NONE = namespace -> Optional.empty();

  Optional<String> clusterOf(String namespace);
}
