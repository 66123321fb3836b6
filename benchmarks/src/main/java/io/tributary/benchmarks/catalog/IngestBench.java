package io.tributary.benchmarks.catalog;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.tributary.catalog.ChangeFeed;
import io.tributary.catalog.EntityKey;
import io.tributary.catalog.EntityWrite;
import io.tributary.catalog.Mutation;
import io.tributary.catalog.RelationshipWrite;
import io.tributary.catalog.TenantId;
import io.tributary.catalog.janus.JanusCatalog;
import io.tributary.catalog.janus.JanusConfig;
import io.tributary.catalog.types.TypeRegistry;
import io.tributary.ingest.GroupCommitter;
import io.tributary.openlineage.EventTranslator;
import io.tributary.openlineage.NamespaceResolver;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.tinkerpop.gremlin.structure.Vertex;
import org.janusgraph.core.JanusGraph;
import org.janusgraph.core.JanusGraphFactory;
import org.janusgraph.core.JanusGraphTransaction;
import org.janusgraph.core.PropertyKey;
import org.janusgraph.core.schema.JanusGraphManagement;

/**
 * Figure 1: in-process ingest through the whole pipeline (parse, validate, translate, group commit
 * into BerkeleyJE) against raw JanusGraph writes of the same vertices and edges, in one run.
 *
 * <p>Usage: {@code IngestBench [events] [threads] [rounds]}.
 */
public final class IngestBench {
  private static final ObjectMapper JSON = new ObjectMapper();

  private IngestBench() {}

  public static void main(String[] args) throws Exception {
    int events = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
    int threads = args.length > 1 ? Integer.parseInt(args[1]) : 8;
    int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 3;
    List<String> payloads = new ArrayList<>(events);
    for (int i = 0; i < events; i++) {
      payloads.add(Events.runEvent(i));
    }
    EventTranslator translator = EventTranslator.create(NamespaceResolver.defaults());
    List<Mutation> mutations = new ArrayList<>(events);
    for (String p : payloads) {
      mutations.add(translator.translate(JSON.readTree(p), TenantId.DEFAULT).mutation());
    }
    System.out.printf("ingest: %d events, %d threads, %d rounds%n", events, threads, rounds);
    for (int round = 1; round <= rounds; round++) {
      double raw = rawJanus(mutations, 64);
      double ours = pipeline(payloads, translator, threads);
      System.out.printf(
          "round %d: tributary %.0f events/s, raw janusgraph %.0f events/s, ratio %.2f%n",
          round, ours, raw, ours / raw);
    }
  }

  /** The whole ingest path from JSON text, with {@code threads} concurrent producers. */
  static double pipeline(List<String> payloads, EventTranslator translator, int threads)
      throws Exception {
    Path dir = Files.createTempDirectory("bench-ingest");
    try (JanusCatalog catalog =
            JanusCatalog.open(JanusConfig.berkeley(dir), TypeRegistry.builtIn(), new ChangeFeed());
        GroupCommitter committer =
            GroupCommitter.start(
                catalog, GroupCommitter.Settings.defaults(), new SimpleMeterRegistry())) {
      ExecutorService pool = Executors.newFixedThreadPool(threads);
      long start = System.nanoTime();
      List<Future<?>> done = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        int offset = t;
        done.add(
            pool.submit(
                () -> {
                  int sent = 0;
                  for (int i = offset; i < payloads.size(); i += threads) {
                    try {
                      Mutation m =
                          translator
                              .translate(JSON.readTree(payloads.get(i)), TenantId.DEFAULT)
                              .mutation();
                      // Each producer waits for its commit, as an HTTP client waits for its 201.
                      committer.submit(m).join();
                      sent++;
                    } catch (java.io.IOException e) {
                      throw new IllegalStateException(e);
                    }
                  }
                  return sent;
                }));
      }
      for (Future<?> f : done) {
        f.get();
      }
      double seconds = (System.nanoTime() - start) / 1e9;
      pool.shutdown();
      return payloads.size() / seconds;
    } finally {
      deleteRecursively(dir);
    }
  }

  /**
   * The same vertices and edges written with JanusGraph's own API: a vertex per entity with the
   * same indexed keys, an edge per relationship, {@code batch} events per transaction, no upsert
   * look-ups.
   */
  static double rawJanus(List<Mutation> mutations, int batch) throws Exception {
    Path dir = Files.createTempDirectory("bench-raw");
    JanusGraph graph =
        JanusGraphFactory.build()
            .set("storage.backend", "berkeleyje")
            .set("storage.directory", dir.resolve("graph").toString())
            .set("storage.berkeleyje.ext.je.txn.durability", "SYNC,SYNC,NONE")
            .set("schema.default", "default")
            .set("metrics.enabled", "false")
            .open();
    try {
      JanusGraphManagement m = graph.openManagement();
      PropertyKey guid = m.makePropertyKey("guid").dataType(String.class).make();
      PropertyKey key = m.makePropertyKey("entityKey").dataType(String.class).make();
      m.buildIndex("byGuid", Vertex.class).addKey(guid).unique().buildCompositeIndex();
      m.buildIndex("byKey", Vertex.class).addKey(key).unique().buildCompositeIndex();
      m.commit();
      long start = System.nanoTime();
      Map<EntityKey, Vertex> seen = new HashMap<>();
      for (int from = 0; from < mutations.size(); from += batch) {
        JanusGraphTransaction tx = graph.newTransaction();
        seen.clear();
        for (Mutation mutation :
            mutations.subList(from, Math.min(mutations.size(), from + batch))) {
          for (EntityWrite w : mutation.entities()) {
            Vertex v =
                tx.addVertex(
                    "guid", java.util.UUID.randomUUID().toString(),
                    "entityKey", w.key().toString() + "#" + from + "/" + seen.size(),
                    "typeName", w.key().typeName(),
                    "qualifiedName", w.key().qualifiedName(),
                    "attributes", JSON.writeValueAsString(w.attributes()));
            seen.put(w.key(), v);
          }
          for (RelationshipWrite r : mutation.relationships()) {
            Vertex a = seen.get(r.from());
            Vertex b = seen.get(r.to());
            if (a != null && b != null) {
              a.addEdge(r.typeName(), b);
            }
          }
        }
        tx.commit();
      }
      return mutations.size() / ((System.nanoTime() - start) / 1e9);
    } finally {
      graph.close();
      deleteRecursively(dir);
    }
  }

  static void deleteRecursively(Path dir) throws java.io.IOException {
    try (var paths = Files.walk(dir)) {
      paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
  }
}
