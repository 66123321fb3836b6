package io.tributary.catalog.janus;

import static io.tributary.catalog.janus.GraphSchema.TYPE;

import io.tributary.catalog.Catalog;
import io.tributary.catalog.CatalogException;
import io.tributary.catalog.ChangeEvent;
import io.tributary.catalog.ChangeFeed;
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
import java.time.Clock;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;
import org.apache.tinkerpop.gremlin.structure.Edge;
import org.apache.tinkerpop.gremlin.structure.Vertex;
import org.janusgraph.core.JanusGraph;
import org.janusgraph.core.JanusGraphFactory;
import org.janusgraph.core.JanusGraphTransaction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded catalog on JanusGraph. Writers are serialised by a lock, each batch is one
 * transaction and its change events are published after it commits. Every read runs in its own
 * read-only transaction and applies the caller's {@link Visibility}.
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
  private final ReentrantLock writeLock = new ReentrantLock();
  private volatile boolean closed;

  private JanusCatalog(
      JanusGraph graph,
      DirectoryLock lock,
      GraphSchema schema,
      TypeRegistry types,
      ChangeFeed feed) {
    this.graph = graph;
    this.lock = lock;
    this.schema = schema;
    this.types = types;
    this.feed = feed;
    Json json = new Json();
    this.vertices = new EntityVertices(json);
    this.rules = new RelationshipRules(types);
    this.writer = new MutationWriter(rules, vertices, json, Clock.systemUTC());
    this.search = new EntitySearch(types, vertices, json);
    this.walker = new LineageWalker(types, vertices);
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
      GraphSchema schema = GraphSchema.ensure(graph, config.backend() == JanusConfig.Backend.CQL);
      LOG.info("catalog: opened JanusGraph on {}", describe(config));
      return new JanusCatalog(graph, lock, schema, types, feed);
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

  /** The usual cause on CQL: an adapter that is not bundled and was not added. */
  private static String missingClassHint(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof ClassNotFoundException) {
        return ": class "
            + t.getMessage()
            + " is not on the classpath (janusgraph-cql and janusgraph-es are not bundled:"
            + " see docs/storage.md)";
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
    Objects.requireNonNull(mutations, "mutations");
    mutations.forEach(rules::validate);
    writeLock.lock();
    try {
      ensureOpen();
      for (Mutation m : mutations) {
        for (RelationshipWrite r : m.relationships()) {
          schema.ensureEdgeLabel(r.typeName());
        }
      }
      JanusGraphTransaction tx = graph.newTransaction();
      MutationWriter.Outcome outcome;
      try {
        outcome = writer.write(tx, mutations);
        tx.commit();
      } catch (RuntimeException e) {
        rollbackQuietly(tx);
        throw asCatalogException("Batch of " + mutations.size() + " mutations failed", e);
      }
      feed.publish(outcome.drafts());
      return outcome.results();
    } finally {
      writeLock.unlock();
    }
  }

  @Override
  public Optional<Entity> get(Guid guid, Visibility visibility) {
    Objects.requireNonNull(guid, "guid");
    return read(tx -> vertices.byGuid(tx, guid).map(vertices::read).filter(visibility::canSee));
  }

  @Override
  public Optional<Entity> get(EntityKey key, Visibility visibility) {
    Objects.requireNonNull(key, "key");
    return read(tx -> vertices.byKey(tx, key).map(vertices::read).filter(visibility::canSee));
  }

  @Override
  public SearchResult search(SearchQuery query, Visibility visibility) {
    Objects.requireNonNull(query, "query");
    return read(tx -> search.search(tx, query, visibility));
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
          Vertex v = visibleVertex(tx, guid, visibility);
          List<Entity> out = new ArrayList<>();
          if (!schema.hasEdgeLabel(relationshipType)) {
            return out;
          }
          Iterator<Edge> edges = v.edges(toGraph(direction), relationshipType);
          while (edges.hasNext()) {
            Edge e = edges.next();
            Vertex other = e.outVertex().id().equals(v.id()) ? e.inVertex() : e.outVertex();
            Entity entity = vertices.read(other);
            if (visibility.canSee(entity)) {
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
          Vertex start = visibleVertex(tx, query.start(), visibility);
          return walker.lineage(
              start,
              vertices.read(start),
              query.direction(),
              query.depth(),
              query.level(),
              visibility);
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
          Entity fromEntity = vertices.read(fromVertex.get());
          if (!visibility.canSee(fromEntity) || !visibility.canSee(vertices.read(toVertex.get()))) {
            return Optional.empty();
          }
          return walker.path(fromVertex.get(), fromEntity, toVertex.get(), maxDepth, visibility);
        });
  }

  @Override
  public List<ImpactEntry> impact(Guid start, int maxDepth, Visibility visibility) {
    Objects.requireNonNull(start, "start");
    requireDepth(maxDepth);
    return read(
        tx -> {
          Vertex v = visibleVertex(tx, start, visibility);
          return walker.impact(v, vertices.read(v), maxDepth, visibility);
        });
  }

  @Override
  public boolean delete(Guid guid) {
    Objects.requireNonNull(guid, "guid");
    writeLock.lock();
    try {
      ensureOpen();
      JanusGraphTransaction tx = graph.newTransaction();
      ChangeFeed.Draft draft;
      try {
        Optional<Vertex> v = vertices.byGuid(tx, guid);
        if (v.isEmpty()) {
          tx.rollback();
          return false;
        }
        draft =
            new ChangeFeed.Draft(
                ChangeEvent.Kind.ENTITY_DELETED,
                EntityVertices.ref(vertices.read(v.get())),
                null,
                null);
        v.get().remove();
        tx.commit();
      } catch (RuntimeException e) {
        rollbackQuietly(tx);
        throw asCatalogException("Deleting entity " + guid + " failed", e);
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
          Map<String, Long> counts = new TreeMap<>();
          for (String type : types.entityTypes()) {
            long n = 0;
            for (Vertex v : EntityVertices.lookup(tx, TYPE, type)) {
              if (visibility.canSee(vertices.read(v))) {
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

  @Override
  public ChangeFeed changes() {
    return feed;
  }

  @Override
  public void close() {
    writeLock.lock();
    try {
      if (closed) {
        return;
      }
      closed = true;
      try {
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

  private Vertex visibleVertex(JanusGraphTransaction tx, Guid guid, Visibility visibility) {
    Objects.requireNonNull(guid, "guid");
    Optional<Vertex> v = vertices.byGuid(tx, guid);
    if (v.isEmpty() || !visibility.canSee(vertices.read(v.get()))) {
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
