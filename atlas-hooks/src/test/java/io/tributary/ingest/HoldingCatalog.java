package io.tributary.ingest;

import io.tributary.catalog.Catalog;
import io.tributary.catalog.ChangeFeed;
import io.tributary.catalog.Direction;
import io.tributary.catalog.Entity;
import io.tributary.catalog.EntityKey;
import io.tributary.catalog.Guid;
import io.tributary.catalog.ImpactEntry;
import io.tributary.catalog.LineageGraph;
import io.tributary.catalog.LineagePath;
import io.tributary.catalog.LineageQuery;
import io.tributary.catalog.Mutation;
import io.tributary.catalog.MutationResult;
import io.tributary.catalog.SearchQuery;
import io.tributary.catalog.SearchResult;
import io.tributary.catalog.Visibility;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * A real catalog whose writes commit and then wait at a gate before returning: the moment between
 * the catalog commit and the Kafka offset commit, held open for as long as a test needs.
 */
final class HoldingCatalog implements Catalog {
  private final Catalog delegate;
  private final CountDownLatch gate = new CountDownLatch(1);
  final CountDownLatch committed = new CountDownLatch(1);

  HoldingCatalog(Catalog delegate) {
    this.delegate = delegate;
  }

  void release() {
    gate.countDown();
  }

  @Override
  public List<MutationResult> applyAll(List<Mutation> mutations) {
    List<MutationResult> results = delegate.applyAll(mutations);
    committed.countDown();
    try {
      gate.await(60, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return results;
  }

  @Override
  public Optional<Entity> get(Guid guid, Visibility visibility) {
    return delegate.get(guid, visibility);
  }

  @Override
  public Optional<Entity> get(EntityKey key, Visibility visibility) {
    return delegate.get(key, visibility);
  }

  @Override
  public SearchResult search(SearchQuery query, Visibility visibility) {
    return delegate.search(query, visibility);
  }

  @Override
  public List<Entity> related(
      Guid guid, String relationshipType, Direction direction, Visibility visibility) {
    return delegate.related(guid, relationshipType, direction, visibility);
  }

  @Override
  public LineageGraph lineage(LineageQuery query, Visibility visibility) {
    return delegate.lineage(query, visibility);
  }

  @Override
  public Optional<LineagePath> path(Guid from, Guid to, int maxDepth, Visibility visibility) {
    return delegate.path(from, to, maxDepth, visibility);
  }

  @Override
  public List<ImpactEntry> impact(Guid start, int maxDepth, Visibility visibility) {
    return delegate.impact(start, maxDepth, visibility);
  }

  @Override
  public boolean delete(Guid guid) {
    return delegate.delete(guid);
  }

  @Override
  public Map<String, Long> countByType(Visibility visibility) {
    return delegate.countByType(visibility);
  }

  @Override
  public ChangeFeed changes() {
    return delegate.changes();
  }

  @Override
  public void close() {
    // the test closes the real catalog
  }
}
