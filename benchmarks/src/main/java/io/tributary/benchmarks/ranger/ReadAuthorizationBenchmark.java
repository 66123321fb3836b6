package io.tributary.benchmarks.ranger;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tributary.catalog.ChangeFeed;
import io.tributary.catalog.Direction;
import io.tributary.catalog.EntityKey;
import io.tributary.catalog.Guid;
import io.tributary.catalog.LineageGraph;
import io.tributary.catalog.LineageLevel;
import io.tributary.catalog.LineageQuery;
import io.tributary.catalog.Mutation;
import io.tributary.catalog.SearchQuery;
import io.tributary.catalog.SearchResult;
import io.tributary.catalog.TenantId;
import io.tributary.catalog.Types;
import io.tributary.catalog.Visibility;
import io.tributary.catalog.janus.JanusCatalog;
import io.tributary.catalog.janus.JanusConfig;
import io.tributary.catalog.types.TypeRegistry;
import io.tributary.openlineage.EventTranslator;
import io.tributary.openlineage.NamespaceResolver;
import io.tributary.ranger.AccessType;
import io.tributary.ranger.AuthorizerConfig;
import io.tributary.ranger.EntityResources;
import io.tributary.ranger.Principal;
import io.tributary.ranger.TributaryAuthorizer;
import io.tributary.ranger.audit.AuditRecord;
import io.tributary.ranger.audit.AuditSink;
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
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Read throughput of the catalog as the server's read endpoints use it, with the authorizer ({@code
 * ranger}: a new {@code visibilityFor(reader, READ)} per operation, as per request; lineage with
 * {@code LINEAGE} and {@code READ}) against without it ({@code none}: {@code Visibility.all()}), in
 * the same run on the same BerkeleyJE catalog.
 *
 * <p>The catalog holds three tenants of {@value #PIPELINES} two-job pipelines each ({@code src-i ->
 * a-i -> mid-i -> b-i -> out-i}), written through the OpenLineage mapping so entities carry the
 * attributes Ranger resources are derived from; tenant-1 shares its {@code out-*} topics with
 * tenant-2. The reader is tenant-1's, and every query is about tenant-1's own data, so both modes
 * return the same results and only the authorization differs.
 *
 * <pre>
 * java -cp benchmarks/target/classes:$(cat cp.txt) org.openjdk.jmh.Main ReadAuthorizationBenchmark
 * </pre>
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 5, time = 3)
@Fork(1)
@State(Scope.Benchmark)
public class ReadAuthorizationBenchmark {
  static final int PIPELINES = 100;
  private static final String KAFKA = "kafka://broker:9092";
  private static final List<TenantId> TENANTS =
      List.of(new TenantId("tenant-1"), new TenantId("tenant-2"), new TenantId("tenant-3"));

  @Param({"none", "ranger"})
  public String authorization;

  private Path dir;
  private JanusCatalog catalog;
  private TributaryAuthorizer authorizer;
  private Principal reader;
  private Guid[] guids;
  private Guid[] sources;
  private int next;

  @Setup(Level.Trial)
  public void start() throws IOException {
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

  @TearDown(Level.Trial)
  public void stop() throws IOException {
    authorizer.close();
    catalog.close();
    try (Stream<Path> files = Files.walk(dir)) {
      files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
  }

  private Visibility read() {
    return authorization.equals("none")
        ? Visibility.all()
        : authorizer.visibilityFor(reader, AccessType.READ);
  }

  /** As the server's caller: the request's read visibility, and lineage's on top of it. */
  private Visibility lineage(Visibility read) {
    return authorization.equals("none")
        ? read
        : authorizer.visibilityFor(reader, AccessType.LINEAGE).and(read);
  }

  /** {@code GET /api/v1/entities/{guid}}. */
  @Benchmark
  public Object entityByGuid() {
    return catalog.get(guids[next++ % PIPELINES], read());
  }

  /** {@code GET /api/v1/search?q=mid-1&type=kafka_topic&tenant=tenant-1}: 11 hits. */
  @Benchmark
  public SearchResult search25() {
    return catalog.search(search(), read());
  }

  /** {@code GET /api/v1/lineage/{guid}?direction=DOWNSTREAM&depth=3}, after the existence check. */
  @Benchmark
  public LineageGraph lineageDepth3() {
    Guid start = sources[next++ % PIPELINES];
    Visibility read = read();
    catalog.get(start, read).orElseThrow();
    return catalog.lineage(
        new LineageQuery(start, Direction.DOWNSTREAM, 3, LineageLevel.DATASET), lineage(read));
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
