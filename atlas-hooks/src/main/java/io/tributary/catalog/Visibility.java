package io.tributary.catalog;

import io.tributary.contract.TenantId;
import java.util.HashSet;
import java.util.Objects;
import java.util.Set;

/**
 * Which entities a caller may see. Built per request by the authorizer and passed into every read;
 * an entity a caller may not see is treated as absent, and a lineage path through it shows only a
 * redacted placeholder. Catalogs decide an entity that belongs to a dataset (a {@link Dependents}
 * type) with {@link #canSeeDependent}, never on its own.
 */
@FunctionalInterface
public interface Visibility {
  boolean canSee(Entity entity);

  /**
   * Whether the caller may see {@code dependent}, which belongs to {@code owner} (a column or a
   * column lineage entry to its dataset): never unless it may see the owner, and the dependent's
   * own classifications may hide it further but never show it more. Decided on the owner's
   * identity, whatever the dependent's own attributes say: the owner as if it also carried the
   * dependent's classifications. Implementations need not override this; wrappers stay exact
   * because both checks go through {@link #canSee}.
   */
  default boolean canSeeDependent(Entity dependent, Entity owner) {
    if (!canSee(owner)) {
      return false;
    }
    if (!dependent.tenant().equals(owner.tenant())) {
      return canSee(dependent);
    }
    if (owner.classifications().containsAll(dependent.classifications())) {
      return true;
    }
    Set<String> both = new HashSet<>(owner.classifications());
    both.addAll(dependent.classifications());
    return canSee(
        new Entity(
            owner.guid(),
            owner.key(),
            owner.name(),
            owner.attributes(),
            both,
            owner.createTime(),
            owner.updateTime()));
  }

  /** Everything: one instance, so that a catalog can tell it apart and decide nothing. */
  static Visibility all() {
    return Everything.INSTANCE;
  }

  /** The caller that may see everything (the catalog's own readers: indexer, governance). */
  enum Everything implements Visibility {
    INSTANCE;

    @Override
    public boolean canSee(Entity entity) {
      return true;
    }

    @Override
    public boolean canSeeDependent(Entity dependent, Entity owner) {
      return true;
    }
  }

  static Visibility tenants(Set<TenantId> tenants) {
    Set<TenantId> copy = Set.copyOf(Objects.requireNonNull(tenants, "tenants"));
    return entity -> copy.contains(entity.tenant());
  }

  default Visibility and(Visibility other) {
    return entity -> canSee(entity) && other.canSee(entity);
  }
}
