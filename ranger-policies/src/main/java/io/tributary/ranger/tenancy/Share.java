package io.tributary.ranger.tenancy;

import io.tributary.contract.TenantId;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A grant of read (and lineage) on some of {@code owner}'s datasets to every role of {@code
 * grantee}.
 *
 * @param id stable identifier: the same grant made twice is the same share
 * @param datasets dataset names or Ranger wildcards ({@code orders-*}) in {@code namespace}
 */
public record Share(
    String id,
    TenantId owner,
    TenantId grantee,
    String namespace,
    List<String> datasets,
    Instant created) {
  public Share {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(owner, "owner");
    Objects.requireNonNull(grantee, "grantee");
    Objects.requireNonNull(namespace, "namespace");
    Objects.requireNonNull(created, "created");
    datasets = List.copyOf(datasets);
    if (datasets.isEmpty()) {
      throw new IllegalArgumentException("share of tenant '" + owner + "' names no datasets");
    }
    if (owner.equals(grantee)) {
      throw new IllegalArgumentException("tenant '" + owner + "' cannot share with itself");
    }
  }

  /** The Ranger policy that carries this share. */
  public String policyName() {
    return "share-" + owner + "-to-" + grantee + "-" + id;
  }
}
