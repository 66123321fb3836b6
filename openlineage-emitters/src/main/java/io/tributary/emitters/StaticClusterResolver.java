package io.tributary.emitters;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Resolves a namespace's cluster from a fixed list of addresses per cluster, as OpenLineage's
 * host-list namespace resolver does: {@code kafka://b1:9092} belongs to {@code prod} when {@code
 * prod} lists {@code b1:9092} (or just {@code b1}).
 */
public final class StaticClusterResolver implements ClusterResolver {
  private final Map<String, String> clusterByAddress;

  /** Builds the resolver from cluster name to the addresses (host or host:port) it owns. */
  public StaticClusterResolver(Map<String, List<String>> addressesByCluster) {
    Map<String, String> byAddress = new LinkedHashMap<>();
    addressesByCluster.forEach(
        (cluster, addresses) -> {
          for (String address : addresses) {
            String previous =
                byAddress.put(address.trim().toLowerCase(java.util.Locale.ROOT), cluster);
            if (previous != null && !previous.equals(cluster)) {
              throw new EmitterException(
                  "Address '"
                      + address
                      + "' is listed for clusters '"
                      + previous
                      + "' and '"
                      + cluster
                      + "'");
            }
          }
        });
    this.clusterByAddress = Map.copyOf(byAddress);
  }

  @Override
  public Optional<String> clusterOf(String namespace) {
    URI uri;
    try {
      uri = URI.create(namespace);
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
    if (uri.getHost() == null) {
      return Optional.empty();
    }
    String host = uri.getHost().toLowerCase(java.util.Locale.ROOT);
    String hostPort = uri.getPort() < 0 ? host : host + ":" + uri.getPort();
    return Optional.ofNullable(clusterByAddress.getOrDefault(hostPort, clusterByAddress.get(host)));
  }
}
