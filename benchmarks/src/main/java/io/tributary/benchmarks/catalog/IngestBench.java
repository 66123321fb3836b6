package io.tributary.benchmarks.catalog;

import static io.tributary.benchmarks.BenchRun.arg;
import static io.tributary.benchmarks.BenchRun.load;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.tributary.catalog.ChangeFeed;
import io.tributary.catalog.EntityKey;
import io.tributary.catalog.EntityWrite;
import io.tributary.catalog.Mutation;
import io.tributary.catalog.Types;
import io.tributary.catalog.Visibility;
import io.tributary.catalog.janus.JanusCatalog;
import io.tributary.catalog.janus.JanusConfig;
import io.tributary.catalog.types.TypeRegistry;
import io.tributary.contract.TenantId;
import io.tributary.ingest.GroupCommitter;
import io.tributary.openlineage.EventTranslator;
import io.tributary.openlineage.NamespaceResolver;
import io.tributary.server.CatalogServer;
import io.tributary.server.Settings;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.UnaryOperator;

/**
 * The ingest figures, side by side in one run on a streaming estate ({@link StreamingEstate}):
 *
 * <ol>
 *   <li>a: the STARTs of N jobs written as raw JanusGraph batch writes of the same vertices and
 *       edges ({@link RawJanusLoad});
 *   <li>b: the same STARTs through the catalog in process (group committer, one producer thread per
 *       client), then through HTTP;
 *   <li>c: RUNNING refreshes of the started jobs through HTTP: as fast as the clients go, then
 *       paced at half that rate;
 *   <li>d: one event with many outputs applied in one transaction; then one through HTTP while the
 *       clients keep posting refreshes at a quarter of that rate;
 *   <li>e: {@code /api/v1/stats} on a catalog of many entities, with the scan it replaced.
 * </ol>
 *
 * <p>Usage: {@code IngestBench [jobs] [refreshes] [clients] [wideOutputs] [statsEntities]
 * [oneTransactionOutputs]}.
 */
public final class IngestBench {
  private static final ObjectMapper JSON = new ObjectMapper();

  private IngestBench() {}

  public static void main(String[] args) throws Exception {
    int jobs = arg(args, 0, 400);
    int refreshes = arg(args, 1, 20_000);
    int clients = arg(args, 2, 8);
    int wideOutputs = arg(args, 3, 10_000);
    int statsEntities = arg(args, 4, 200_000);
    int oneTransaction = arg(args, 5, 50_000);
    System.out.printf(
        "ingest: %d jobs, %d refreshes, %d clients, %d outputs, %d entities for stats;"
            + " %d cpus, heap %d MB, load %s%n",
        jobs,
        refreshes,
        clients,
        wideOutputs,
        statsEntities,
        Runtime.getRuntime().availableProcessors(),
        Runtime.getRuntime().maxMemory() >> 20,
        load());
    EventTranslator translator = EventTranslator.create(NamespaceResolver.defaults());
    List<String> starts = new ArrayList<>();
    List<Mutation> startMutations = new ArrayList<>();
    for (int j = 0; j < jobs; j++) {
      starts.add(StreamingEstate.start(j, j));
      startMutations.add(translate(translator, starts.get(j)));
    }
    List<Mutation> refreshMutations = new ArrayList<>(refreshes);
    for (String event : refreshEvents(jobs, refreshes, 500_000)) {
      refreshMutations.add(translate(translator, event));
    }
    Mutation first = startMutations.get(0);
    System.out.printf(
        "a START writes %d entities and %d relationships%n",
        first.entities().size(), first.relationships().size());

    Path root = Files.createTempDirectory("bench-ingest");
    try {
      double raw = 0;
      // Alternating rounds on fresh directories; the first of each warms the JIT up.
      for (int round = 1; round <= 2; round++) {
        raw = RawJanusLoad.write(root.resolve("raw-" + round), startMutations, clients);
        double[] inProcess =
            inProcess(root.resolve("catalog-" + round), startMutations, refreshMutations, clients);
        System.out.printf(
            "round %d: (a) raw JanusGraph START, batches of %d: %,.0f events/s;"
                + " (b) catalog START in process: %,.0f events/s, %.2f of raw;"
                + " (c) RUNNING refreshes in process: %,.0f events/s%n",
            round, clients, raw, inProcess[0], inProcess[0] / raw, inProcess[1]);
      }
      oneTransaction(root.resolve("one-transaction"), translator, oneTransaction);
      http(root.resolve("server"), starts, jobs, refreshes, clients, wideOutputs, raw);
      stats(root.resolve("stats"), statsEntities);
    } finally {
      deleteRecursively(root);
    }
    System.out.printf("load at the end: %s%n", load());
  }

  private static Mutation translate(EventTranslator translator, String event) throws Exception {
    return translator.translate(JSON.readTree(event), TenantId.DEFAULT).mutation();
  }

  /**
   * STARTs, then refreshes, through the group committer, each producer waiting for its commit as a
   * client does; returns both rates.
   */
  private static double[] inProcess(
      Path dir, List<Mutation> starts, List<Mutation> refreshes, int threads) throws Exception {
    try (JanusCatalog catalog =
            JanusCatalog.open(JanusConfig.berkeley(dir), TypeRegistry.builtIn(), new ChangeFeed());
        GroupCommitter committer =
            GroupCommitter.start(
                catalog, GroupCommitter.Settings.defaults(), new SimpleMeterRegistry())) {
      return new double[] {
        CommitLoad.rate(committer, starts, threads, UnaryOperator.identity()),
        CommitLoad.rate(committer, refreshes, threads, UnaryOperator.identity())
      };
    }
  }

  private static void http(
      Path dir,
      List<String> starts,
      int jobs,
      int refreshes,
      int clients,
      int wideOutputs,
      double raw)
      throws Exception {
    try (CatalogServer server =
        CatalogServer.start(
            Settings.loader(Map.of())
                .load(Map.of("server.port", "0", "data.dir", dir.toString())))) {
      URI uri = server.uri();
      HttpLoad load = new HttpLoad(uri, clients);
      // Other jobs first, so that the HTTP path is compiled before it is measured.
      List<String> warmUp = new ArrayList<>();
      for (int j = 0; j < starts.size(); j++) {
        warmUp.add(StreamingEstate.start(jobs + 10 + j, j));
      }
      load.closedLoop(warmUp);
      HttpLoad.Result start = load.closedLoop(starts);
      System.out.printf(
          "(b) START through HTTP: %s, %.2f of raw%n", start.describe(), start.rate() / raw);

      long seq = 1_000_000;
      HttpLoad.Result warm = load.closedLoop(refreshEvents(jobs, refreshes / 4, seq));
      seq += refreshes;
      System.out.printf("(c) RUNNING refreshes, warm-up: %s%n", warm.describe());
      Map<String, Long> cpuBefore = ThreadCpu.byGroup();
      HttpLoad.Result full = load.closedLoop(refreshEvents(jobs, refreshes, seq));
      Map<String, Long> cpuAfter = ThreadCpu.byGroup();
      seq += refreshes;
      System.out.printf("(c) RUNNING refreshes, %d clients: %s%n", clients, full.describe());
      System.out.printf(
          "(c) CPU per refresh, ms: %s%n", ThreadCpu.perEvent(cpuBefore, cpuAfter, refreshes));
      double half = full.rate() / 2;
      HttpLoad.Result paced =
          load.paced(refreshEvents(jobs, (int) Math.min(refreshes, half * 20), seq), half);
      seq += refreshes;
      System.out.printf("(c) RUNNING refreshes paced at %,.0f/s: %s%n", half, paced.describe());

      wide(load, jobs, seq, wideOutputs, clients, full.rate() / 4);
      System.out.printf("load after the HTTP figures: %s%n", load());
    }
  }

  /**
   * One event with {@code outputs} outputs applied in a single transaction, straight to the catalog
   * (no chunks), then again as a refresh: the writer's cost per write stays flat however large the
   * event.
   */
  private static void oneTransaction(Path dir, EventTranslator translator, int outputs)
      throws Exception {
    Mutation event = translate(translator, StreamingEstate.wide("one-transaction", outputs));
    try (JanusCatalog catalog =
        JanusCatalog.open(JanusConfig.berkeley(dir), TypeRegistry.builtIn(), new ChangeFeed())) {
      long start = System.nanoTime();
      catalog.apply(event);
      double created = (System.nanoTime() - start) / 1e9;
      start = System.nanoTime();
      catalog.apply(event);
      double again = (System.nanoTime() - start) / 1e9;
      int writes = event.entities().size() + event.relationships().size();
      System.out.printf(
          "(d) one event with %,d outputs in one transaction: %.1f s (%.0f us per write),"
              + " the same event again %.1f s%n",
          outputs, created, created * 1e6 / writes, again);
    }
  }

  private static List<String> refreshEvents(int jobs, int count, long seq) {
    List<String> out = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      out.add(StreamingEstate.running(i % jobs, seq + i));
    }
    return out;
  }

  /** One event with many outputs, posted while the clients keep refreshing at {@code rate}. */
  private static void wide(HttpLoad load, int jobs, long seq, int outputs, int clients, double rate)
      throws Exception {
    String event = StreamingEstate.wide("wide-job", outputs);
    // When the large event was answered; the clients go on for a second more.
    AtomicLong wideDone = new AtomicLong(Long.MAX_VALUE);
    Stats small = new Stats(1_000_000);
    AtomicInteger next = new AtomicInteger();
    long interval = (long) (1e9 / rate);
    ExecutorService pool = Executors.newFixedThreadPool(clients);
    long start = System.nanoTime();
    List<Future<?>> done = new ArrayList<>();
    for (int c = 0; c < clients; c++) {
      done.add(
          pool.submit(
              () -> {
                try (PostConnection connection = load.connect()) {
                  for (int i = next.getAndIncrement(); ; i = next.getAndIncrement()) {
                    long due = start + i * interval;
                    if (due - wideDone.get() > 1_000_000_000L) {
                      return null;
                    }
                    long wait = due - System.nanoTime();
                    if (wait > 0) {
                      LockSupport.parkNanos(wait);
                    }
                    HttpLoad.post(
                        connection,
                        StreamingEstate.running(i % jobs, seq + i)
                            .getBytes(StandardCharsets.UTF_8));
                    small.add(System.nanoTime() - due);
                  }
                }
              }));
    }
    long wideStart = System.nanoTime();
    CompletableFuture<Void> wide =
        CompletableFuture.runAsync(
            () -> {
              try (PostConnection connection = load.connect()) {
                HttpLoad.post(connection, event.getBytes(StandardCharsets.UTF_8));
              } catch (Exception e) {
                throw new IllegalStateException(e);
              } finally {
                wideDone.set(System.nanoTime());
              }
            });
    try {
      wide.join();
    } finally {
      pool.shutdown();
    }
    double wideSeconds = (System.nanoTime() - wideStart) / 1e9;
    for (Future<?> f : done) {
      f.get();
    }
    System.out.printf(
        "(d) one event with %,d outputs committed in %.1f s; meanwhile %d refreshes at %,.0f/s:"
            + " p50 %.1f ms, p99 %.1f ms, max %.1f ms%n",
        outputs,
        wideSeconds,
        small.size(),
        rate,
        small.percentileMillis(50),
        small.percentileMillis(99),
        small.percentileMillis(100));
  }

  /**
   * {@code /api/v1/stats} on a catalog of {@code entities} topics, against the scan it replaced.
   */
  private static void stats(Path dir, int entities) throws Exception {
    long buildStart = System.nanoTime();
    Instant asOf = Instant.parse("2026-01-01T00:00:00Z");
    try (JanusCatalog catalog =
        JanusCatalog.open(JanusConfig.berkeley(dir), TypeRegistry.builtIn(), new ChangeFeed())) {
      int chunk = 2_000;
      for (int from = 0; from < entities; from += chunk) {
        List<EntityWrite> writes = new ArrayList<>(chunk);
        for (int i = from; i < Math.min(entities, from + chunk); i++) {
          writes.add(
              EntityWrite.of(
                  new EntityKey(TenantId.DEFAULT, Types.KAFKA_TOPIC, "topic-" + i + "@prod"),
                  asOf));
        }
        catalog.apply(new Mutation("bulk " + from, writes, List.of()));
      }
      System.out.printf(
          "(e) %,d entities written in %.0f s%n", entities, (System.nanoTime() - buildStart) / 1e9);
      long t = System.nanoTime();
      Map<String, Long> scanned = catalog.countByType(Visibility.all());
      double scanMillis = (System.nanoTime() - t) / 1e6;
      t = System.nanoTime();
      Map<String, Long> counted = catalog.countByType(tenant -> true, Visibility.all());
      double countedMillis = (System.nanoTime() - t) / 1e6;
      System.out.printf(
          "(e) counting by scan (before): %.0f ms %s; from maintained counts: %.2f ms %s%n",
          scanMillis, scanned, countedMillis, counted);
    }
    try (CatalogServer server =
        CatalogServer.start(
            Settings.loader(Map.of())
                .load(Map.of("server.port", "0", "data.dir", dir.toString())))) {
      HttpClient client = HttpClient.newHttpClient();
      HttpRequest request = HttpRequest.newBuilder(server.uri().resolve("/api/v1/stats")).build();
      int requests = 500;
      Stats latency = new Stats(requests);
      String body = "";
      for (int i = 0; i < requests; i++) {
        long t = System.nanoTime();
        HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
        latency.add(System.nanoTime() - t);
        if (response.statusCode() != 200) {
          throw new IllegalStateException("stats answered " + response.statusCode());
        }
        body = response.body();
      }
      System.out.printf(
          "(e) GET /api/v1/stats at %,d entities, %d requests: p50 %.2f ms, p99 %.2f ms; %s%n",
          entities, requests, latency.percentileMillis(50), latency.percentileMillis(99), body);
    }
  }

  static void deleteRecursively(Path dir) throws java.io.IOException {
    try (var paths = Files.walk(dir)) {
      paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
  }
}
