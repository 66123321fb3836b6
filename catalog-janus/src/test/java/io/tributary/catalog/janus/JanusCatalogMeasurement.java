package io.tributary.catalog.janus;

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
import io.tributary.catalog.SearchQuery;
import io.tributary.catalog.Types;
import io.tributary.catalog.Visibility;
import io.tributary.catalog.types.TypeRegistry;
import io.tributary.contract.TenantId;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * Measures the embedded catalog on BerkeleyJE; not a test. Run with the test classpath:
 *
 * <pre>
 * java -Xmx4g -cp ... io.tributary.catalog.janus.JanusCatalogMeasurement commits DIR
 * java -Xmx4g -cp ... io.tributary.catalog.janus.JanusCatalogMeasurement lineage DIR ENTITIES
 * </pre>
 *
 * {@code lineage} builds (or reuses) a layered streaming graph of about ENTITIES entities: each job
 * reads one or two topics of its layer and writes one new topic of the next layer.
 */
public final class JanusCatalogMeasurement {
  private static final TenantId TENANT = new TenantId("bench");
  private static final int LAYERS = 40;

  private JanusCatalogMeasurement() {}

  public static void main(String[] args) throws Exception {
    Path dir = Path.of(args[1]);
    switch (args[0]) {
      case "commits" -> {
        commits(JanusConfig.berkeley(dir.resolve("sync")), "SYNC (default)");
        commits(
            JanusConfig.berkeley(dir.resolve("nosync"))
                .withProperty(
                    "storage.berkeleyje.ext.je.txn.durability", "WRITE_NO_SYNC,SYNC,NONE"),
            "WRITE_NO_SYNC (for comparison)");
      }
      case "lineage" -> lineage(dir, Integer.parseInt(args[2]));
      default -> throw new IllegalArgumentException("commits | lineage");
    }
  }

  private static void commits(JanusConfig config, String label) {
    try (JanusCatalog catalog = open(config)) {
      int seq = 0;
      for (int i = 0; i < 50; i++) {
        catalog.applyAll(List.of(small(seq++)));
      }
      long[] one = new long[300];
      for (int i = 0; i < one.length; i++) {
        long t = System.nanoTime();
        catalog.applyAll(List.of(small(seq++)));
        one[i] = System.nanoTime() - t;
      }
      long[] hundred = new long[30];
      for (int i = 0; i < hundred.length; i++) {
        List<Mutation> batch = new ArrayList<>();
        for (int j = 0; j < 100; j++) {
          batch.add(small(seq++));
        }
        long t = System.nanoTime();
        catalog.applyAll(batch);
        hundred[i] = System.nanoTime() - t;
      }
      System.out.printf(
          "%s: commit of 1 mutation: p50 %.2f ms, p99 %.2f ms; commit of 100 mutations: p50 %.1f"
              + " ms (%.2f ms per mutation), p99 %.1f ms%n",
          label,
          pct(one, 50),
          pct(one, 99),
          pct(hundred, 50),
          pct(hundred, 50) / 100,
          pct(hundred, 99));
    }
  }

  /** One small mutation: a topic with two attributes, as an ingest of one event writes. */
  private static Mutation small(int i) {
    EntityKey key = new EntityKey(TENANT, Types.KAFKA_TOPIC, "commit-" + i + "@prod");
    return new Mutation(
        "bench",
        List.of(
            new EntityWrite(
                key,
                "commit-" + i,
                Map.of("partitions", 6, "owner", "bench"),
                Set.of(),
                Instant.parse("2026-01-01T00:00:00Z"))),
        List.of());
  }

  private static void lineage(Path dir, int entities) {
    boolean fresh = !Files.exists(dir.resolve("graph"));
    try (JanusCatalog catalog = open(JanusConfig.berkeley(dir))) {
      int perLayer = entities / 2 / LAYERS;
      if (fresh) {
        build(catalog, perLayer);
      }
      for (String pass : List.of("first visit", "same starts again (warm caches)")) {
        Random starts = new Random(7);
        for (Direction direction : List.of(Direction.DOWNSTREAM, Direction.BOTH)) {
          long[] times = new long[2000];
          long size = 0;
          for (int i = -300; i < times.length; i++) {
            int layer = starts.nextInt(LAYERS - 5);
            Guid start = Guid.forKey(topic(layer, starts.nextInt(perLayer)));
            long t = System.nanoTime();
            LineageGraph g =
                catalog.lineage(
                    new LineageQuery(start, direction, 5, LineageLevel.DATASET), Visibility.all());
            if (i >= 0) {
              times[i] = System.nanoTime() - t;
              size += g.entities().size();
            }
          }
          System.out.printf(
              "lineage %s depth 5 on ~%d entities, %s: p50 %.2f ms, p99 %.2f ms, max %.2f ms,"
                  + " %.1f entities per result%n",
              direction,
              entities,
              pass,
              pct(times, 50),
              pct(times, 99),
              pct(times, 100),
              (double) size / times.length);
        }
      }
      Random random = new Random(11);
      long[] impact = new long[500];
      for (int i = 0; i < impact.length; i++) {
        Guid start = Guid.forKey(topic(random.nextInt(LAYERS - 5), random.nextInt(perLayer)));
        long t = System.nanoTime();
        catalog.impact(start, 5, Visibility.all());
        impact[i] = System.nanoTime() - t;
      }
      System.out.printf(
          "impact depth 5: p50 %.2f ms, p99 %.2f ms%n", pct(impact, 50), pct(impact, 99));
      long[] search = new long[300];
      for (int i = 0; i < search.length; i++) {
        String prefix = "t-" + random.nextInt(LAYERS) + "-" + random.nextInt(perLayer);
        long s = System.nanoTime();
        catalog.search(SearchQuery.byName(prefix), Visibility.all());
        search[i] = System.nanoTime() - s;
      }
      System.out.printf(
          "search by a name's first 6-9 characters: p50 %.2f ms, p99 %.2f ms%n",
          pct(search, 50), pct(search, 99));
      long s = System.nanoTime();
      long total = catalog.search(SearchQuery.byName("t-1"), Visibility.all()).total();
      System.out.printf(
          "search by 't-1' (%d matches, all loaded to count them): %d ms%n",
          total, (System.nanoTime() - s) / 1_000_000);
      long t = System.nanoTime();
      System.out.printf(
          "countByType (scans every entity): %s in %d ms%n",
          catalog.countByType(Visibility.all()), (System.nanoTime() - t) / 1_000_000);
    }
  }

  private static void build(JanusCatalog catalog, int perLayer) {
    Random random = new Random(42);
    Instant asOf = Instant.parse("2026-01-01T00:00:00Z");
    long started = System.nanoTime();
    List<Mutation> batch = new ArrayList<>();
    long written = 0;
    for (int i = 0; i < perLayer; i++) {
      batch.add(
          new Mutation(
              "bench",
              List.of(
                  new EntityWrite(
                      topic(0, i), "t-0-" + i, Map.of("partitions", 6), Set.of(), asOf)),
              List.of()));
    }
    for (int layer = 0; layer < LAYERS; layer++) {
      for (int i = 0; i < perLayer; i++) {
        EntityKey job = new EntityKey(TENANT, Types.FLINK_APPLICATION, "job-" + layer + "-" + i);
        EntityKey out = topic(layer + 1, i);
        List<RelationshipWrite> rels = new ArrayList<>();
        rels.add(new RelationshipWrite(Types.REL_INPUTS, topic(layer, i), job, Map.of(), asOf));
        if (random.nextBoolean()) {
          EntityKey second = topic(layer, random.nextInt(perLayer));
          if (!second.equals(topic(layer, i))) {
            rels.add(new RelationshipWrite(Types.REL_INPUTS, second, job, Map.of(), asOf));
          }
        }
        rels.add(new RelationshipWrite(Types.REL_OUTPUTS, job, out, Map.of(), asOf));
        batch.add(
            new Mutation(
                "bench",
                List.of(
                    new EntityWrite(
                        job, "job-" + layer + "-" + i, Map.of("parallelism", 2), Set.of(), asOf),
                    new EntityWrite(
                        out,
                        "t-" + (layer + 1) + "-" + i,
                        Map.of("partitions", 6),
                        Set.of(),
                        asOf)),
                rels));
        if (batch.size() >= 500) {
          catalog.applyAll(batch);
          written += batch.size();
          batch = new ArrayList<>();
          if (written / 500 % 100 == 0) {
            System.out.printf(
                "built %d mutations in %d s%n",
                written, (System.nanoTime() - started) / 1_000_000_000);
          }
        }
      }
    }
    catalog.applyAll(batch);
    System.out.printf("built in %d s%n", (System.nanoTime() - started) / 1_000_000_000);
  }

  private static EntityKey topic(int layer, int i) {
    return new EntityKey(TENANT, Types.KAFKA_TOPIC, "t-" + layer + "-" + i + "@prod");
  }

  private static JanusCatalog open(JanusConfig config) {
    return JanusCatalog.open(
        config, TypeRegistry.builtIn(), new ChangeFeed(1_000, java.time.Clock.systemUTC()));
  }

  private static double pct(long[] nanos, int percentile) {
    long[] sorted = nanos.clone();
    Arrays.sort(sorted);
    int index =
        Math.min(sorted.length - 1, (int) Math.ceil(percentile / 100.0 * sorted.length) - 1);
    return sorted[Math.max(0, index)] / 1e6;
  }
}
