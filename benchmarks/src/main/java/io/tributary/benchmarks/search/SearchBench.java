package io.tributary.benchmarks.search;

import static io.tributary.benchmarks.BenchRun.arg;
import static io.tributary.benchmarks.BenchRun.load;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.tributary.catalog.Catalog;
import io.tributary.catalog.ChangeFeed;
import io.tributary.catalog.Mutation;
import io.tributary.catalog.Visibility;
import io.tributary.catalog.spi.CatalogBackends;
import io.tributary.catalog.spi.CatalogContext;
import io.tributary.catalog.types.TypeRegistry;
import io.tributary.contract.TenantId;
import io.tributary.openlineage.EventTranslator;
import io.tributary.openlineage.NamespaceResolver;
import io.tributary.search.CatalogSearch;
import io.tributary.search.index.IndexFilter;
import io.tributary.search.index.SearchMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The search figures, side by side in one run, in process (no HTTP), on the embedded in-memory
 * catalog:
 *
 * <ol>
 *   <li>ingest throughput of the same START events into three catalogs: no index, the index without
 *       embeddings, the index with embeddings; and how long each index took to catch up;
 *   <li>embedding cost per entity, index size on disk per 100,000 entities (extrapolated);
 *   <li>index lag from commit to searchable, p50/p99, under paced RUNNING refreshes;
 *   <li>{@code search} (keyword, semantic, hybrid) and {@code ask} latency, p50/p99.
 * </ol>
 *
 * <p>Usage: {@code SearchBench [jobs] [refreshesPerSecond] [refreshSeconds] [queries] [indexes]}:
 * the last, which of {@code off,keyword,embeddings} to ingest into, in order (default {@code
 * off,keyword,embeddings,off}; {@code embeddings} alone for a large estate, whose ingest with and
 * without the index is measured by {@code HttpRefreshBench}).
 */
public final class SearchBench {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
  private static final String PRODUCER = "https://tributary.io/bench";
  private static final List<String> DOMAINS =
      List.of(
          "billing",
          "shipping",
          "fraud",
          "loyalty",
          "catalog",
          "pricing",
          "reviews",
          "returns",
          "payroll",
          "support",
          "search",
          "ads",
          "refunds",
          "invoices",
          "vendors",
          "coupons",
          "orders",
          "customers",
          "payments",
          "inventory",
          "clicks",
          "sessions",
          "sensors",
          "fleet");
  private static final List<String> FIELDS =
      List.of("id", "customer_id", "email", "amount", "currency", "status", "created_at", "region");
  private static final int BATCH = 8;

  private SearchBench() {}

  public static void main(String[] args) throws Exception {
    int jobs = arg(args, 0, 300);
    int rate = arg(args, 1, 40);
    int seconds = arg(args, 2, 15);
    int queries = arg(args, 3, 200);
    List<String> configs =
        List.of((args.length > 4 ? args[4] : "off,keyword,embeddings,off").split(","));
    if (!configs.contains("embeddings")) {
      throw new IllegalArgumentException("the indexes must include embeddings: " + configs);
    }
    System.out.printf(
        "search: %d jobs, refreshes %d/s for %d s, %d queries; %d cpus, heap %d MB, load %s%n",
        jobs,
        rate,
        seconds,
        queries,
        Runtime.getRuntime().availableProcessors(),
        Runtime.getRuntime().maxMemory() >> 20,
        load());
    EventTranslator translator = EventTranslator.create(NamespaceResolver.defaults());
    List<Mutation> starts = new ArrayList<>();
    for (int j = 0; j < jobs; j++) {
      starts.add(
          translator.translate(JSON.readTree(event("START", j, 0)), TenantId.DEFAULT).mutation());
    }
    Path root = Files.createTempDirectory("search-bench");

    // 1. Ingest with the index off, on without embeddings, on with embeddings.
    CatalogSearch measured = null;
    Catalog measuredCatalog = null;
    for (String config : configs) {
      Path dir = root.resolve(config + System.nanoTime());
      Catalog catalog = open(dir);
      CatalogSearch search =
          config.equals("off")
              ? null
              : CatalogSearch.start(
                  catalog,
                  TypeRegistry.builtIn(),
                  CatalogSearch.Options.of(dir).withEmbeddings(config.equals("embeddings")));
      long t0 = System.nanoTime();
      for (int i = 0; i < starts.size(); i += BATCH) {
        catalog.applyAll(starts.subList(i, Math.min(starts.size(), i + BATCH)));
      }
      double ingestSeconds = (System.nanoTime() - t0) / 1e9;
      String caughtUp = "";
      if (search != null) {
        search.indexer().awaitSearchable(catalog.changes().lastSequence(), Duration.ofMinutes(10));
        caughtUp =
            String.format(
                ", index caught up %.1f s after the first write, %d documents",
                (System.nanoTime() - t0) / 1e9, search.index().size());
      }
      System.out.printf(
          "ingest, index %s: %d START events in %.2f s = %.0f events/s%s%n",
          config, starts.size(), ingestSeconds, starts.size() / ingestSeconds, caughtUp);
      if (config.equals("embeddings")) {
        measured = search;
        measuredCatalog = catalog;
      } else {
        if (search != null) {
          search.close();
        }
        catalog.close();
      }
    }
    CatalogSearch search = measured;
    Catalog catalog = measuredCatalog;

    // 2. Embedding cost and size.
    long entities =
        catalog.countByType(Visibility.all()).values().stream().mapToLong(Long::longValue).sum();
    search.index().commit(catalog.changes().lastSequence(), "all-minilm-l6-v2-q");
    long bytes = search.index().diskBytes();
    int docs = search.index().size();
    System.out.printf(
        "embedding: %.2f ms per embedded entity (mean, indexer thread; datasets and jobs, not"
            + " fields); index %d documents for %d catalog"
            + " entities, %.1f MB on disk = %.0f MB per 100,000 documents (linear extrapolation)%n",
        search.indexer().meanEmbedMicros() / 1000,
        docs,
        entities,
        bytes / 1e6,
        bytes / 1e6 / docs * 100_000);

    // 3. Lag from commit to searchable under paced refreshes.
    search.indexer().resetLagSamples();
    long interval = 1_000_000_000L / rate;
    long next = System.nanoTime();
    int sent = 0;
    while (sent < rate * seconds) {
      int j = sent % jobs;
      // Every refresh also rewrites its job's description, so that each one reaches the index
      // (a refresh that changes nothing searchable is skipped without a read: no lag to measure).
      ObjectNode refresh = (ObjectNode) JSON.readTree(event("RUNNING", j, sent + 1));
      ((ObjectNode) refresh.path("job").path("facets"))
          .putObject("documentation")
          .put("_producer", PRODUCER)
          .put("_schemaURL", "https://openlineage.io/spec/facets/1-0-1/DocumentationJobFacet.json")
          .put("description", "Processor " + job(j) + ", revision " + (sent + 1));
      catalog.apply(translator.translate(refresh, TenantId.DEFAULT).mutation());
      sent++;
      next += interval;
      long wait = next - System.nanoTime();
      if (wait > 0) {
        Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
      }
    }
    search.indexer().awaitSearchable(catalog.changes().lastSequence(), Duration.ofMinutes(5));
    long[] lags = search.indexer().recentLagsMillis();
    Arrays.sort(lags);
    System.out.printf(
        "index lag commit→searchable under %d refreshes/s, each changing its job's description"
            + " (%d changes): p50 %d ms, p99 %d ms, max %d ms%n",
        rate,
        lags.length,
        pct(lags, 0.5),
        pct(lags, 0.99),
        lags.length == 0 ? 0 : lags[lags.length - 1]);

    // 4. Query latency.
    List<String> texts = new ArrayList<>();
    List<String> questions = new ArrayList<>();
    for (int i = 0; i < queries; i++) {
      String d = DOMAINS.get(i % DOMAINS.size());
      int j = (i * 7) % jobs;
      texts.add(
          List.of(
                  d + " events",
                  "customer emails",
                  d + " " + FIELDS.get(i % FIELDS.size()),
                  name(j, "out"))
              .get(i % 4));
      questions.add(
          List.of(
                  "what feeds " + name(j, "out"),
                  "who reads " + name(j, "in"),
                  "what breaks if " + name(j, "in") + " changes",
                  "which topics have a customer_id field",
                  "how many kafka topics",
                  "when did " + job(j) + " last run",
                  "which jobs failed today",
                  d + " data with emails")
              .get(i % 8));
    }
    for (SearchMode mode : SearchMode.values()) {
      long[] t = new long[texts.size()];
      for (int round = 0; round < 2; round++) {
        for (int i = 0; i < texts.size(); i++) {
          long s = System.nanoTime();
          search.search().search(texts.get(i), mode, IndexFilter.none(), Visibility.all(), 25);
          t[i] = System.nanoTime() - s;
        }
      }
      Arrays.sort(t);
      System.out.printf(
          "search %s: p50 %.1f ms, p99 %.1f ms%n", mode, pct(t, 0.5) / 1e6, pct(t, 0.99) / 1e6);
    }
    long[] t = new long[questions.size()];
    int kinds = 8;
    List<List<Long>> byKind = new ArrayList<>();
    for (int k = 0; k < kinds; k++) {
      byKind.add(new ArrayList<>());
    }
    for (int round = 0; round < 2; round++) {
      for (int i = 0; i < questions.size(); i++) {
        long s = System.nanoTime();
        search.questions().ask(questions.get(i), Visibility.all(), Visibility.all());
        t[i] = System.nanoTime() - s;
        if (round == 1) {
          byKind.get(i % kinds).add(t[i]);
        }
      }
    }
    Arrays.sort(t);
    System.out.printf("ask: p50 %.1f ms, p99 %.1f ms%n", pct(t, 0.5) / 1e6, pct(t, 0.99) / 1e6);
    for (int k = 0; k < kinds && k < questions.size(); k++) {
      long[] kt = byKind.get(k).stream().mapToLong(Long::longValue).sorted().toArray();
      System.out.printf(
          "  ask \"%s\": p50 %.1f ms, max %.1f ms%n",
          questions.get(k), pct(kt, 0.5) / 1e6, kt.length == 0 ? 0 : kt[kt.length - 1] / 1e6);
    }
    System.out.printf("load at the end: %s%n", load());
    search.close();
    catalog.close();
  }

  private static Catalog open(Path dir) {
    return CatalogBackends.named("embedded-inmemory")
        .open(
            new CatalogContext(
                dir,
                new SimpleMeterRegistry(),
                TypeRegistry.builtIn(),
                new ChangeFeed(1_000_000, Clock.systemUTC()),
                Map.of()));
  }

  private static String name(int j, String stage) {
    return DOMAINS.get(j % DOMAINS.size()) + "." + stage + "-" + j;
  }

  private static String job(int j) {
    return DOMAINS.get(j % DOMAINS.size()) + "-processor-" + j;
  }

  /** Job j reads in-j and out-(j-1), writes out-j; every topic with an eight-field schema. */
  static String event(String type, int j, long seq) {
    ObjectNode e = JSON.createObjectNode();
    e.put("eventType", type);
    e.put("eventTime", T0.plusMillis(seq).toString());
    e.put("producer", PRODUCER);
    e.put("schemaURL", "https://openlineage.io/spec/2-0-2/OpenLineage.json#/$defs/RunEvent");
    e.putObject("run").put("runId", UUID.nameUUIDFromBytes(("run-" + j).getBytes()).toString());
    ObjectNode jobNode = e.putObject("job").put("namespace", "streaming").put("name", job(j));
    jobNode
        .putObject("facets")
        .putObject("jobType")
        .put("_producer", PRODUCER)
        .put("_schemaURL", "https://openlineage.io/spec/facets/2-0-4/JobTypeJobFacet.json")
        .put("processingType", "STREAMING")
        .put("integration", "FLINK")
        .put("jobType", "JOB");
    ArrayNode in = e.putArray("inputs");
    dataset(in.addObject(), name(j, "in"));
    if (j > 0) {
      dataset(in.addObject(), name(j - 1, "out"));
    }
    dataset(e.putArray("outputs").addObject(), name(j, "out"));
    return e.toString();
  }

  private static void dataset(ObjectNode d, String name) {
    d.put("namespace", "kafka://broker:9092").put("name", name);
    ObjectNode facets = d.putObject("facets");
    ArrayNode fields =
        facets
            .putObject("schema")
            .put("_producer", PRODUCER)
            .put("_schemaURL", "https://openlineage.io/spec/facets/1-2-0/SchemaDatasetFacet.json")
            .putArray("fields");
    for (String f : FIELDS) {
      fields.addObject().put("name", f).put("type", "string");
    }
    facets
        .putObject("documentation")
        .put("_producer", PRODUCER)
        .put(
            "_schemaURL", "https://openlineage.io/spec/facets/1-0-0/DocumentationDatasetFacet.json")
        .put("description", "Stream of " + name.replace('.', ' ').replace('-', ' ') + " records");
  }

  private static long pct(long[] sorted, double p) {
    if (sorted.length == 0) {
      return 0;
    }
    return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1)];
  }
}
