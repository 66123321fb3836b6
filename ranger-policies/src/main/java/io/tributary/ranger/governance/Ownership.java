package io.tributary.ranger.governance;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * Who owns and who stewards an entity or a whole Ranger namespace of a tenant, as set through the
 * API. An entity's owners from OpenLineage's ownership facet are its {@code owners} attribute;
 * these are kept apart so that the next event does not overwrite what a person decided.
 *
 * @param entityGuid the entity, or null for a namespace
 * @param namespace the namespace, or null for an entity
 */
public record Ownership(
    String entityGuid,
    String namespace,
    List<String> owners,
    List<String> stewards,
    String updatedBy,
    Instant updated) {
  public Ownership {
    if ((entityGuid == null) == (namespace == null)) {
      throw new IllegalArgumentException("ownership names either an entity or a namespace");
    }
    owners = List.copyOf(owners);
    stewards = List.copyOf(stewards);
    Objects.requireNonNull(updated, "updated");
  }

  /** The record's id in the governance store. */
  public String id() {
    return entityGuid != null ? "entity-" + entityGuid : "namespace-" + namespace;
  }
}
