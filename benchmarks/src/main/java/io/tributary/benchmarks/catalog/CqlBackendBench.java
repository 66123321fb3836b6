package io.tributary.benchmarks.catalog;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.tributary.catalog.ChangeFeed;
import io.tributary.catalog.Direction;
import io.tributary.catalog.Guid;
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
import io.tributary.openlineage.EventTranslator;
import io.tributary.openlineage.NamespaceResolver;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * The catalog's per-node figures on Cassandra (CQL) beside the embedded BerkeleyJE, in one run:
 * write throughput of OpenLineage-shaped mutations through the Catalog API (a streaming estate's
 * STARTs, then one RUNNING refresh per job, in batches as the group committer makes them) and
 * lineage-read throughput (depth 3, both directions, one reader thread).
 *
 * <p>Cassandra runs outside this JVM: a single node on the same machine (the test kit's {@code
 * CassandraProcess} launcher, see docs/benchmarks.md), so it competes with the catalog for the same
 * cores: the figures are per catalog node with its storage beside it, not those of a dedicated
 * cluster. Cassandra's own jars do not converge with this module's (Flink, Ranger), hence the
 * separate launcher.
 *
 * <p>Usage: {@code CqlBackendBench <host:port> [jobs=300] [batch=50] [queries=300]
 * [datacenter=datacenter1]}; the keyspace is new for each run.
 */
public final class CqlBackendBench {
  private static final ObjectMapper JSON = new ObjectMapper();

  private CqlBackendBench() {}

  /** One backend's figures. */
  record Figures(
      String backend,
      double startEntitiesPerSecond,
      double startMutationsPerSecond,
      double refreshMutationsPerSecond,
      double lineagePerSecond,
      double lineageP50,
      double lineageP99) {}

  public static void main(String[] args) throws Exception {
    String[] contact = args[0].split(":");
    int jobs = arg(args, 1, 300);
    int batch = arg(args, 2, 50);
    int queries = arg(args, 3, 300);
    String datacenter = args.length > 4 ? args[4] : "datacenter1";
    System.out.printf(
        "cql vs berkeleyje: %d jobs, batches of %d mutations, %d lineage queries; load %s%n",
        jobs, batch, queries, load());

    EventTranslator translator = EventTranslator.create(NamespaceResolver.defaults());
    List<Mutation> starts = new ArrayList<>();
    List<Mutation> refreshes = new ArrayList<>();
    for (int j = 0; j < jobs; j++) {
      starts.add(translate(translator, StreamingEstate.start(j, j)));
      refreshes.add(translate(translator, StreamingEstate.running(j, jobs + j)));
    }
    // Later rounds: every job refreshed again with newer statistics, as its integration does.
    for (int round = 1; round < REFRESH_ROUNDS; round++) {
      for (int j = 0; j < jobs; j++) {
        refreshes.add(translate(translator, StreamingEstate.running(j, (round + 1L) * jobs + j)));
      }
    }
    List<Guid> datasets = new ArrayList<>();
    for (Mutation m : starts) {
      for (RelationshipWrite r : m.relationships()) {
        if (r.typeName().equals(Types.REL_INPUTS)) {
          datasets.add(Guid.forKey(r.from()));
        }
      }
    }
    Random random = new Random(7);
    List<Guid> queryStarts = new ArrayList<>();
    for (int q = 0; q < queries; q++) {
      queryStarts.add(datasets.get(random.nextInt(datasets.size())));
    }

    Path dir = Files.createTempDirectory("bench-cql-berkeley");
    List<Figures> figures = new ArrayList<>();
    try {
      JanusConfig berkeley = JanusConfig.berkeley(dir);
      JanusConfig cql =
          JanusConfig.cql(
              java.util.Map.of(
                  "storage.hostname",
                  contact[0],
                  "storage.port",
                  contact.length > 1 ? contact[1] : "9042",
                  "storage.cql.keyspace",
                  "bench_" + Long.toHexString(System.nanoTime()),
                  "storage.cql.local-datacenter",
                  datacenter));
      Long trustSeconds = Long.getLong("bench.repeatTrustSeconds");
      if (trustSeconds != null) {
        // 0: every refresh reads its entities, as when refreshes come less often than the trust.
        cql = cql.withRepeatTrust(java.time.Duration.ofSeconds(trustSeconds));
      }
      if (STORE_CALLS) {
        // Per store: edgestore (vertices and their edges), graphindex (composite index lookups).
        berkeley =
            berkeley
                .withProperty("metrics.enabled", "true")
                .withProperty("metrics.merge-stores", "false");
        cql =
            cql.withProperty("metrics.enabled", "true")
                .withProperty("metrics.merge-stores", "false");
      }
      figures.add(run("berkeleyje", berkeley, starts, refreshes, queryStarts, batch));
      figures.add(run("cql", cql, starts, refreshes, queryStarts, batch));
    } finally {
      IngestBench.deleteRecursively(dir);
    }
    Figures b = figures.get(0);
    Figures c = figures.get(1);
    System.out.println();
    System.out.println(
        "| backend | START entities/s | START mutations/s | RUNNING refreshes/s | lineage reads/s"
            + " | lineage p50 / p99 ms |");
    for (Figures f : figures) {
      System.out.printf(
          "| %s | %.0f | %.1f | %.1f | %.0f | %.1f / %.1f |%n",
          f.backend(),
          f.startEntitiesPerSecond(),
          f.startMutationsPerSecond(),
          f.refreshMutationsPerSecond(),
          f.lineagePerSecond(),
          f.lineageP50(),
          f.lineageP99());
    }
    System.out.printf(
        "| cql / berkeleyje | %.2f | %.2f | %.2f | %.2f | |%n",
        c.startEntitiesPerSecond() / b.startEntitiesPerSecond(),
        c.startMutationsPerSecond() / b.startMutationsPerSecond(),
        c.refreshMutationsPerSecond() / b.refreshMutationsPerSecond(),
        c.lineagePerSecond() / b.lineagePerSecond());
    System.out.printf("load at the end: %s%n", load());
  }

  private static Figures run(
      String name,
      JanusConfig config,
      List<Mutation> starts,
      List<Mutation> refreshes,
      List<Guid> queryStarts,
      int batch) {
    long openStart = System.nanoTime();
    try (JanusCatalog catalog =
        JanusCatalog.open(config, TypeRegistry.builtIn(), new ChangeFeed())) {
      System.out.printf("%s: opened in %.1f s%n", name, (System.nanoTime() - openStart) / 1e9);
      long entities = starts.stream().mapToLong(m -> m.entities().size()).sum();
      StoreCalls calls = new StoreCalls();
      double startSeconds = apply(catalog, starts, batch);
      calls.print(name + " STARTs", starts.size());
      double refreshSeconds = apply(catalog, refreshes, batch);
      calls.print(name + " refreshes", refreshes.size());
      // Warm-up: the first visits read from storage, as after a restart; then the measured pass.
      for (Guid start : queryStarts.subList(0, Math.min(50, queryStarts.size()))) {
        lineage(catalog, start);
      }
      Stats stats = new Stats(queryStarts.size());
      long readStart = System.nanoTime();
      for (Guid start : queryStarts) {
        long q0 = System.nanoTime();
        lineage(catalog, start);
        stats.add(System.nanoTime() - q0);
      }
      double readSeconds = (System.nanoTime() - readStart) / 1e9;
      Figures f =
          new Figures(
              name,
              entities / startSeconds,
              starts.size() / startSeconds,
              refreshes.size() / refreshSeconds,
              queryStarts.size() / readSeconds,
              stats.percentileMillis(50),
              stats.percentileMillis(99));
      System.out.printf(
          "%s: STARTs %.1f s (%d entities), refreshes %.1f s, %d lineage reads %.1f s%n",
          name, startSeconds, entities, refreshSeconds, queryStarts.size(), readSeconds);
      return f;
    }
  }

  /**
   * JanusGraph's storage calls per phase, with {@code -Dbench.storeCalls=true}: each is a round
   * trip to Cassandra on CQL, so their count per mutation says what a write waits for.
   */
  private static final boolean STORE_CALLS = Boolean.getBoolean("bench.storeCalls");

  /** Rounds of RUNNING refreshes, {@code -Dbench.refreshRounds=N} (1 by default). */
  private static final int REFRESH_ROUNDS = Integer.getInteger("bench.refreshRounds", 1);

  private static final class StoreCalls {
    private final java.util.Map<String, Long> last = new java.util.TreeMap<>();

    StoreCalls() {
      snapshot();
    }

    private java.util.Map<String, Long> snapshot() {
      java.util.Map<String, Long> now = new java.util.TreeMap<>();
      if (STORE_CALLS) {
        org.janusgraph.util.stats.MetricManager.INSTANCE
            .getRegistry()
            .getTimers()
            .forEach((k, t) -> now.put(k, t.getCount()));
        org.janusgraph.util.stats.MetricManager.INSTANCE
            .getRegistry()
            .getCounters()
            .forEach((k, c) -> now.put(k, c.getCount()));
      }
      return now;
    }

    void print(String phase, int mutations) {
      if (!STORE_CALLS) {
        return;
      }
      // For reading a flight recording of the same run by phase.
      System.out.printf("  %s ended at %s%n", phase, java.time.LocalTime.now());
      java.util.Map<String, Long> now = snapshot();
      now.forEach(
          (k, v) -> {
            long d = v - last.getOrDefault(k, 0L);
            if (d > 0
                && (k.contains("getSlice.calls")
                    || k.contains("mutate.calls")
                    || k.contains("locks."))) {
              System.out.printf(
                  "  %s: %s %d (%.1f per mutation)%n", phase, k, d, d / (double) mutations);
            }
          });
      // Mean wait per storage call of the phase, from the timers' decaying samples.
      org.janusgraph.util.stats.MetricManager.INSTANCE
          .getRegistry()
          .getTimers()
          .forEach(
              (k, t) -> {
                long d = t.getCount() - last.getOrDefault(k, 0L);
                if (d > 0 && !k.contains(".sys.") && !k.contains("threadpools")) {
                  System.out.printf(
                      "  %s: %s mean %.2f ms%n", phase, k, t.getSnapshot().getMean() / 1e6);
                }
              });
      last.clear();
      last.putAll(now);
    }
  }

  private static double apply(JanusCatalog catalog, List<Mutation> mutations, int batch) {
    long t0 = System.nanoTime();
    for (int i = 0; i < mutations.size(); i += batch) {
      catalog.applyAll(mutations.subList(i, Math.min(mutations.size(), i + batch)));
    }
    return (System.nanoTime() - t0) / 1e9;
  }

  private static void lineage(JanusCatalog catalog, Guid start) {
    catalog.lineage(
        new LineageQuery(start, Direction.BOTH, 3, LineageLevel.DATASET), Visibility.all());
  }

  private static Mutation translate(EventTranslator translator, String event) throws Exception {
    return translator.translate(JSON.readTree(event), TenantId.DEFAULT).mutation();
  }

  private static int arg(String[] args, int index, int fallback) {
    return args.length > index ? Integer.parseInt(args[index]) : fallback;
  }

  private static String load() {
    try {
      return Files.readString(Path.of("/proc/loadavg")).trim();
    } catch (java.io.IOException e) {
      return "unknown";
    }
  }
}
