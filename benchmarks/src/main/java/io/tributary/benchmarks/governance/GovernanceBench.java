package io.tributary.benchmarks.governance;

import static io.tributary.benchmarks.BenchRun.arg;
import static io.tributary.benchmarks.BenchRun.load;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.tributary.benchmarks.catalog.CommitLoad;
import io.tributary.catalog.ChangeFeed;
import io.tributary.catalog.Mutation;
import io.tributary.catalog.janus.JanusCatalog;
import io.tributary.catalog.janus.JanusConfig;
import io.tributary.catalog.types.TypeRegistry;
import io.tributary.contract.TenantId;
import io.tributary.ingest.GroupCommitter;
import io.tributary.ingest.MutationEnricher;
import io.tributary.openlineage.EventTranslator;
import io.tributary.openlineage.NamespaceResolver;
import io.tributary.ranger.governance.ClassificationEngine;
import io.tributary.ranger.tenancy.ClassificationRule;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;

/**
 * Classification at ingest, on and off side by side in one run: chains of streaming jobs, each
 * reading the previous job's topic and writing the next, six fields with column lineage (every
 * fifth hop masks {@code email}), a tenant with three rules. Events are translated first; then the
 * same events go through the enricher ({@link MutationEnricher#NONE} or the {@link
 * ClassificationEngine}) and the group committer from producer threads that wait for their commits,
 * on fresh BerkeleyJE catalogs, rounds alternating off and on. Then the enricher alone on a warm
 * catalog: the cost per event of rule evaluation and propagation.
 *
 * <p>Usage: {@code GovernanceBench [chains] [hops] [refreshes] [threads]}.
 */
public final class GovernanceBench {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Instant BASE = Instant.parse("2026-01-01T00:00:00Z");
  private static final String PRODUCER = "https://tributary.io/bench";
  private static final String[] FIELDS = {"id", "email", "customer", "amount", "country", "ts"};
  private static final List<ClassificationRule> RULES =
      List.of(
          new ClassificationRule("PII", "(?i)email|phone|ssn", "column", null, null, null, 0.9),
          new ClassificationRule("PII", "(?i)customer", "column", "(?i)string", null, null, 0.7),
          new ClassificationRule("SENSITIVE", null, null, null, "finance", null, null));

  private GovernanceBench() {}

  public static void main(String[] args) throws Exception {
    int chains = arg(args, 0, 20);
    int hops = arg(args, 1, 10);
    int refreshes = arg(args, 2, 4_000);
    int threads = arg(args, 3, 4);
    int purgeEntities = arg(args, 4, 20_000);
    System.out.printf(
        "governance: %d chains of %d hops, %d refreshes, %d threads; %d cpus, load %s%n",
        chains, hops, refreshes, threads, Runtime.getRuntime().availableProcessors(), load());
    EventTranslator translator = EventTranslator.create(NamespaceResolver.defaults());
    List<Mutation> starts = new ArrayList<>();
    for (int c = 0; c < chains; c++) {
      for (int h = 0; h < hops; h++) {
        starts.add(translate(translator, event("START", c, h, h, false)));
      }
    }
    List<Mutation> running = new ArrayList<>();
    for (int i = 0; i < refreshes; i++) {
      running.add(
          translate(
              translator, event("RUNNING", i % chains, (i / chains) % hops, 10_000 + i, true)));
    }
    System.out.printf(
        "a START writes %d entities and %d relationships%n",
        starts.get(1).entities().size(), starts.get(1).relationships().size());
    Path root = Files.createTempDirectory("bench-governance");
    try {
      int jobs = Math.min(chains * hops, running.size());
      for (int round = 1; round <= 2; round++) {
        double[] off = run(root.resolve("off-" + round), false, starts, running, jobs, threads);
        double[] on = run(root.resolve("on-" + round), true, starts, running, jobs, threads);
        System.out.printf(
            "round %d: START off %,.0f/s on %,.0f/s (%.2f); RUNNING, first of each job, off"
                + " %,.0f/s on %,.0f/s (%.2f); RUNNING, later refreshes, off %,.0f/s on %,.0f/s"
                + " (%.2f); all RUNNING off %,.0f/s on %,.0f/s (%.2f); PII columns %d; events"
                + " evaluated %d, answered unevaluated %d%n",
            round,
            off[0],
            on[0],
            on[0] / off[0],
            off[1],
            on[1],
            on[1] / off[1],
            off[2],
            on[2],
            on[2] / off[2],
            off[3],
            on[3],
            on[3] / off[3],
            (long) on[4],
            (long) on[5],
            (long) on[6]);
      }
      enricherAlone(root.resolve("alone"), translator, starts, running);
      purge(root.resolve("purge"), purgeEntities);
    } finally {
      try (var paths = Files.walk(root)) {
        paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
    System.out.printf("load at the end: %s%n", load());
  }

  /**
   * STARTs, then RUNNING refreshes, each through the enricher then the committer: first one refresh
   * of each job (the first after a START reads what the START left), then the rest, the steady
   * state of a streaming estate.
   */
  private static double[] run(
      Path dir,
      boolean classify,
      List<Mutation> starts,
      List<Mutation> running,
      int jobs,
      int threads)
      throws Exception {
    TypeRegistry types = TypeRegistry.builtIn();
    try (JanusCatalog catalog =
            JanusCatalog.open(JanusConfig.berkeley(dir), types, new ChangeFeed());
        GroupCommitter committer =
            GroupCommitter.start(
                catalog, GroupCommitter.Settings.defaults(), new SimpleMeterRegistry())) {
      MutationEnricher enricher =
          classify
              ? new ClassificationEngine(t -> RULES, catalog, types, Clock.systemUTC())
              : MutationEnricher.NONE;
      UnaryOperator<Mutation> enrich = m -> enricher.enrich(TenantId.DEFAULT, m);
      double startRate = CommitLoad.rate(committer, starts, threads, enrich);
      long t0 = System.nanoTime();
      double firstRate = CommitLoad.rate(committer, running.subList(0, jobs), threads, enrich);
      double laterRate =
          CommitLoad.rate(committer, running.subList(jobs, running.size()), threads, enrich);
      double runningRate = running.size() / ((System.nanoTime() - t0) / 1e9);
      long evaluated = 0;
      long answered = 0;
      if (enricher instanceof ClassificationEngine engine) {
        evaluated = engine.evaluations();
        answered = engine.answered();
        engine.close();
      }
      long pii =
          catalog
              .search(
                  new io.tributary.catalog.SearchQuery(
                      null, null, "PII", TenantId.DEFAULT, java.util.Map.of(), 1000, 0),
                  io.tributary.catalog.Visibility.all())
              .entities()
              .size();
      return new double[] {startRate, firstRate, laterRate, runningRate, pii, evaluated, answered};
    }
  }

  /** The enricher's own cost per event on a catalog that holds the estate, beside translation. */
  private static void enricherAlone(
      Path dir, EventTranslator translator, List<Mutation> starts, List<Mutation> running)
      throws Exception {
    TypeRegistry types = TypeRegistry.builtIn();
    try (JanusCatalog catalog =
        JanusCatalog.open(JanusConfig.berkeley(dir), types, new ChangeFeed())) {
      ClassificationEngine engine =
          new ClassificationEngine(t -> RULES, catalog, types, Clock.systemUTC());
      for (Mutation m : starts) {
        catalog.apply(engine.enrich(TenantId.DEFAULT, m));
      }
      List<String> events = new ArrayList<>();
      for (int i = 0; i < running.size(); i++) {
        events.add(event("RUNNING", i % 20, i % 10, 20_000 + i, true));
      }
      for (int pass = 1; pass <= 2; pass++) {
        long evaluated = engine.evaluations();
        long t0 = System.nanoTime();
        for (String e : events) {
          translate(translator, e);
        }
        long t1 = System.nanoTime();
        for (Mutation m : running) {
          engine.enrich(TenantId.DEFAULT, m);
        }
        long t2 = System.nanoTime();
        System.out.printf(
            "pass %d: translate %.0f µs/event; rules and propagation %.0f µs/event (%.2f of"
                + " translation; %d of %d events evaluated)%n",
            pass,
            (t1 - t0) / 1e3 / events.size(),
            (t2 - t1) / 1e3 / running.size(),
            (double) (t2 - t1) / running.size() / ((double) (t1 - t0) / events.size()),
            engine.evaluations() - evaluated,
            running.size());
      }
      // Rules that rotate their order on every call never equal those of a job's last evaluation
      // (a job's events are 200 calls apart, not a multiple of 3): every event evaluated, as after
      // a rule change, with the catalog state held as before. The order changes no result.
      AtomicInteger calls = new AtomicInteger();
      List<List<ClassificationRule>> rotations = new ArrayList<>();
      for (int r = 0; r < 3; r++) {
        List<ClassificationRule> rotated = new ArrayList<>(RULES);
        java.util.Collections.rotate(rotated, r);
        rotations.add(List.copyOf(rotated));
      }
      ClassificationEngine evaluating =
          new ClassificationEngine(
              t -> rotations.get(calls.getAndIncrement() % 3), catalog, types, Clock.systemUTC());
      for (int pass = 1; pass <= 2; pass++) {
        long evaluated = evaluating.evaluations();
        long t0 = System.nanoTime();
        for (Mutation m : running) {
          evaluating.enrich(TenantId.DEFAULT, m);
        }
        System.out.printf(
            "every event evaluated, pass %d: rules and propagation %.0f µs/event (%d evaluated)%n",
            pass,
            (System.nanoTime() - t0) / 1e3 / running.size(),
            evaluating.evaluations() - evaluated);
      }
      evaluating.close();
      long t3 = System.nanoTime();
      ClassificationEngine.Report report = engine.reevaluate(TenantId.DEFAULT);
      engine.close();
      System.out.printf(
          "re-evaluation of the tenant: %d entities in %.2f s (%d added, %d removed)%n",
          report.examined(), (System.nanoTime() - t3) / 1e9, report.added(), report.removed());
    }
  }

  /**
   * Retention's purge: {@code n} topics written through the catalog, a rule that every one of them
   * is past, then a dry run and a purge (each removal deleted, published on the change feed and
   * audited), against deleting the same number of entities by guid directly.
   */
  private static void purge(Path dir, int n) throws Exception {
    TypeRegistry types = TypeRegistry.builtIn();
    io.tributary.ranger.governance.GovernanceStore.registerTypes(types);
    try (JanusCatalog catalog =
        JanusCatalog.open(JanusConfig.berkeley(dir), types, new ChangeFeed())) {
      TenantId tenant = new TenantId("acme");
      TenantId other = new TenantId("other");
      for (TenantId t : List.of(tenant, other)) {
        List<io.tributary.catalog.EntityWrite> batch = new ArrayList<>();
        for (int i = 0; i < n; i++) {
          batch.add(
              io.tributary.catalog.EntityWrite.of(
                  new io.tributary.catalog.EntityKey(t, "kafka_topic", "topic-" + i + "@prod"),
                  BASE));
          if (batch.size() == 1000) {
            catalog.apply(new Mutation("bench", batch, List.of()));
            batch.clear();
          }
        }
      }
      java.util.concurrent.atomic.AtomicLong audited = new java.util.concurrent.atomic.AtomicLong();
      io.tributary.ranger.governance.Retention retention =
          new io.tributary.ranger.governance.Retention(
              new io.tributary.ranger.governance.GovernanceContext(
                  catalog,
                  new io.tributary.ranger.governance.GovernanceStore(catalog, Clock.systemUTC()),
                  types,
                  new io.tributary.ranger.EntityResources(types, "default"),
                  () -> List.of(tenant),
                  Clock.systemUTC()),
              t -> java.util.Optional.of(java.time.Duration.ofMillis(1)),
              new io.tributary.ranger.audit.AuditSink() {
                @Override
                public void send(io.tributary.ranger.audit.AuditRecord record) {
                  audited.incrementAndGet();
                }

                @Override
                public long dropped() {
                  return 0;
                }
              });
      long t0 = System.nanoTime();
      int planned = retention.dryRun(tenant).removed().size();
      long t1 = System.nanoTime();
      int purged = retention.purge(tenant, "bench").removed().size();
      long t2 = System.nanoTime();
      List<io.tributary.catalog.Guid> guids = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        guids.add(
            io.tributary.catalog.Guid.forKey(
                new io.tributary.catalog.EntityKey(other, "kafka_topic", "topic-" + i + "@prod")));
      }
      long t3 = System.nanoTime();
      for (io.tributary.catalog.Guid g : guids) {
        catalog.delete(g);
      }
      long t4 = System.nanoTime();
      System.out.printf(
          "purge: dry run of %d entities %.2f s; purge of %d (audited %d) %.2f s, %,.0f entities/s;"
              + " deleting %d by guid directly %.2f s, %,.0f entities/s (purge %.2f of direct)%n",
          planned,
          (t1 - t0) / 1e9,
          purged,
          audited.get(),
          (t2 - t1) / 1e9,
          purged / ((t2 - t1) / 1e9),
          n,
          (t4 - t3) / 1e9,
          n / ((t4 - t3) / 1e9),
          (purged / ((t2 - t1) / 1e9)) / (n / ((t4 - t3) / 1e9)));
    }
  }

  private static Mutation translate(EventTranslator translator, String event) throws Exception {
    return translator.translate(JSON.readTree(event), TenantId.DEFAULT).mutation();
  }

  /** Job {@code hop} of chain {@code chain}: topic c-h to topic c-(h+1). */
  private static String event(String type, int chain, int hop, long seq, boolean statistics) {
    String in = "chain-" + chain + "-" + hop;
    String out = "chain-" + chain + "-" + (hop + 1);
    StringBuilder fields = new StringBuilder();
    for (String f : FIELDS) {
      if (fields.length() > 0) {
        fields.append(',');
      }
      boolean mask = f.equals("email") && hop % 5 == 4;
      fields
          .append("\"")
          .append(f)
          .append("\":{\"inputFields\":[{\"namespace\":\"kafka://broker:9092\",\"name\":\"")
          .append(in)
          .append("\",\"field\":\"")
          .append(f)
          .append("\",\"transformations\":[{\"type\":\"DIRECT\",\"subtype\":\"")
          .append(mask ? "TRANSFORMATION\",\"masking\":true" : "IDENTITY\"")
          .append("}]}]}");
    }
    String stats =
        statistics
            ? ",\"outputFacets\":{\"outputStatistics\":{\"_producer\":\""
                + PRODUCER
                + "\",\"_schemaURL\":\"https://openlineage.io/spec/facets/1-0-2/OutputStatisticsOutputDatasetFacet.json#/$defs/OutputStatisticsOutputDatasetFacet\",\"rowCount\":"
                + seq
                + "}}"
            : "";
    return """
        {"eventType":"%s","eventTime":"%s","producer":"%s",
         "schemaURL":"https://openlineage.io/spec/2-0-2/OpenLineage.json#/$defs/RunEvent",
         "run":{"runId":"%s"},
         "job":{"namespace":"bench","name":"chain-%d-job-%d"},
         "inputs":[{"namespace":"kafka://broker:9092","name":"%s","facets":{%s}}],
         "outputs":[{"namespace":"kafka://broker:9092","name":"%s","facets":{%s,
           "columnLineage":{"_producer":"%s",
             "_schemaURL":"https://openlineage.io/spec/facets/1-2-0/ColumnLineageDatasetFacet.json#/$defs/ColumnLineageDatasetFacet",
             "fields":{%s}}}%s}]}
        """
        .formatted(
            type,
            BASE.plusMillis(seq),
            PRODUCER,
            new UUID(0x0190_0000_0000_7000L, chain * 1000L + hop + 1),
            chain,
            hop,
            in,
            schema(),
            out,
            schema(),
            PRODUCER,
            fields,
            stats);
  }

  private static String schema() {
    StringBuilder out = new StringBuilder();
    for (String f : FIELDS) {
      if (out.length() > 0) {
        out.append(',');
      }
      out.append("{\"name\":\"").append(f).append("\",\"type\":\"string\"}");
    }
    return "\"schema\":{\"_producer\":\""
        + PRODUCER
        + "\",\"_schemaURL\":\"https://openlineage.io/spec/facets/1-1-1/SchemaDatasetFacet.json#/$defs/SchemaDatasetFacet\",\"fields\":["
        + out
        + "]}";
  }
}
