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
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.IntSupplier;
import org.janusgraph.core.JanusGraph;

/**
 * The explorer's large answers straight from the catalog: the whole downstream lineage of a root
 * that feeds {@code layers} layers of jobs and topics (each job reads two topics of the layer
 * before and writes one, as in {@code GraphRenderBench}), with the degree counts the explorer's
 * expand markers need, and the root's impact; against the raw Gremlin traversal that reaches the
 * same vertices and loads the same properties ({@code repeat(out(inputs, outputs)).emit().dedup()
 * .valueMap(...)}) on the same BerkeleyJE directory, measured in the same run. Wall and thread CPU
 * time, medians of the repetitions after two warm-ups: on a shared machine the CPU time is the
 * steadier figure.
 *
 * <p>Usage: {@code LineageWalkBench [nodes] [repetitions] [tenant]}; with {@code tenant} the
 * catalog's walk decides every entity with a tenant visibility instead of {@code all()}.
 */
public final class LineageWalkBench {
  private static final int LAYERS = 40;
  private static final Instant AS_OF = Instant.parse("2026-01-01T00:00:00Z");
  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

  private LineageWalkBench() {}

  public static void main(String[] args) throws Exception {
    int nodes = args.length > 0 ? Integer.parseInt(args[0]) : 5_000;
    int repetitions = args.length > 1 ? Integer.parseInt(args[1]) : 5;
    Visibility visibility =
        args.length > 2 && args[2].equals("tenant")
            ? Visibility.tenants(Set.of(TenantId.DEFAULT))
            : Visibility.all();
    int width = Math.max(1, (nodes - 1) / (2 * LAYERS));
    Path dir = Files.createTempDirectory("bench-walk");
    Guid root = Guid.forKey(topic(0, 0));
    try (JanusCatalog catalog =
        JanusCatalog.open(JanusConfig.berkeley(dir), TypeRegistry.builtIn(), new ChangeFeed())) {
      long t0 = System.nanoTime();
      build(catalog, width);
      System.out.printf(
          Locale.ROOT,
          "built %d layers x %d in %.1f s%n",
          LAYERS,
          width,
          (System.nanoTime() - t0) / 1e9);
      measure(
          "catalog lineage DOWNSTREAM depth 50",
          repetitions,
          () -> {
            LineageGraph g =
                catalog.lineage(
                    new LineageQuery(root, Direction.DOWNSTREAM, 50, LineageLevel.DATASET),
                    visibility);
            return g.entities().size() + g.degrees().size();
          });
      measure(
          "catalog impact depth 50",
          repetitions,
          () -> catalog.impact(root, 50, visibility).size());
      Guid middle = Guid.forKey(topic(LAYERS / 2, width / 2));
      measure(
          "catalog lineage BOTH depth 3 (middle)",
          repetitions,
          () ->
              catalog
                  .lineage(
                      new LineageQuery(middle, Direction.BOTH, 3, LineageLevel.DATASET), visibility)
                  .entities()
                  .size());
    }
    JanusGraph graph = LineageQueryBench.openRaw(dir);
    try {
      var g = graph.traversal();
      measure(
          "gremlin downstream 100 hops",
          repetitions,
          () -> LineageQueryBench.raw(g, root, 50).size());
    } finally {
      graph.close();
    }
  }

  private static void measure(String name, int repetitions, IntSupplier query) {
    query.getAsInt();
    query.getAsInt();
    List<Double> wall = new ArrayList<>();
    List<Double> cpu = new ArrayList<>();
    int size = 0;
    for (int i = 0; i < repetitions; i++) {
      long c0 = THREADS.getCurrentThreadCpuTime();
      long t0 = System.nanoTime();
      size = query.getAsInt();
      wall.add((System.nanoTime() - t0) / 1e6);
      cpu.add((THREADS.getCurrentThreadCpuTime() - c0) / 1e6);
    }
    System.out.printf(
        Locale.ROOT,
        "%-40s wall median %7.1f ms  cpu median %7.1f ms  (%d results)%n",
        name,
        median(wall),
        median(cpu),
        size);
  }

  private static double median(List<Double> values) {
    List<Double> sorted = values.stream().sorted().toList();
    return sorted.get(sorted.size() / 2);
  }

  private static EntityKey topic(int layer, int i) {
    return new EntityKey(TenantId.DEFAULT, Types.KAFKA_TOPIC, "w" + layer + "-" + i + "@bench");
  }

  private static EntityKey job(int layer, int i) {
    return new EntityKey(
        TenantId.DEFAULT, Types.KAFKA_STREAMS_APPLICATION, "bench/w" + layer + "-" + i);
  }

  /** Topic 0-0 is the root; layer {@code l}'s jobs read layer {@code l-1}'s topics. */
  private static void build(JanusCatalog catalog, int width) {
    List<Mutation> pending = new ArrayList<>();
    pending.add(new Mutation("bench", List.of(write(topic(0, 0), Map.of())), List.of()));
    for (int layer = 1; layer <= LAYERS; layer++) {
      for (int i = 0; i < width; i++) {
        EntityKey job = job(layer, i);
        EntityKey out = topic(layer, i);
        List<RelationshipWrite> rels = new ArrayList<>();
        if (layer == 1) {
          rels.add(rel(Types.REL_INPUTS, topic(0, 0), job));
        } else {
          rels.add(rel(Types.REL_INPUTS, topic(layer - 1, i), job));
          if (width > 1) {
            rels.add(rel(Types.REL_INPUTS, topic(layer - 1, (i + 1) % width), job));
          }
        }
        rels.add(rel(Types.REL_OUTPUTS, job, out));
        pending.add(
            new Mutation(
                "bench",
                List.of(
                    write(job, Map.of("processingType", "STREAMING")),
                    write(out, Map.of("namespace", "kafka://bench:9092", "partitions", 12))),
                rels));
      }
      catalog.applyAll(pending);
      pending.clear();
    }
  }

  private static EntityWrite write(EntityKey key, Map<String, Object> attributes) {
    return new EntityWrite(key, key.qualifiedName(), attributes, null, AS_OF);
  }

  private static RelationshipWrite rel(String type, EntityKey from, EntityKey to) {
    return new RelationshipWrite(type, from, to, null, AS_OF);
  }
}
