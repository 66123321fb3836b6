package io.tributary.catalog;

import io.tributary.contract.TenantId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;

/**
 * An Atlas-style catalog. Writes are mutations applied atomically; reads take the caller's {@link
 * Visibility}. Implementations are thread-safe.
 */
public interface Catalog extends AutoCloseable {

  /** Applies one mutation in its own transaction. */
  default MutationResult apply(Mutation mutation) {
    return applyAll(List.of(mutation)).get(0);
  }

  /**
   * Applies mutations in order in one transaction: all commit or none does. Returns one result per
   * mutation. Change events are published after the commit.
   */
  List<MutationResult> applyAll(List<Mutation> mutations);

  /**
   * {@link #applyAll(List)} that gives up when {@code cancelled} turns true while the batch is
   * written: it then throws a {@link CatalogException} and nothing of the batch is committed. For
   * writers that must stop within a deadline; a catalog may check it only now and then.
   */
  default List<MutationResult> applyAll(List<Mutation> mutations, BooleanSupplier cancelled) {
    return applyAll(mutations);
  }

  /**
   * Checks a mutation without writing it: unknown types, relationships naming entities that neither
   * the mutation nor the catalog holds. Lets a writer that commits one large mutation in several
   * transactions refuse it before the first.
   *
   * @throws InvalidEntityException what {@link #applyAll} would throw for it
   */
  default void validate(Mutation mutation) {}

  /**
   * Whether this catalog keeps entities of Tributary's internal types ({@link Types#isInternal}),
   * such as the web UI's dashboards. A catalog kept in another product (a remote Atlas) does not:
   * it refuses them in {@link #validate}, so that callers check here first and say so plainly.
   */
  default boolean storesInternalTypes() {
    return true;
  }

  Optional<Entity> get(Guid guid, Visibility visibility);

  Optional<Entity> get(EntityKey key, Visibility visibility);

  SearchResult search(SearchQuery query, Visibility visibility);

  /**
   * Entities linked to {@code guid} by relationships of one type (a dataset's columns, a job's
   * runs).
   */
  List<Entity> related(
      Guid guid, String relationshipType, Direction direction, Visibility visibility);

  LineageGraph lineage(LineageQuery query, Visibility visibility);

  /** A shortest data-flow path from {@code from} to {@code to}, walking downstream. */
  Optional<LineagePath> path(Guid from, Guid to, int maxDepth, Visibility visibility);

  /** Everything downstream of {@code start}, nearest first. */
  List<ImpactEntry> impact(Guid start, int maxDepth, Visibility visibility);

  /**
   * Removes one classification from an entity (writes only ever add them); returns whether the
   * entity carried it.
   *
   * @throws EntityNotFoundException when no entity has {@code guid}
   */
  default boolean removeClassification(Guid guid, String classification) {
    throw new CatalogException(getClass().getSimpleName() + " cannot remove classifications");
  }

  /** Deletes an entity and its relationships; returns whether it existed. */
  boolean delete(Guid guid);

  /** Visible entities counted by type. */
  Map<String, Long> countByType(Visibility visibility);

  /**
   * Visible entities counted by type, for a caller that may read some tenants whole: those are
   * counted from what the catalog maintains, without reading their entities; only entities of the
   * other tenants are checked one by one against {@code partial}.
   *
   * @param wholeTenant whether the caller may read every entity of a tenant
   * @param partial what the caller may see of the other tenants (shares, policies)
   */
  default Map<String, Long> countByType(Predicate<TenantId> wholeTenant, Visibility partial) {
    return countByType(entity -> wholeTenant.test(entity.tenant()) || partial.canSee(entity));
  }

  /** How many entities a tenant holds, whoever may see them. */
  default long count(TenantId tenant) {
    return countByType(entity -> entity.tenant().equals(tenant)).values().stream()
        .mapToLong(Long::longValue)
        .sum();
  }

  ChangeFeed changes();

  @Override
  void close();
}
