package io.tributary.emitters.facets;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.net.URI;
import java.util.Objects;

/** Dataset facet {@code tributary_cluster}: the logical cluster the dataset's namespace is in. */
public final class ClusterDatasetFacet extends TributaryFacet {
  public static final String NAME = "tributary_cluster";

  private final String cluster;

  public ClusterDatasetFacet(URI producer, String cluster) {
    super(producer, "TributaryClusterDatasetFacet");
    this.cluster = Objects.requireNonNull(cluster, "cluster");
  }

  @JsonProperty("cluster")
  public String getCluster() {
    return cluster;
  }
}
