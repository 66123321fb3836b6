package io.tributary.catalog.janus;

import static io.tributary.catalog.janus.GraphSchema.ENTITY_COUNTS;
import static io.tributary.catalog.janus.GraphSchema.KEY;
import static io.tributary.catalog.janus.GraphSchema.STATE_LABEL;
import static io.tributary.catalog.janus.GraphSchema.TENANT;
import static io.tributary.catalog.janus.GraphSchema.TYPE;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tributary.catalog.EntityKey;
import io.tributary.catalog.types.TypeRegistry;
import io.tributary.contract.TenantId;
import java.util.Collection;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.TreeMap;
import org.apache.tinkerpop.gremlin.structure.T;
import org.apache.tinkerpop.gremlin.structure.Vertex;
import org.janusgraph.core.JanusGraph;
import org.janusgraph.core.JanusGraphTransaction;
import org.janusgraph.core.JanusGraphVertex;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Entities per tenant and type, maintained as writes commit so that counting reads no entity. They
 * live on a state vertex written in the same transaction as the entities they count, so a crash
 * never leaves them out of step. A graph written before they existed is counted once, at open.
 *
 * <p>Only for a graph with one writer: two processes adding to the same counts would lose updates.
 */
final class EntityCounts {
  private static final Logger LOG = LoggerFactory.getLogger(EntityCounts.class);

  /** The state vertex's {@link GraphSchema#KEY}: without '|', so no entity key can equal it. */
  static final String STATE_KEY = "~entity-counts";

  private final Json json;
  private final Object vertexId;

  /** Per tenant, per type; never modified once published, replaced whole. */
  private volatile Map<TenantId, Map<String, Long>> counts;

  private EntityCounts(Json json, Object vertexId, Map<TenantId, Map<String, Long>> counts) {
    this.json = json;
    this.vertexId = vertexId;
    this.counts = counts;
  }

  /** Loads the counts, counting every entity once when the graph has none yet. */
  static EntityCounts open(JanusGraph graph, TypeRegistry types, Json json) {
    JanusGraphTransaction read = graph.buildTransaction().readOnly().start();
    try {
      Iterator<JanusGraphVertex> it = EntityVertices.lookup(read, KEY, STATE_KEY).iterator();
      if (it.hasNext()) {
        Vertex v = it.next();
        return new EntityCounts(json, v.id(), parse(json, v.<String>value(ENTITY_COUNTS)));
      }
    } finally {
      read.rollback();
    }
    long start = System.nanoTime();
    Map<TenantId, Map<String, Long>> scanned = scan(graph, types);
    JanusGraphTransaction tx = graph.newTransaction();
    try {
      Vertex v =
          tx.addVertex(T.label, STATE_LABEL, KEY, STATE_KEY, ENTITY_COUNTS, write(json, scanned));
      tx.commit();
      LOG.info(
          "catalog: counted {} entities once, in {} ms; counts are maintained from now on",
          scanned.values().stream().flatMap(m -> m.values().stream()).mapToLong(n -> n).sum(),
          (System.nanoTime() - start) / 1_000_000);
      return new EntityCounts(json, v.id(), scanned);
    } catch (RuntimeException e) {
      if (tx.isOpen()) {
        tx.rollback();
      }
      throw e;
    }
  }

  private static Map<TenantId, Map<String, Long>> scan(JanusGraph graph, TypeRegistry types) {
    Map<TenantId, Map<String, Long>> out = new HashMap<>();
    JanusGraphTransaction tx = graph.buildTransaction().readOnly().start();
    try {
      for (String type : types.entityTypes()) {
        for (Vertex v : EntityVertices.lookup(tx, TYPE, type)) {
          TenantId tenant = new TenantId(v.value(TENANT));
          out.computeIfAbsent(tenant, t -> new TreeMap<>()).merge(type, 1L, Long::sum);
        }
      }
    } finally {
      tx.rollback();
    }
    return freeze(out);
  }

  /** The counts last committed. */
  Map<TenantId, Map<String, Long>> current() {
    return counts;
  }

  /**
   * The counts after {@code created} and {@code deleted}, written to the state vertex in {@code
   * tx}; {@link #publish} them once {@code tx} has committed. Null when nothing changes.
   */
  Map<TenantId, Map<String, Long>> stage(
      JanusGraphTransaction tx, Collection<EntityKey> created, Collection<EntityKey> deleted) {
    if (created.isEmpty() && deleted.isEmpty()) {
      return null;
    }
    Map<TenantId, Map<String, Long>> next = new HashMap<>();
    counts.forEach((tenant, byType) -> next.put(tenant, new TreeMap<>(byType)));
    created.forEach(k -> add(next, k, 1));
    deleted.forEach(k -> add(next, k, -1));
    Map<TenantId, Map<String, Long>> frozen = freeze(next);
    tx.getVertex(vertexId).property(ENTITY_COUNTS, write(json, frozen));
    return frozen;
  }

  void publish(Map<TenantId, Map<String, Long>> next) {
    if (next != null) {
      counts = next;
    }
  }

  private static void add(Map<TenantId, Map<String, Long>> counts, EntityKey key, long delta) {
    counts
        .computeIfAbsent(key.tenant(), t -> new TreeMap<>())
        .merge(key.typeName(), delta, Long::sum);
  }

  /** An immutable copy without zero counts or empty tenants. */
  private static Map<TenantId, Map<String, Long>> freeze(Map<TenantId, Map<String, Long>> in) {
    Map<TenantId, Map<String, Long>> out = new HashMap<>();
    in.forEach(
        (tenant, byType) -> {
          Map<String, Long> kept = new TreeMap<>();
          byType.forEach(
              (type, n) -> {
                if (n > 0) {
                  kept.put(type, n);
                }
              });
          if (!kept.isEmpty()) {
            out.put(tenant, java.util.Collections.unmodifiableMap(kept));
          }
        });
    return Map.copyOf(out);
  }

  private static String write(Json json, Map<TenantId, Map<String, Long>> counts) {
    ObjectNode root = json.parse(null);
    counts.forEach(
        (tenant, byType) -> {
          ObjectNode node = root.putObject(tenant.value());
          byType.forEach(node::put);
        });
    return json.write(root);
  }

  private static Map<TenantId, Map<String, Long>> parse(Json json, String text) {
    Map<TenantId, Map<String, Long>> out = new HashMap<>();
    ObjectNode root = json.parse(text);
    root.properties()
        .forEach(
            tenant -> {
              Map<String, Long> byType = new TreeMap<>();
              for (Map.Entry<String, JsonNode> e : tenant.getValue().properties()) {
                byType.put(e.getKey(), e.getValue().asLong());
              }
              out.put(new TenantId(tenant.getKey()), byType);
            });
    return freeze(out);
  }
}
