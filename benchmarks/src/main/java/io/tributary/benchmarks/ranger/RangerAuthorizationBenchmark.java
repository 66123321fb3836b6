package io.tributary.benchmarks.ranger;

import io.tributary.contract.TenantId;
import io.tributary.ranger.AccessType;
import io.tributary.ranger.AuthorizerConfig;
import io.tributary.ranger.EntityResources;
import io.tributary.ranger.Principal;
import io.tributary.ranger.ResourcePath;
import io.tributary.ranger.TributaryAuthorizer;
import io.tributary.ranger.audit.AuditRecord;
import io.tributary.ranger.audit.AuditSink;
import io.tributary.ranger.tenancy.LocalPolicyStore;
import io.tributary.ranger.tenancy.TenantPolicies;
import io.tributary.ranger.tenancy.TenantRole;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.Set;
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
 * Latency of one Ranger decision through {@link TributaryAuthorizer#isAllowed} (a new request each
 * time, audit handler included, audit records discarded), with 10, 100 and 1,000 tenant policies in
 * force. Sample mode reports the p50 and p99 in microseconds:
 *
 * <pre>
 * java -cp benchmarks.jar:... org.openjdk.jmh.Main RangerAuthorizationBenchmark
 * </pre>
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@State(Scope.Benchmark)
public class RangerAuthorizationBenchmark {
  private static final int REQUESTS = 1024;

  @Param({"10", "100", "1000"})
  public int policies;

  private Path dataDir;
  private TributaryAuthorizer authorizer;
  private Principal[] principals;
  private ResourcePath[] own;
  private ResourcePath[] foreign;
  private int next;

  @Setup(Level.Trial)
  public void start() throws IOException {
    dataDir = Files.createTempDirectory("ranger-bench");
    AuthorizerConfig config =
        AuthorizerConfig.localFiles(dataDir)
            .withPollInterval(Duration.ofHours(1), Duration.ofHours(1));
    LocalPolicyStore store = new LocalPolicyStore(config.policyDir(), "tributary");
    TenantPolicies templates = new TenantPolicies("tributary");
    store.put(templates.forPlatform());
    // One policy per tenant; the platform policy makes the total N.
    for (int t = 1; t < policies; t++) {
      store.put(templates.forTenant(tenant(t)));
    }
    authorizer = TributaryAuthorizer.start(config, new DiscardingSink(), EntityResources.builtIn());
    principals = new Principal[REQUESTS];
    own = new ResourcePath[REQUESTS];
    foreign = new ResourcePath[REQUESTS];
    for (int i = 0; i < REQUESTS; i++) {
      int t = 1 + (i * 7919) % (policies - 1);
      int other = 1 + (t % (policies - 1));
      TenantId tenant = tenant(t);
      principals[i] =
          new Principal("user-" + t, Set.of(), Set.of(TenantRole.READER.roleName(tenant)), tenant);
      own[i] = ResourcePath.dataset(tenant, "prod", "orders-" + i);
      foreign[i] = ResourcePath.dataset(tenant(other), "prod", "orders-" + i);
    }
    if (!authorizer.isAllowed(principals[0], AccessType.READ, own[0])
        || (policies > 2 && authorizer.isAllowed(principals[0], AccessType.READ, foreign[0]))) {
      throw new IllegalStateException("policies did not load as expected");
    }
  }

  @TearDown(Level.Trial)
  public void stop() throws IOException {
    authorizer.close();
    try (Stream<Path> files = Files.walk(dataDir)) {
      files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
  }

  @Benchmark
  public boolean allowedRead() {
    int i = next++ & (REQUESTS - 1);
    return authorizer.isAllowed(principals[i], AccessType.READ, own[i]);
  }

  @Benchmark
  public boolean deniedReadOfAnotherTenant() {
    int i = next++ & (REQUESTS - 1);
    return authorizer.isAllowed(principals[i], AccessType.READ, foreign[i]);
  }

  private static TenantId tenant(int t) {
    return new TenantId("tenant-" + t);
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
