package io.tributary.benchmarks.catalog;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tributary.catalog.ChangeFeed;
import io.tributary.catalog.EntityKey;
import io.tributary.catalog.EntityWrite;
import io.tributary.catalog.Guid;
import io.tributary.catalog.Mutation;
import io.tributary.catalog.RelationshipWrite;
import io.tributary.catalog.janus.JanusCatalog;
import io.tributary.catalog.janus.JanusConfig;
import io.tributary.catalog.types.TypeRegistry;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.tinkerpop.gremlin.structure.T;
import org.apache.tinkerpop.gremlin.structure.Vertex;
import org.apache.tinkerpop.gremlin.structure.VertexProperty;
import org.janusgraph.core.JanusGraph;
import org.janusgraph.core.JanusGraphFactory;
import org.janusgraph.core.JanusGraphTransaction;

/**
 * The baseline of a START: the same vertices (every property and index entry the catalog writes)
 * and edges written with JanusGraph's own API into the catalog's schema on the same storage
 * settings, in batch transactions without consistency checks, and with none of the catalog's work:
 * no key look-ups (a bulk loader's in-memory map of what it wrote), no attribute merge, no change
 * feed.
 */
final class RawJanusLoad {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int[] PREFIX_LENGTHS = {1, 2, 3, 4, 6, 8, 12, 16};

  private RawJanusLoad() {}

  /** Writes the mutations {@code batch} at a time; returns mutations per second. */
  static double write(Path dir, java.util.List<Mutation> mutations, int batch) throws Exception {
    // The catalog creates its schema; then the graph is reopened bare.
    JanusCatalog.open(JanusConfig.berkeley(dir), TypeRegistry.builtIn(), new ChangeFeed()).close();
    JanusGraph graph =
        JanusGraphFactory.build()
            .set("storage.backend", "berkeleyje")
            .set("storage.directory", dir.resolve("graph").toAbsolutePath().toString())
            .set("storage.berkeleyje.cache-percentage", "30")
            .set("storage.berkeleyje.isolation-level", "READ_COMMITTED")
            .set("storage.berkeleyje.ext.je.txn.durability", "SYNC,SYNC,NONE")
            .set("schema.default", "none")
            .set("metrics.enabled", "false")
            .set("cache.db-cache", "true")
            .set("cache.db-cache-size", "0.15")
            .set("cache.tx-cache-size", "20000")
            .open();
    try {
      Map<EntityKey, Object> ids = new HashMap<>();
      long start = System.nanoTime();
      for (int from = 0; from < mutations.size(); from += batch) {
        JanusGraphTransaction tx =
            graph
                .buildTransaction()
                .consistencyChecks(false)
                .checkExternalVertexExistence(false)
                .start();
        Map<EntityKey, Vertex> written = new HashMap<>();
        for (Mutation m : mutations.subList(from, Math.min(mutations.size(), from + batch))) {
          for (EntityWrite w : m.entities()) {
            if (!ids.containsKey(w.key()) && !written.containsKey(w.key())) {
              written.put(w.key(), vertex(tx, w));
            }
          }
          for (RelationshipWrite r : m.relationships()) {
            end(tx, written, ids, r.from()).addEdge(r.typeName(), end(tx, written, ids, r.to()));
          }
        }
        tx.commit();
        written.forEach((key, v) -> ids.put(key, v.id()));
      }
      return mutations.size() / ((System.nanoTime() - start) / 1e9);
    } finally {
      graph.close();
    }
  }

  private static Vertex end(
      JanusGraphTransaction tx,
      Map<EntityKey, Vertex> written,
      Map<EntityKey, Object> ids,
      EntityKey key) {
    Vertex v = written.get(key);
    return v != null ? v : tx.getVertex(ids.get(key));
  }

  private static Vertex vertex(JanusGraphTransaction tx, EntityWrite w) throws Exception {
    EntityKey key = w.key();
    long now = System.currentTimeMillis();
    ObjectNode times = JSON.createObjectNode();
    w.attributes().keySet().forEach(a -> times.put(a, w.asOf().toString()));
    Vertex v =
        w.name() == null
            ? tx.addVertex(
                T.label,
                "entity",
                "guid",
                Guid.forKey(key).value(),
                "entityKey",
                key.tenant().value() + "|" + key.typeName() + "|" + key.qualifiedName(),
                "typeName",
                key.typeName(),
                "tenant",
                key.tenant().value(),
                "qualifiedName",
                key.qualifiedName(),
                "createTime",
                now,
                "updateTime",
                now,
                "attributes",
                JSON.writeValueAsString(w.attributes()),
                "attributeTimes",
                times.toString())
            : tx.addVertex(
                T.label,
                "entity",
                "guid",
                Guid.forKey(key).value(),
                "entityKey",
                key.tenant().value() + "|" + key.typeName() + "|" + key.qualifiedName(),
                "typeName",
                key.typeName(),
                "tenant",
                key.tenant().value(),
                "qualifiedName",
                key.qualifiedName(),
                "name",
                w.name(),
                "nameLower",
                w.name().toLowerCase(Locale.ROOT),
                "createTime",
                now,
                "updateTime",
                now,
                "attributes",
                JSON.writeValueAsString(w.attributes()),
                "attributeTimes",
                times.toString());
    for (String prefix : prefixes(w.name(), key.qualifiedName())) {
      v.property(VertexProperty.Cardinality.set, "namePrefixes", prefix);
    }
    for (String c : w.classifications()) {
      v.property(VertexProperty.Cardinality.set, "classifications", c);
    }
    return v;
  }

  private static Set<String> prefixes(String name, String qualifiedName) {
    Set<String> out = new LinkedHashSet<>();
    for (String text : new String[] {name, qualifiedName}) {
      if (text == null) {
        continue;
      }
      String lower = text.toLowerCase(Locale.ROOT);
      for (int length : PREFIX_LENGTHS) {
        if (length <= lower.length()) {
          out.add(lower.substring(0, length));
        }
      }
    }
    return out;
  }
}
