package io.tributary.emitters.facets;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.tributary.contract.TributaryFacets;
import java.net.URI;
import java.util.Objects;

/** Dataset facet {@code tributary_cluster}: the logical cluster the dataset's namespace is in. */
public final class ClusterDatasetFacet extends TributaryFacet {
  public static final String NAME = TributaryFacets.CLUSTER;

  private final String cluster;

  public ClusterDatasetFacet(URI producer, String cluster) {
    super(producer, "TributaryClusterDatasetFacet");
    this.cluster = Objects.requireNonNull(cluster, "cluster");
  }

  @JsonProperty(TributaryFacets.CLUSTER_FIELD)
  public String getCluster() {
    return cluster;
  }
}
