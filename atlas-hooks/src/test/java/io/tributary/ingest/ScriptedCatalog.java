package io.tributary.ingest;

import io.tributary.catalog.Catalog;
import io.tributary.catalog.ChangeFeed;
import io.tributary.catalog.Direction;
import io.tributary.catalog.Entity;
import io.tributary.catalog.EntityKey;
import io.tributary.catalog.EntityWrite;
import io.tributary.catalog.Guid;
import io.tributary.catalog.ImpactEntry;
import io.tributary.catalog.InvalidEntityException;
import io.tributary.catalog.LineageGraph;
import io.tributary.catalog.LineagePath;
import io.tributary.catalog.LineageQuery;
import io.tributary.catalog.Mutation;
import io.tributary.catalog.MutationResult;
import io.tributary.catalog.SearchQuery;
import io.tributary.catalog.SearchResult;
import io.tributary.catalog.Types;
import io.tributary.catalog.Visibility;
import io.tributary.contract.TenantId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * A catalog that records each transaction it is asked for, refuses every transaction holding a
 * mutation whose source starts with "bad", and can be held closed to let a queue fill up. Only the
 * write path matters to the committer's tests; reads are not supported.
 */
final class ScriptedCatalog implements Catalog {
  final List<List<String>> transactions = new CopyOnWriteArrayList<>();
  private volatile CountDownLatch gate = new CountDownLatch(0);
  final CountDownLatch entered = new CountDownLatch(1);

  void hold() {
    gate = new CountDownLatch(1);
  }

  void release() {
    gate.countDown();
  }

  /** Called with the sources of each transaction once recorded, on the writer's thread. */
  volatile Consumer<List<String>> afterCommit = sources -> {};

  static Mutation mutation(String source) {
    return new Mutation(source, List.of(), List.of());
  }

  /** A mutation writing {@code entities} topics. */
  static Mutation mutation(String source, int entities) {
    List<EntityWrite> writes = new ArrayList<>();
    for (int i = 0; i < entities; i++) {
      writes.add(
          EntityWrite.of(
              new EntityKey(TenantId.DEFAULT, Types.KAFKA_TOPIC, source + "-" + i),
              Instant.parse("2026-01-01T00:00:00Z")));
    }
    return new Mutation(source, writes, List.of());
  }

  /** Refuses, as {@link #applyAll} does, every mutation whose source starts with "bad". */
  @Override
  public void validate(Mutation mutation) {
    if (mutation.source().startsWith("bad")) {
      throw new InvalidEntityException("mutation '" + mutation.source() + "' is refused");
    }
  }

  @Override
  public List<MutationResult> applyAll(List<Mutation> mutations) {
    entered.countDown();
    try {
      if (!gate.await(30, TimeUnit.SECONDS)) {
        throw new IllegalStateException("the test never released the catalog");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
    List<String> sources = mutations.stream().map(Mutation::source).toList();
    for (String source : sources) {
      if (source.startsWith("bad")) {
        throw new InvalidEntityException("mutation '" + source + "' is refused");
      }
    }
    transactions.add(sources);
    afterCommit.accept(sources);
    List<MutationResult> results = new ArrayList<>();
    for (Mutation m : mutations) {
      Map<EntityKey, Guid> guids = new java.util.HashMap<>();
      m.entities().stream().map(EntityWrite::key).forEach(k -> guids.put(k, Guid.forKey(k)));
      results.add(new MutationResult(guids, List.copyOf(guids.keySet()), List.of()));
    }
    return results;
  }

  @Override
  public Optional<Entity> get(Guid guid, Visibility visibility) {
    throw new UnsupportedOperationException();
  }

  @Override
  public Optional<Entity> get(EntityKey key, Visibility visibility) {
    throw new UnsupportedOperationException();
  }

  @Override
  public SearchResult search(SearchQuery query, Visibility visibility) {
    throw new UnsupportedOperationException();
  }

  @Override
  public List<Entity> related(
      Guid guid, String relationshipType, Direction direction, Visibility visibility) {
    throw new UnsupportedOperationException();
  }

  @Override
  public LineageGraph lineage(LineageQuery query, Visibility visibility) {
    throw new UnsupportedOperationException();
  }

  @Override
  public Optional<LineagePath> path(Guid from, Guid to, int maxDepth, Visibility visibility) {
    throw new UnsupportedOperationException();
  }

  @Override
  public List<ImpactEntry> impact(Guid start, int maxDepth, Visibility visibility) {
    throw new UnsupportedOperationException();
  }

  @Override
  public boolean delete(Guid guid) {
    throw new UnsupportedOperationException();
  }

  @Override
  public Map<String, Long> countByType(Visibility visibility) {
    throw new UnsupportedOperationException();
  }

  @Override
  public ChangeFeed changes() {
    throw new UnsupportedOperationException();
  }

  @Override
  public void close() {}
}
