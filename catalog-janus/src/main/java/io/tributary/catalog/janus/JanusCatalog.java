package io.tributary.catalog.janus;

import static io.tributary.catalog.janus.GraphSchema.CLASSIFICATIONS;
import static io.tributary.catalog.janus.GraphSchema.TENANT;
import static io.tributary.catalog.janus.GraphSchema.TYPE;

import io.tributary.catalog.Catalog;
import io.tributary.catalog.CatalogException;
import io.tributary.catalog.ChangeEvent;
import io.tributary.catalog.ChangeFeed;
import io.tributary.catalog.Dependents;
import io.tributary.catalog.Direction;
import io.tributary.catalog.Entity;
import io.tributary.catalog.EntityKey;
import io.tributary.catalog.EntityNotFoundException;
import io.tributary.catalog.Guid;
import io.tributary.catalog.ImpactEntry;
import io.tributary.catalog.InvalidEntityException;
import io.tributary.catalog.LineageGraph;
import io.tributary.catalog.LineagePath;
import io.tributary.catalog.LineageQuery;
import io.tributary.catalog.Mutation;
import io.tributary.catalog.MutationResult;
import io.tributary.catalog.RelationshipWrite;
import io.tributary.catalog.SearchQuery;
import io.tributary.catalog.SearchResult;
import io.tributary.catalog.Visibility;
import io.tributary.catalog.types.TypeRegistry;
import io.tributary.contract.TenantId;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import java.util.function.Predicate;
import org.apache.tinkerpop.gremlin.structure.Edge;
import org.apache.tinkerpop.gremlin.structure.Vertex;
import org.janusgraph.core.JanusGraph;
import org.janusgraph.core.JanusGraphFactory;
import org.janusgraph.core.JanusGraphTransaction;
import org.janusgraph.core.SchemaViolationException;
import org.janusgraph.diskstorage.TemporaryBackendException;
import org.janusgraph.diskstorage.locking.PermanentLockingException;
import org.janusgraph.diskstorage.locking.TemporaryLockingException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded catalog on JanusGraph. Writers are serialised by a lock, each batch is one
 * transaction and its change events are published after it commits. Every read runs in its own
 * read-only transaction and applies the caller's {@link Visibility}; an entity that belongs to a
 * dataset (a column, a column lineage entry) is visible exactly when that dataset is, and its own
 * classifications may hide it further ({@link ReadVisibility}).
 *
 * <p>Where the {@link Catalog} contract leaves room: {@code related} follows relationships out of
 * the entity for {@code DOWNSTREAM} (a dataset's columns), into it for {@code UPSTREAM}, and both
 * for {@code BOTH}; {@code related}, {@code lineage} and {@code impact} throw {@link
 * EntityNotFoundException} for a start that is missing or invisible, {@code path} returns empty;
 * {@code countByType} lists only types with at least one visible entity; search results and related
 * entities are ordered by name, then guid.
 */
public final class JanusCatalog implements Catalog {
  private static final Logger LOG = LoggerFactory.getLogger(JanusCatalog.class);

  /** How often a batch that conflicts with another server's write is tried in all. */
  private static final int CONFLICT_ATTEMPTS = 8;

  /** Entities the writer keeps in memory: the working set of a streaming estate's refreshes. */
  private static final int CACHED_ENTITIES = 50_000;

  private static final int CACHED_EDGES = 200_000;

  /** How long a close may spend writing attribute times only the write cache holds. */
  private static final Duration CLOSE_TIMES_BUDGET = Duration.ofSeconds(5);

  private final JanusGraph graph;
  private final DirectoryLock lock;
  private final GraphSchema schema;
  private final TypeRegistry types;
  private final ChangeFeed feed;
  private final EntityVertices vertices;
  private final RelationshipRules rules;
  private final MutationWriter writer;
  private final EntitySearch search;
  private final LineageWalker walker;
  private final Dependents dependents;
  private final WriteCache cache;

  /** Vertex ids and edges seen, for a graph other processes also write (CQL). */
  private final VertexIds ids;

  /** This server's last writes that later repeats need not read (CQL). */
  private final RepeatedWrites repeated;

  private final ChangeFeed.Subscription remoteChanges;

  /** Null when other processes may write the same graph (CQL): counting then scans. */
  private final EntityCounts counts;

  private final ReentrantLock writeLock = new ReentrantLock();

  /** Whether other processes may write the same graph (CQL). */
  private final boolean shared;

  private final AtomicLong conflictRetries = new AtomicLong();
  private volatile boolean closed;

  private JanusCatalog(
      JanusGraph graph,
      DirectoryLock lock,
      GraphSchema schema,
      TypeRegistry types,
      ChangeFeed feed,
      EntityCounts counts,
      boolean shared,
      Duration repeatTrust) {
    this.graph = graph;
    this.shared = shared;
    this.lock = lock;
    this.schema = schema;
    this.types = types;
    this.feed = feed;
    Json json = new Json();
    this.vertices = new EntityVertices(json);
    this.rules = new RelationshipRules(types);
    this.counts = counts;
    // The write cache and maintained counts need this process to be the graph's only writer.
    this.cache = counts == null ? WriteCache.off() : new WriteCache(CACHED_ENTITIES, CACHED_EDGES);
    // What stays true whatever other writers do: see VertexIds.
    this.ids = counts == null ? new VertexIds(CACHED_ENTITIES, CACHED_EDGES) : VertexIds.off();
    this.repeated =
        counts == null && !repeatTrust.isZero()
            ? new RepeatedWrites(CACHED_ENTITIES, repeatTrust)
            : RepeatedWrites.off();
    this.writer =
        new MutationWriter(rules, vertices, json, Clock.systemUTC(), cache, ids, repeated);
    // Another server's change (from the cluster's change log) ends the trust in a repeat.
    this.remoteChanges =
        feed.onRemote(
            changes ->
                repeated.changedElsewhere(changes.stream().map(c -> c.subject().key()).toList()));
    this.search = new EntitySearch(types, vertices, json);
    this.walker = new LineageWalker(types, vertices);
    this.dependents = new Dependents(types);
  }

  /**
   * Opens the graph, creating its schema on first use. For BerkeleyJE the data directory is locked
   * first: a second open fails with {@link DataDirectoryLockedException} before touching the files.
   */
  /**
   * JanusGraph closes its graph from a JVM shutdown hook of its own, which runs in parallel with
   * the server's ordered shutdown and fails the last commits of jobs still stopping (JanusGraph
   * issue 1007). The catalog's owner closes it instead; every commit is already synced, so a
   * process that never closes it loses nothing.
   */
  private static void withoutJanusShutdownHook(JanusGraph graph) {
    try {
      java.lang.reflect.Field hook =
          org.janusgraph.graphdb.database.StandardJanusGraph.class.getDeclaredField("shutdownHook");
      hook.setAccessible(true);
      Object thread = hook.get(graph);
      if (thread instanceof Thread t) {
        Runtime.getRuntime().removeShutdownHook(t);
      }
    } catch (ReflectiveOperationException | RuntimeException e) {
      LOG.debug("catalog: JanusGraph's shutdown hook stays in place: {}", e.toString());
    }
  }

  public static JanusCatalog open(JanusConfig config, TypeRegistry types, ChangeFeed feed) {
    Objects.requireNonNull(config, "config");
    Objects.requireNonNull(types, "types");
    Objects.requireNonNull(feed, "feed");
    DirectoryLock lock =
        config.backend() == JanusConfig.Backend.BERKELEYJE
            ? DirectoryLock.acquire(config.dataDirectory())
            : null;
    JanusGraph graph = null;
    try {
      JanusGraphFactory.Builder builder = JanusGraphFactory.build();
      GraphSettings.of(config).forEach(builder::set);
      graph = builder.open();
      withoutJanusShutdownHook(graph);
      boolean shared = config.backend() == JanusConfig.Backend.CQL;
      GraphSchema schema = ensureSchema(graph, shared);
      EntityCounts counts =
          config.backend() == JanusConfig.Backend.CQL
              ? null
              : EntityCounts.open(graph, types, new Json());
      LOG.info("catalog: opened JanusGraph on {}", describe(config));
      return new JanusCatalog(
          graph, lock, schema, types, feed, counts, shared, config.repeatTrust());
    } catch (RuntimeException e) {
      if (graph != null) {
        closeQuietly(graph);
      }
      if (lock != null) {
        lock.close();
      }
      if (e instanceof CatalogException ce) {
        throw ce;
      }
      throw new CatalogException(
          "Cannot open the catalog on " + describe(config) + missingClassHint(e), e);
    }
  }

  /**
   * The schema, created if missing. Servers starting together on a new keyspace race to create it:
   * the loser finds the winner's schema when it tries again.
   */
  private static GraphSchema ensureSchema(JanusGraph graph, boolean shared) {
    for (int attempt = 1; ; attempt++) {
      try {
        return GraphSchema.ensure(graph, shared);
      } catch (RuntimeException e) {
        if (!shared || attempt >= 5) {
          throw e;
        }
        LOG.debug("catalog: creating the schema conflicted, attempt {}: {}", attempt, e.toString());
        backOff(attempt);
      }
    }
  }

  /** The usual cause of a missing class: the Elasticsearch adapter, not bundled, not added. */
  private static String missingClassHint(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof ClassNotFoundException) {
        return ": class "
            + t.getMessage()
            + " is not on the classpath (janusgraph-es is not bundled: see docs/storage.md)";
      }
    }
    return "";
  }

  private static String describe(JanusConfig config) {
    return config.backend()
        + (config.dataDirectory() == null ? "" : " in '" + config.dataDirectory() + "'");
  }

  @Override
  public List<MutationResult> applyAll(List<Mutation> mutations) {
    return applyAll(mutations, () -> false);
  }

  @Override
  public List<MutationResult> applyAll(List<Mutation> mutations, BooleanSupplier cancelled) {
    Objects.requireNonNull(mutations, "mutations");
    Objects.requireNonNull(cancelled, "cancelled");
    mutations.forEach(rules::validate);
    writeLock.lock();
    try {
      ensureOpen();
      for (int attempt = 1; ; attempt++) {
        try {
          return applyOnce(mutations, cancelled);
        } catch (CatalogException e) {
          if (!sharedGraph() || attempt >= CONFLICT_ATTEMPTS || !isConflict(e)) {
            throw e;
          }
          // Another server wrote one of these entities (or the schema) at the same moment; the
          // batch is read again from the graph, so this time it finds what the other wrote.
          LOG.debug("catalog: write conflict with another server, attempt {}: {}", attempt, e);
          conflictRetries.incrementAndGet();
          backOff(attempt);
        }
      }
    } finally {
      writeLock.unlock();
    }
  }

  private List<MutationResult> applyOnce(List<Mutation> mutations, BooleanSupplier cancelled) {
    for (Mutation m : mutations) {
      for (RelationshipWrite r : m.relationships()) {
        schema.ensureEdgeLabel(r.typeName());
      }
    }
    JanusGraphTransaction tx = writeTransaction();
    MutationWriter.Outcome outcome;
    Map<TenantId, Map<String, Long>> newCounts;
    boolean committing = false;
    repeated.batchStarted();
    try {
      outcome = writer.write(tx, mutations, cancelled);
      newCounts = counts == null ? null : counts.stage(tx, created(outcome), List.of());
      committing = true;
      tx.commit();
    } catch (RuntimeException e) {
      rollbackQuietly(tx);
      repeated.batchFailed();
      if (committing) {
        // The commit may have reached the store or not: what the cache knows is unsure.
        Set<EntityKey> keys = keysOf(mutations);
        cache.forget(keys);
        repeated.forget(keys);
      }
      throw asCatalogException("Batch of " + mutations.size() + " mutations failed", e);
    }
    outcome.committed(cache, ids, repeated);
    if (counts != null) {
      counts.publish(newCounts);
    }
    feed.publish(outcome.drafts());
    return outcome.results();
  }

  /** Whether other processes may write this graph too (CQL): then writes may conflict. */
  private boolean sharedGraph() {
    return shared;
  }

  /**
   * A conflict with another writer: a storage lock another transaction holds or changed (the unique
   * guid and key indexes, a schema element), or a unique value that appeared since this transaction
   * looked.
   */
  static boolean isConflict(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof PermanentLockingException
          || t instanceof MutationWriter.StaleEntityException
          || t instanceof TemporaryLockingException
          || t instanceof SchemaViolationException
          || t instanceof TemporaryBackendException) {
        return true;
      }
      for (Throwable s : t.getSuppressed()) {
        if (isConflict(s)) {
          return true;
        }
      }
    }
    return false;
  }

  private static void backOff(int attempt) {
    long millis = ThreadLocalRandom.current().nextLong(5, 20L * attempt + 5);
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new CatalogException("Interrupted retrying a conflicting write", e);
    }
  }

  /** Batches retried after a conflict with another server's write: for tests and metrics. */
  long conflictRetries() {
    return conflictRetries.get();
  }

  @Override
  public void validate(Mutation mutation) {
    rules.validate(mutation);
    Set<EntityKey> written = new HashSet<>();
    mutation.entities().forEach(w -> written.add(w.key()));
    Set<EntityKey> checked = new HashSet<>();
    for (RelationshipWrite r : mutation.relationships()) {
      for (EntityKey end : List.of(r.from(), r.to())) {
        if (!written.contains(end)
            && checked.add(end)
            && read(tx -> vertices.byKey(tx, end)).isEmpty()) {
          throw new InvalidEntityException(
              "Relationship "
                  + r.typeName()
                  + " in '"
                  + mutation.source()
                  + "' names entity '"
                  + end
                  + "', which neither the mutation nor the catalog holds");
        }
      }
    }
  }

  /**
   * A write transaction. With one writer (BerkeleyJE, in-memory) the writer has already looked up
   * every key under the write lock and holds vertex ids of committed entities only, so JanusGraph's
   * uniqueness checks and existence reads would repeat work: two index reads per new entity and one
   * read per cached vertex. With several writers (CQL) its uniqueness checks stay on.
   */
  private JanusGraphTransaction writeTransaction() {
    if (counts == null) {
      // Vertices the writer names by a remembered id are read before use, in one multi-vertex
      // query that tells a gone vertex by its missing properties; JanusGraph's own check would
      // read each one again, one round trip at a time.
      return graph.buildTransaction().checkExternalVertexExistence(false).start();
    }
    return graph
        .buildTransaction()
        .consistencyChecks(false)
        .checkExternalVertexExistence(false)
        .start();
  }

  private static List<EntityKey> created(MutationWriter.Outcome outcome) {
    List<EntityKey> created = new ArrayList<>();
    outcome.results().forEach(r -> created.addAll(r.created()));
    return created;
  }

  private static Set<EntityKey> keysOf(List<Mutation> mutations) {
    Set<EntityKey> keys = new HashSet<>();
    for (Mutation m : mutations) {
      m.entities().forEach(w -> keys.add(w.key()));
      m.relationships()
          .forEach(
              r -> {
                keys.add(r.from());
                keys.add(r.to());
              });
    }
    return keys;
  }

  @Override
  public Optional<Entity> get(Guid guid, Visibility visibility) {
    Objects.requireNonNull(guid, "guid");
    return read(tx -> vertices.byGuid(tx, guid).flatMap(v -> visible(v, visibility)));
  }

  @Override
  public Optional<Entity> get(EntityKey key, Visibility visibility) {
    Objects.requireNonNull(key, "key");
    return read(tx -> vertices.byKey(tx, key).flatMap(v -> visible(v, visibility)));
  }

  @Override
  public SearchResult search(SearchQuery query, Visibility visibility) {
    Objects.requireNonNull(query, "query");
    return read(tx -> search.search(tx, query, scope(visibility)));
  }

  @Override
  public List<Entity> related(
      Guid guid, String relationshipType, Direction direction, Visibility visibility) {
    Objects.requireNonNull(direction, "direction");
    if (!types.hasRelationshipType(relationshipType)) {
      throw new InvalidEntityException(
          "Relationship type '" + relationshipType + "' is not a known relationship type");
    }
    return read(
        tx -> {
          ReadVisibility scope = scope(visibility);
          Vertex v = visibleVertex(tx, guid, scope);
          List<Entity> out = new ArrayList<>();
          if (!schema.hasEdgeLabel(relationshipType)) {
            return out;
          }
          // Two servers that add the same relationship at once may both write an edge (edges take
          // no storage lock): one entity, listed once.
          Set<Object> seen = new HashSet<>();
          Iterator<Edge> edges = v.edges(toGraph(direction), relationshipType);
          while (edges.hasNext()) {
            Edge e = edges.next();
            Vertex other = e.outVertex().id().equals(v.id()) ? e.inVertex() : e.outVertex();
            if (!seen.add(other.id())) {
              continue;
            }
            Entity entity = vertices.read(other);
            if (scope.canSee(other, entity)) {
              out.add(entity);
            }
          }
          out.sort(LineageWalker.BY_NAME_THEN_GUID);
          return out;
        });
  }

  @Override
  public LineageGraph lineage(LineageQuery query, Visibility visibility) {
    Objects.requireNonNull(query, "query");
    return read(
        tx -> {
          ReadVisibility scope = scope(visibility);
          Vertex start = visibleVertex(tx, query.start(), scope);
          return walker.lineage(
              tx,
              start,
              vertices.read(start),
              query.direction(),
              query.depth(),
              query.level(),
              scope);
        });
  }

  @Override
  public Optional<LineagePath> path(Guid from, Guid to, int maxDepth, Visibility visibility) {
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
    requireDepth(maxDepth);
    return read(
        tx -> {
          Optional<Vertex> fromVertex = vertices.byGuid(tx, from);
          Optional<Vertex> toVertex = vertices.byGuid(tx, to);
          if (fromVertex.isEmpty() || toVertex.isEmpty()) {
            return Optional.empty();
          }
          ReadVisibility scope = scope(visibility);
          Entity fromEntity = vertices.read(fromVertex.get());
          if (!scope.canSee(fromVertex.get(), fromEntity)
              || !scope.canSee(toVertex.get(), vertices.read(toVertex.get()))) {
            return Optional.empty();
          }
          return walker.path(tx, fromVertex.get(), fromEntity, toVertex.get(), maxDepth, scope);
        });
  }

  @Override
  public List<ImpactEntry> impact(Guid start, int maxDepth, Visibility visibility) {
    Objects.requireNonNull(start, "start");
    requireDepth(maxDepth);
    return read(
        tx -> {
          ReadVisibility scope = scope(visibility);
          Vertex v = visibleVertex(tx, start, scope);
          return walker.impact(tx, v, vertices.read(v), maxDepth, scope);
        });
  }

  @Override
  public boolean removeClassification(Guid guid, String classification) {
    Objects.requireNonNull(guid, "guid");
    Objects.requireNonNull(classification, "classification");
    writeLock.lock();
    try {
      ensureOpen();
      JanusGraphTransaction tx = writeTransaction();
      ChangeFeed.Draft draft;
      try {
        Optional<Vertex> v = vertices.byGuid(tx, guid);
        if (v.isEmpty()) {
          tx.rollback();
          throw new EntityNotFoundException(guid.toString());
        }
        Entity entity = vertices.read(v.get());
        if (!entity.classifications().contains(classification)) {
          tx.rollback();
          return false;
        }
        v.get()
            .properties(CLASSIFICATIONS)
            .forEachRemaining(
                p -> {
                  if (classification.equals(p.value())) {
                    p.remove();
                  }
                });
        List<Vertex> owners = scope(Visibility.all()).owners(v.get(), entity);
        draft =
            new ChangeFeed.Draft(
                ChangeEvent.Kind.ENTITY_UPDATED,
                EntityVertices.ref(entity),
                null,
                owners.isEmpty() ? null : EntityVertices.ref(vertices.read(owners.get(0))),
                Set.of(ChangeEvent.CLASSIFICATIONS),
                null);
        // The write cache remembers classifications written: it must read them again.
        cache.forget(List.of(entity.key()));
        repeated.forget(List.of(entity.key()));
        tx.commit();
      } catch (EntityNotFoundException e) {
        throw e;
      } catch (RuntimeException e) {
        rollbackQuietly(tx);
        throw asCatalogException("Removing classification from entity " + guid + " failed", e);
      }
      feed.publish(List.of(draft));
      return true;
    } finally {
      writeLock.unlock();
    }
  }

  @Override
  public boolean delete(Guid guid) {
    Objects.requireNonNull(guid, "guid");
    writeLock.lock();
    try {
      ensureOpen();
      JanusGraphTransaction tx = writeTransaction();
      ChangeFeed.Draft draft;
      Map<TenantId, Map<String, Long>> newCounts;
      try {
        Optional<Vertex> v = vertices.byGuid(tx, guid);
        if (v.isEmpty()) {
          tx.rollback();
          return false;
        }
        Entity deleted = vertices.read(v.get());
        // A dependent's event names its dataset, so the feed can decide it as that dataset.
        List<Vertex> owners = scope(Visibility.all()).owners(v.get(), deleted);
        draft =
            new ChangeFeed.Draft(
                ChangeEvent.Kind.ENTITY_DELETED,
                EntityVertices.ref(deleted),
                null,
                owners.isEmpty() ? null : EntityVertices.ref(vertices.read(owners.get(0))));
        v.get().remove();
        newCounts = counts == null ? null : counts.stage(tx, List.of(), List.of(deleted.key()));
        cache.forget(List.of(deleted.key()));
        ids.forget(List.of(deleted.key()));
        repeated.forget(List.of(deleted.key()));
        tx.commit();
      } catch (RuntimeException e) {
        rollbackQuietly(tx);
        throw asCatalogException("Deleting entity " + guid + " failed", e);
      }
      if (counts != null) {
        counts.publish(newCounts);
      }
      feed.publish(List.of(draft));
      return true;
    } finally {
      writeLock.unlock();
    }
  }

  @Override
  public Map<String, Long> countByType(Visibility visibility) {
    return read(
        tx -> {
          ReadVisibility scope = scope(visibility);
          Map<String, Long> counts = new TreeMap<>();
          for (String type : types.entityTypes()) {
            long n = 0;
            for (Vertex v : EntityVertices.lookup(tx, TYPE, type)) {
              if (scope.canSee(v, vertices.read(v))) {
                n++;
              }
            }
            if (n > 0) {
              counts.put(type, n);
            }
          }
          return counts;
        });
  }

  /**
   * Whole tenants from the maintained counts; the other tenants' entities one by one, through the
   * byTenant index, so the cost is that of the part the caller sees only in part. Without
   * maintained counts (CQL) every entity is checked.
   */
  @Override
  public long count(TenantId tenant) {
    if (counts == null) {
      return Catalog.super.count(tenant);
    }
    ensureOpen();
    Map<String, Long> byType = counts.current().get(tenant);
    return byType == null ? 0 : byType.values().stream().mapToLong(Long::longValue).sum();
  }

  @Override
  public Map<String, Long> countByType(Predicate<TenantId> wholeTenant, Visibility partial) {
    Objects.requireNonNull(wholeTenant, "wholeTenant");
    Objects.requireNonNull(partial, "partial");
    if (counts == null) {
      return countByType(entity -> wholeTenant.test(entity.tenant()) || partial.canSee(entity));
    }
    ensureOpen();
    Map<String, Long> out = new TreeMap<>();
    List<TenantId> partly = new ArrayList<>();
    counts
        .current()
        .forEach(
            (tenant, byType) -> {
              if (wholeTenant.test(tenant)) {
                byType.forEach((type, n) -> out.merge(type, n, Long::sum));
              } else {
                partly.add(tenant);
              }
            });
    if (!partly.isEmpty()) {
      read(
          tx -> {
            ReadVisibility scope = scope(partial);
            for (TenantId tenant : partly) {
              for (Vertex v : EntityVertices.lookup(tx, TENANT, tenant.value())) {
                Entity entity = vertices.read(v);
                if (scope.canSee(v, entity)) {
                  out.merge(entity.key().typeName(), 1L, Long::sum);
                }
              }
            }
            return null;
          });
    }
    return out;
  }

  @Override
  public ChangeFeed changes() {
    return feed;
  }

  /** Attribute times only the write cache holds, written before the graph closes. */
  private void writeDirtyTimes() {
    if (!cache.enabled()) {
      return;
    }
    List<Map.Entry<EntityKey, WriteCache.Snapshot>> dirty = writer.dirtyTimes();
    long deadline = System.nanoTime() + CLOSE_TIMES_BUDGET.toNanos();
    int written = 0;
    // In transactions of bounded size, and no longer than the budget: a close must end soon, and
    // times only confirm values the graph already holds.
    while (written < dirty.size() && System.nanoTime() < deadline) {
      List<Map.Entry<EntityKey, WriteCache.Snapshot>> part =
          dirty.subList(written, Math.min(dirty.size(), written + 2_000));
      JanusGraphTransaction tx = writeTransaction();
      try {
        writer.writeTimes(tx, part);
        tx.commit();
      } catch (RuntimeException e) {
        rollbackQuietly(tx);
        LOG.warn("catalog: attribute times of refreshed entities not written: {}", e.toString());
        break;
      }
      written += part.size();
    }
    if (written < dirty.size()) {
      LOG.warn(
          "catalog: attribute times of {} refreshed entities not written at close",
          dirty.size() - written);
    } else {
      LOG.debug("catalog: wrote the attribute times of {} entities at close", written);
    }
  }

  @Override
  public void close() {
    writeLock.lock();
    try {
      if (closed) {
        return;
      }
      closed = true;
      remoteChanges.close();
      try {
        writeDirtyTimes();
        graph.close();
      } finally {
        if (lock != null) {
          lock.close();
        }
      }
    } finally {
      writeLock.unlock();
    }
  }

  private <T> T read(Function<JanusGraphTransaction, T> body) {
    ensureOpen();
    JanusGraphTransaction tx = graph.buildTransaction().readOnly().start();
    try {
      return body.apply(tx);
    } catch (CatalogException e) {
      throw e;
    } catch (RuntimeException e) {
      throw asCatalogException("Catalog read failed", e);
    } finally {
      rollbackQuietly(tx);
    }
  }

  /** The caller's visibility for one read. */
  private ReadVisibility scope(Visibility visibility) {
    return new ReadVisibility(
        Objects.requireNonNull(visibility, "visibility"), dependents, vertices);
  }

  private Optional<Entity> visible(Vertex v, Visibility visibility) {
    Entity entity = vertices.read(v);
    return scope(visibility).canSee(v, entity) ? Optional.of(entity) : Optional.empty();
  }

  private Vertex visibleVertex(JanusGraphTransaction tx, Guid guid, ReadVisibility scope) {
    Objects.requireNonNull(guid, "guid");
    Optional<Vertex> v = vertices.byGuid(tx, guid);
    if (v.isEmpty() || !scope.canSee(v.get(), vertices.read(v.get()))) {
      throw new EntityNotFoundException("'" + guid + "'");
    }
    return v.get();
  }

  private static org.apache.tinkerpop.gremlin.structure.Direction toGraph(Direction d) {
    return switch (d) {
      case UPSTREAM -> org.apache.tinkerpop.gremlin.structure.Direction.IN;
      case DOWNSTREAM -> org.apache.tinkerpop.gremlin.structure.Direction.OUT;
      case BOTH -> org.apache.tinkerpop.gremlin.structure.Direction.BOTH;
    };
  }

  private static void requireDepth(int depth) {
    if (depth < 0 || depth > LineageQuery.MAX_DEPTH) {
      throw new IllegalArgumentException(
          "depth " + depth + " is outside 0.." + LineageQuery.MAX_DEPTH);
    }
  }

  private void ensureOpen() {
    if (closed) {
      throw new CatalogException("The catalog is closed");
    }
  }

  private static CatalogException asCatalogException(String what, RuntimeException e) {
    if (e instanceof CatalogException ce) {
      return ce;
    }
    return new CatalogException(what + ": " + e.getMessage(), e);
  }

  private static void rollbackQuietly(JanusGraphTransaction tx) {
    try {
      if (tx.isOpen()) {
        tx.rollback();
      }
    } catch (RuntimeException e) {
      LOG.warn("catalog: rollback failed: {}", e.toString());
    }
  }

  private static void closeQuietly(JanusGraph graph) {
    try {
      graph.close();
    } catch (RuntimeException e) {
      LOG.warn("catalog: closing the graph after a failed open failed: {}", e.toString());
    }
  }
}
