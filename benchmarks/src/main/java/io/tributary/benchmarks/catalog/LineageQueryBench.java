package io.tributary.benchmarks.catalog;

import io.tributary.catalog.ChangeFeed;
import io.tributary.catalog.Direction;
import io.tributary.catalog.EntityKey;
import io.tributary.catalog.EntityWrite;
import io.tributary.catalog.Guid;
import io.tributary.catalog.LineageGraph;
import io.tributary.catalog.LineageLevel;
import io.tributary.catalog.LineageQuery;
import io.tributary.catalog.Mutation;
import io.tributary.catalog.RelationshipWrite;
import io.tributary.catalog.Types;
import io.tributary.catalog.Visibility;
import io.tributary.catalog.janus.JanusCatalog;
import io.tributary.catalog.janus.JanusConfig;
import io.tributary.catalog.types.TypeRegistry;
import io.tributary.contract.TenantId;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.apache.tinkerpop.gremlin.process.traversal.dsl.graph.GraphTraversalSource;
import org.apache.tinkerpop.gremlin.process.traversal.dsl.graph.__;
import org.janusgraph.core.JanusGraph;
import org.janusgraph.core.JanusGraphFactory;

/**
 * Catalog core figures 1 and 2: lineage query latency at depth 1, 3, 5 and 10 against the
 * equivalent raw Gremlin traversal on the same BerkeleyJE directory, and heap and disk per million
 * entities.
 *
 * <p>The graph is a layered pipeline: {@code LAYERS} layers of topics; in each layer a job reads
 * two neighbouring topics and writes one topic of the next layer, so lineage widens with depth as
 * real streaming estates do.
 *
 * <p>Usage: {@code LineageQueryBench <entities> [queries] [dataDir]}.
 */
public final class LineageQueryBench {
  static final int LAYERS = 24;
  private static final int[] DEPTHS = {1, 3, 5, 10};
  private static final Instant AS_OF = Instant.parse("2026-01-01T00:00:00Z");
  private static final String[] RETURNED = {
    "guid", "typeName", "qualifiedName", "name", "tenant", "attributes", "classifications"
  };

  private LineageQueryBench() {}

  public static void main(String[] args) throws Exception {
    int entities = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
    int queries = args.length > 1 ? Integer.parseInt(args[1]) : 1_000;
    Path dir = args.length > 2 ? Path.of(args[2]) : Files.createTempDirectory("bench-lineage");
    int width = entities / (2 * LAYERS);
    System.out.printf(
        "lineage: %d entities (%d layers x %d), %d queries per depth, dir %s%n",
        entities, LAYERS, width, queries, dir);
    long buildStart = System.nanoTime();
    List<Guid> starts = new ArrayList<>();
    try (JanusCatalog catalog =
        JanusCatalog.open(JanusConfig.berkeley(dir), TypeRegistry.builtIn(), new ChangeFeed())) {
      build(catalog, width);
      System.out.printf("built in %.0f s%n", (System.nanoTime() - buildStart) / 1e9);
      Random random = new Random(42);
      for (int q = 0; q < queries; q++) {
        int layer = 1 + random.nextInt(3);
        int i = random.nextInt(width);
        starts.add(Guid.forKey(topic(layer, i)));
      }
      footprint(dir, entities);
      for (int round = 1; round <= 2; round++) {
        for (int depth : DEPTHS) {
          Stats s = new Stats(queries);
          long nodes = 0;
          for (Guid start : starts.subList(0, Math.min(200, starts.size()))) {
            catalog.lineage(
                new LineageQuery(start, Direction.DOWNSTREAM, depth, LineageLevel.DATASET),
                Visibility.all());
          }
          for (Guid start : starts) {
            long t0 = System.nanoTime();
            LineageGraph g =
                catalog.lineage(
                    new LineageQuery(start, Direction.DOWNSTREAM, depth, LineageLevel.DATASET),
                    Visibility.all());
            s.add(System.nanoTime() - t0);
            nodes += g.entities().size();
          }
          System.out.printf(
              "round %d catalog depth %2d: p50 %.2f ms p99 %.2f ms (avg %d nodes)%n",
              round, depth, s.percentileMillis(50), s.percentileMillis(99), nodes / starts.size());
        }
      }
    }
    JanusGraph graph = openRaw(dir);
    try {
      GraphTraversalSource g = graph.traversal();
      for (int round = 1; round <= 2; round++) {
        for (int depth : DEPTHS) {
          Stats s = new Stats(queries);
          long nodes = 0;
          for (Guid start : starts.subList(0, Math.min(200, starts.size()))) {
            raw(g, start, depth);
          }
          for (Guid start : starts) {
            long t0 = System.nanoTime();
            List<Map<Object, Object>> rows = raw(g, start, depth);
            s.add(System.nanoTime() - t0);
            nodes += rows.size();
          }
          System.out.printf(
              "round %d gremlin depth %2d: p50 %.2f ms p99 %.2f ms (avg %d nodes)%n",
              round, depth, s.percentileMillis(50), s.percentileMillis(99), nodes / starts.size());
        }
      }
    } finally {
      graph.close();
    }
  }

  /** The catalog's graph in {@code dir} opened as a plain JanusGraph, with the catalog's caches. */
  static JanusGraph openRaw(Path dir) {
    return JanusGraphFactory.build()
        .set("storage.backend", "berkeleyje")
        .set("storage.directory", dir.resolve("graph").toString())
        .set("storage.berkeleyje.cache-percentage", "30")
        .set("cache.db-cache", "true")
        .set("cache.db-cache-size", "0.15")
        .set("metrics.enabled", "false")
        .open();
  }

  /** The raw traversal: the same hops and the same properties loaded for every reached vertex. */
  static List<Map<Object, Object>> raw(GraphTraversalSource g, Guid start, int depth) {
    List<Map<Object, Object>> rows =
        g.V()
            .has("guid", start.value())
            .emit()
            .repeat(__.out(Types.REL_INPUTS, Types.REL_OUTPUTS))
            .times(2 * depth)
            .dedup()
            .valueMap(RETURNED)
            .toList();
    g.tx().rollback();
    return rows;
  }

  static EntityKey topic(int layer, int i) {
    return new EntityKey(TenantId.DEFAULT, Types.KAFKA_TOPIC, "t" + layer + "-" + i + "@bench");
  }

  static EntityKey job(int layer, int i) {
    return new EntityKey(
        TenantId.DEFAULT, Types.KAFKA_STREAMS_APPLICATION, "bench/j" + layer + "-" + i);
  }

  static void build(JanusCatalog catalog, int width) {
    int batch = 2_000;
    List<Mutation> pending = new ArrayList<>();
    for (int layer = 0; layer < LAYERS; layer++) {
      for (int i = 0; i < width; i++) {
        EntityKey key = topic(layer, i);
        pending.add(
            new Mutation(
                "bench",
                List.of(
                    new EntityWrite(
                        key,
                        key.qualifiedName(),
                        Map.of("namespace", "kafka://broker:9092", "partitions", 12),
                        null,
                        AS_OF)),
                List.of()));
        if (pending.size() == batch) {
          catalog.applyAll(pending);
          pending.clear();
        }
      }
    }
    for (int layer = 0; layer < LAYERS - 1; layer++) {
      for (int i = 0; i < width; i++) {
        EntityKey job = job(layer, i);
        pending.add(
            new Mutation(
                "bench",
                List.of(
                    new EntityWrite(
                        job,
                        job.qualifiedName(),
                        Map.of("processingType", "STREAMING"),
                        null,
                        AS_OF)),
                List.of(
                    new RelationshipWrite(Types.REL_INPUTS, topic(layer, i), job, null, AS_OF),
                    new RelationshipWrite(
                        Types.REL_INPUTS, topic(layer, (i + 1) % width), job, null, AS_OF),
                    new RelationshipWrite(
                        Types.REL_OUTPUTS, job, topic(layer + 1, i), null, AS_OF))));
        if (pending.size() == batch) {
          catalog.applyAll(pending);
          pending.clear();
        }
      }
    }
    if (!pending.isEmpty()) {
      catalog.applyAll(pending);
    }
  }

  static void footprint(Path dir, int entities) throws java.io.IOException {
    System.gc();
    long heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    long disk;
    try (var files = Files.walk(dir)) {
      disk = files.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
    }
    double perMillion = 1_000_000.0 / entities;
    System.out.printf(
        "footprint: heap used %.0f MB (%.0f MB per million entities), disk %.0f MB (%.0f MB per million)%n",
        heap / 1e6, heap / 1e6 * perMillion, disk / 1e6, disk / 1e6 * perMillion);
  }
}
