package io.tributary.catalog;

import java.util.List;
import java.util.Optional;

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

  /** Deletes an entity and its relationships; returns whether it existed. */
  boolean delete(Guid guid);

  /** Visible entities counted by type. */
  java.util.Map<String, Long> countByType(Visibility visibility);

  ChangeFeed changes();

  @Override
  void close();
}
