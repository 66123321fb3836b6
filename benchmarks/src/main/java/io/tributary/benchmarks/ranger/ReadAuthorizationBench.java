package io.tributary.benchmarks.ranger;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tributary.catalog.ChangeFeed;
import io.tributary.catalog.Direction;
import io.tributary.catalog.EntityKey;
import io.tributary.catalog.Guid;
import io.tributary.catalog.LineageLevel;
import io.tributary.catalog.LineageQuery;
import io.tributary.catalog.Mutation;
import io.tributary.catalog.SearchQuery;
import io.tributary.catalog.SearchResult;
import io.tributary.catalog.Types;
import io.tributary.catalog.Visibility;
import io.tributary.catalog.janus.JanusCatalog;
import io.tributary.catalog.janus.JanusConfig;
import io.tributary.catalog.types.TypeRegistry;
import io.tributary.contract.TenantId;
import io.tributary.openlineage.EventTranslator;
import io.tributary.openlineage.NamespaceResolver;
import io.tributary.ranger.AccessType;
import io.tributary.ranger.AuthorizerConfig;
import io.tributary.ranger.EntityResources;
import io.tributary.ranger.Principal;
import io.tributary.ranger.ReadRequest;
import io.tributary.ranger.TributaryAuthorizer;
import io.tributary.ranger.audit.AuditRecord;
import io.tributary.ranger.audit.AuditSink;
import io.tributary.ranger.audit.ReadAudit;
import io.tributary.ranger.tenancy.LocalPolicyStore;
import io.tributary.ranger.tenancy.Share;
import io.tributary.ranger.tenancy.TenantPolicies;
import io.tributary.ranger.tenancy.TenantRole;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * Read throughput of the catalog as the server's read endpoints use it, with the authorizer ({@code
 * ranger}: a new {@code readRequest(reader)} per operation, as per request, finished with the
 * server's default read audit (denials only); lineage deciding {@code LINEAGE} and {@code READ})
 * against without it ({@code none}: {@code Visibility.all()}), on the same BerkeleyJE catalog in
 * the same run. The two modes alternate in short blocks, so that other load on the machine weighs
 * on both alike; the figures are medians over the blocks.
 *
 * <p>The catalog holds three tenants of {@value #PIPELINES} two-job pipelines each ({@code src-i ->
 * a-i -> mid-i -> b-i -> out-i}), written through the OpenLineage mapping so entities carry the
 * attributes Ranger resources are derived from; tenant-1 shares its {@code out-*} topics with
 * tenant-2. The reader is tenant-1's and every query is about tenant-1's own data, so both modes
 * return the same results and only the authorization differs.
 *
 * <p>Usage: {@code ReadAuthorizationBench [rounds] [blockMillis]}.
 */
public final class ReadAuthorizationBench implements AutoCloseable {
  static final int PIPELINES = 100;
  private static final String KAFKA = "kafka://broker:9092";
  private static final List<TenantId> TENANTS =
      List.of(new TenantId("tenant-1"), new TenantId("tenant-2"), new TenantId("tenant-3"));

  private Path dir;
  private JanusCatalog catalog;
  private TributaryAuthorizer authorizer;
  private Principal reader;
  private final ReadAudit audit = ReadAudit.denialsOnly(new DiscardingSink());
  private Guid[] guids;
  private Guid[] sources;
  private int next;

  private ReadAuthorizationBench() {}

  public static void main(String[] args) throws Exception {
    int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 15;
    long block = args.length > 1 ? Long.parseLong(args[1]) : 1_000;
    try (ReadAuthorizationBench bench = new ReadAuthorizationBench()) {
      bench.start();
      Map<String, Op> ops = new LinkedHashMap<>();
      ops.put("GET entity by guid", bench::entityByGuid);
      ops.put("search (11 hits)", bench::search25);
      ops.put("lineage depth 3", bench::lineageDepth3);
      System.out.printf(
          "read authorization: %d rounds of %d ms per operation and mode%n", rounds, block);
      for (Op op : ops.values()) {
        for (boolean ranger : new boolean[] {false, true}) {
          rate(op, ranger, 3_000);
        }
      }
      for (var e : ops.entrySet()) {
        double[] none = new double[rounds];
        double[] ranger = new double[rounds];
        double[] ratios = new double[rounds];
        for (int r = 0; r < rounds; r++) {
          // Alternate which mode goes first, so neither always follows the other.
          if (r % 2 == 0) {
            none[r] = rate(e.getValue(), false, block);
            ranger[r] = rate(e.getValue(), true, block);
          } else {
            ranger[r] = rate(e.getValue(), true, block);
            none[r] = rate(e.getValue(), false, block);
          }
          ratios[r] = ranger[r] / none[r];
        }
        System.out.printf(
            "%-20s none %8.0f ops/s | ranger %8.0f ops/s | ranger/none %.3f (median of"
                + " per-round ratios; p25 %.3f, p75 %.3f)%n",
            e.getKey(),
            median(none),
            median(ranger),
            median(ratios),
            percentile(ratios, 25),
            percentile(ratios, 75));
      }
      // The ratios above carry the noise of a shared machine; the authorizer's own work per
      // operation, timed alone on the same entities, is the steadier figure of what it adds.
      double none = rate(bench::entityByGuid, false, block);
      double alone = bench.authorizationAlone(false, rounds * block / 2);
      System.out.printf(
          "authorization alone: entity by guid %.2f us per request (%.3f of a %.1f us read)%n",
          alone, 1e6 / none / (1e6 / none + alone), 1e6 / none);
      none = rate(bench::lineageDepth3, false, block);
      alone = bench.authorizationAlone(true, rounds * block / 2);
      System.out.printf(
          "authorization alone: lineage depth 3 %.2f us per request (%.3f of a %.1f us read)%n",
          alone, 1e6 / none / (1e6 / none + alone), 1e6 / none);
    }
  }

  /**
   * Microseconds per request of the authorizer's work alone: a new request, the decisions of the
   * entities one operation reads, its audit.
   */
  private double authorizationAlone(boolean lineage, long millis) {
    List<List<io.tributary.catalog.Entity>> reads = new ArrayList<>();
    for (int i = 0; i < PIPELINES; i++) {
      if (lineage) {
        var graph =
            catalog.lineage(
                new LineageQuery(sources[i], Direction.DOWNSTREAM, 3, LineageLevel.DATASET),
                Visibility.all());
        List<io.tributary.catalog.Entity> entities = new ArrayList<>(graph.entities().values());
        entities.add(catalog.get(sources[i], Visibility.all()).orElseThrow());
        reads.add(entities);
      } else {
        reads.add(List.of(catalog.get(guids[i], Visibility.all()).orElseThrow()));
      }
    }
    long end = System.nanoTime() + millis * 1_000_000L;
    long start = System.nanoTime();
    long count = 0;
    boolean seen = true;
    while (System.nanoTime() < end) {
      for (int i = 0; i < 256; i++) {
        List<io.tributary.catalog.Entity> entities = reads.get(i % PIPELINES);
        ReadRequest request = authorizer.readRequest(reader);
        Visibility v = lineage ? request.lineage() : request.visibility(AccessType.READ);
        for (io.tributary.catalog.Entity e : entities) {
          seen &= v.canSee(e);
        }
        request.finish("GET /bench", audit);
      }
      count += 256;
    }
    if (!seen) {
      throw new IllegalStateException("the reader was denied its own tenant's data");
    }
    return (System.nanoTime() - start) / 1e3 / count;
  }

  @FunctionalInterface
  interface Op {
    Object run(boolean ranger);
  }

  private static double rate(Op op, boolean ranger, long millis) {
    long end = System.nanoTime() + millis * 1_000_000L;
    long count = 0;
    long start = System.nanoTime();
    long now;
    do {
      for (int i = 0; i < 16; i++) {
        if (op.run(ranger) == null) {
          throw new IllegalStateException("no result");
        }
      }
      count += 16;
      now = System.nanoTime();
    } while (now < end);
    return count / ((now - start) / 1e9);
  }

  private static double median(double[] values) {
    return percentile(values, 50);
  }

  private static double percentile(double[] values, double p) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    int index = (int) Math.min(sorted.length - 1, Math.ceil(p / 100.0 * sorted.length) - 1);
    return sorted[Math.max(0, index)];
  }

  private void start() throws IOException {
    dir = Files.createTempDirectory("bench-read-authz");
    TypeRegistry types = TypeRegistry.builtIn();
    catalog =
        JanusCatalog.open(JanusConfig.berkeley(dir.resolve("catalog")), types, new ChangeFeed());
    EventTranslator translator =
        EventTranslator.create(NamespaceResolver.of(Map.of(KAFKA, "prod")), types);
    ObjectMapper json = new ObjectMapper();
    for (TenantId tenant : TENANTS) {
      List<Mutation> mutations = new ArrayList<>();
      for (int i = 0; i < PIPELINES; i++) {
        mutations.add(
            translator.translate(event(json, "a-" + i, "src-" + i, "mid-" + i), tenant).mutation());
        mutations.add(
            translator.translate(event(json, "b-" + i, "mid-" + i, "out-" + i), tenant).mutation());
      }
      catalog.applyAll(mutations);
    }

    AuthorizerConfig config =
        AuthorizerConfig.localFiles(dir).withPollInterval(Duration.ofHours(1), Duration.ofHours(1));
    LocalPolicyStore store = new LocalPolicyStore(config.policyDir(), config.serviceName());
    TenantPolicies templates = new TenantPolicies(config.serviceName());
    store.put(templates.forPlatform());
    TENANTS.forEach(t -> store.put(templates.forTenant(t)));
    store.put(
        templates.forShare(
            new Share(
                "bench", TENANTS.get(0), TENANTS.get(1), "prod", List.of("out-*"), Instant.EPOCH)));
    authorizer =
        TributaryAuthorizer.start(
            config, new DiscardingSink(), new EntityResources(types, "default"));
    TenantId own = TENANTS.get(0);
    reader = new Principal("reader", Set.of(), Set.of(TenantRole.READER.roleName(own)), own);

    guids = new Guid[PIPELINES];
    sources = new Guid[PIPELINES];
    for (int i = 0; i < PIPELINES; i++) {
      guids[i] = guid(new EntityKey(own, Types.KAFKA_TOPIC, "mid-" + i + "@prod"));
      sources[i] = guid(new EntityKey(own, Types.KAFKA_TOPIC, "src-" + i + "@prod"));
    }
    // Both modes must return the same: check once rather than trust.
    SearchResult all = catalog.search(search(), Visibility.all());
    SearchResult authorized =
        catalog.search(search(), authorizer.visibilityFor(reader, AccessType.READ));
    if (all.total() != authorized.total() || all.total() == 0) {
      throw new IllegalStateException(
          "modes differ: " + all.total() + " without, " + authorized.total() + " with Ranger");
    }
    TenantId other = TENANTS.get(2);
    if (catalog
        .get(
            guid(new EntityKey(other, Types.KAFKA_TOPIC, "mid-0@prod")),
            authorizer.visibilityFor(reader, AccessType.READ))
        .isPresent()) {
      throw new IllegalStateException("the reader sees another tenant: policies did not load");
    }
  }

  private Guid guid(EntityKey key) {
    return catalog.get(key, Visibility.all()).orElseThrow().guid();
  }

  private static SearchQuery search() {
    return new SearchQuery("mid-1", Types.KAFKA_TOPIC, null, TENANTS.get(0), Map.of(), 25, 0);
  }

  private static ObjectNode event(ObjectMapper json, String job, String in, String out) {
    ObjectNode e = json.createObjectNode();
    e.put("eventType", "RUNNING");
    e.put("eventTime", "2026-03-01T10:00:00Z");
    e.put("producer", "https://github.com/tributary/benchmarks");
    e.put("schemaURL", "https://openlineage.io/spec/2-0-2/OpenLineage.json#/$defs/RunEvent");
    e.putObject("run")
        .put("runId", UUID.nameUUIDFromBytes(job.getBytes(StandardCharsets.UTF_8)).toString());
    e.putObject("job").put("namespace", "streaming").put("name", job);
    e.putArray("inputs").addObject().put("namespace", KAFKA).put("name", in);
    e.putArray("outputs").addObject().put("namespace", KAFKA).put("name", out);
    return e;
  }

  @Override
  public void close() throws IOException {
    authorizer.close();
    catalog.close();
    try (Stream<Path> files = Files.walk(dir)) {
      files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
  }

  /** {@code GET /api/v1/entities/{guid}}. */
  private Object entityByGuid(boolean ranger) {
    if (!ranger) {
      return catalog.get(guids[next++ % PIPELINES], Visibility.all()).orElseThrow();
    }
    ReadRequest request = authorizer.readRequest(reader);
    Object entity =
        catalog.get(guids[next++ % PIPELINES], request.visibility(AccessType.READ)).orElseThrow();
    request.finish("GET /api/v1/entities/g", audit);
    return entity;
  }

  /** {@code GET /api/v1/search?q=mid-1&type=kafka_topic&tenant=tenant-1}: 11 hits. */
  private SearchResult search25(boolean ranger) {
    if (!ranger) {
      return catalog.search(search(), Visibility.all());
    }
    ReadRequest request = authorizer.readRequest(reader);
    SearchResult result = catalog.search(search(), request.visibility(AccessType.READ));
    request.finish("GET /api/v1/search", audit);
    return result;
  }

  /** {@code GET /api/v1/lineage/{guid}?direction=DOWNSTREAM&depth=3}, after the existence check. */
  private Object lineageDepth3(boolean ranger) {
    Guid start = sources[next++ % PIPELINES];
    LineageQuery query = new LineageQuery(start, Direction.DOWNSTREAM, 3, LineageLevel.DATASET);
    if (!ranger) {
      catalog.get(start, Visibility.all()).orElseThrow();
      return catalog.lineage(query, Visibility.all());
    }
    ReadRequest request = authorizer.readRequest(reader);
    catalog.get(start, request.visibility(AccessType.READ)).orElseThrow();
    Object lineage = catalog.lineage(query, request.lineage());
    request.finish("GET /api/v1/lineage/g", audit);
    return lineage;
  }

  private static final class DiscardingSink implements AuditSink {
    @Override
    public void send(AuditRecord record) {}

    @Override
    public long dropped() {
      return 0;
    }
  }
}
