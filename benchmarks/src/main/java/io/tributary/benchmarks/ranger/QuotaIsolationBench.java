package io.tributary.benchmarks.ranger;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tributary.contract.IngestHeaders;
import io.tributary.contract.TenantId;
import io.tributary.ranger.auth.ApiKeys;
import io.tributary.ranger.auth.SecretHasher;
import io.tributary.ranger.auth.UsersFile;
import io.tributary.ranger.tenancy.TenantRole;
import io.tributary.testkit.RunningCatalog;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Ingest throughput of one tenant ({@code steady}, unlimited) alone, against the same while another
 * tenant ({@code flood}, 20 events/s, burst 20) sends far past its quota and is answered 429: at
 * ten times its quota (200 events/s), and as fast as its clients can. One server with
 * authentication on (API keys); the flood names its tenant in {@code X-Tributary-Tenant}, as
 * Tributary's emitters do; the three phases alternate in one run, and the figures are medians over
 * the rounds.
 *
 * <p>Usage: {@code QuotaIsolationBench [secondsPerPhase] [steadyClients] [floodClients] [rounds]}.
 */
public final class QuotaIsolationBench {
  private static final ObjectMapper JSON = new ObjectMapper();

  private QuotaIsolationBench() {}

  public static void main(String[] args) throws Exception {
    int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 15;
    int steadyClients = args.length > 1 ? Integer.parseInt(args[1]) : 4;
    int floodClients = args.length > 2 ? Integer.parseInt(args[2]) : 4;
    int rounds = args.length > 3 ? Integer.parseInt(args[3]) : 2;
    Path dir = Files.createTempDirectory("bench-quota");
    Map<String, String> keys = writeUsers(dir.resolve("users.json"));
    try (RunningCatalog server =
        RunningCatalog.start(
            dir, Map.of("auth.users-file", dir.resolve("users.json").toString()))) {
      HttpClient http =
          HttpClient.newBuilder()
              .version(HttpClient.Version.HTTP_1_1)
              .connectTimeout(Duration.ofSeconds(10))
              .build();
      URI base = server.uri();
      create(http, base, keys.get("platform"), "{\"id\":\"steady\"}");
      create(
          http,
          base,
          keys.get("platform"),
          "{\"id\":\"flood\",\"quotas\":{\"eventsPerSecond\":20,\"burst\":20}}");
      System.out.printf(
          "quota isolation: %d s per phase, %d steady clients, %d flood clients, %d rounds%n",
          seconds, steadyClients, floodClients, rounds);
      // Warm-up: JIT, JanusGraph caches, connections.
      phase(http, base, keys, 4 * seconds, steadyClients, floodClients, 200, "warm-up");
      List<Double> alone = new ArrayList<>();
      List<Double> paced = new ArrayList<>();
      List<Double> unbounded = new ArrayList<>();
      for (int round = 1; round <= rounds; round++) {
        double a = phase(http, base, keys, seconds, steadyClients, 0, 0, "alone #" + round);
        double p =
            phase(http, base, keys, seconds, steadyClients, floodClients, 200, "10x #" + round);
        double u =
            phase(http, base, keys, seconds, steadyClients, floodClients, 0, "flat-out #" + round);
        // Ratios within a round: absolute rates drift with warm-up and the machine's other load.
        alone.add(a);
        paced.add(p / a);
        unbounded.add(u / a);
      }
      System.out.printf(
          "steady tenant: median %.0f events/s alone; median ratio to alone in the same round:"
              + " %.2f with flood at 10x its quota, %.2f with flood flat out%n",
          median(alone), median(paced), median(unbounded));
    }
  }

  /** Runs steady clients (and flood clients) for {@code seconds}; returns steady's events/s. */
  private static double phase(
      HttpClient http,
      URI base,
      Map<String, String> keys,
      int seconds,
      int steadyClients,
      int floodClients,
      int floodRate,
      String name)
      throws InterruptedException {
    AtomicBoolean running = new AtomicBoolean(true);
    AtomicLong steadyOk = new AtomicLong();
    AtomicLong steadyFailed = new AtomicLong();
    AtomicLong floodOk = new AtomicLong();
    AtomicLong floodRefused = new AtomicLong();
    ConcurrentLinkedQueue<Long> latencies = new ConcurrentLinkedQueue<>();
    List<Thread> threads = new ArrayList<>();
    for (int c = 0; c < floodClients; c++) {
      threads.add(
          started(
              () -> {
                // Each client sends its share of floodRate (0: flat out) on a fixed schedule.
                long interval = floodRate == 0 ? 0 : 1_000_000_000L * floodClients / floodRate;
                long due = System.nanoTime();
                while (running.get()) {
                  int status = post(http, base, keys.get("flood"), event("flood"), "flood");
                  (status == 201 ? floodOk : floodRefused).incrementAndGet();
                  due += interval;
                  long wait = due - System.nanoTime();
                  if (wait > 0) {
                    sleep(wait);
                  }
                }
              }));
    }
    long start = System.nanoTime();
    for (int c = 0; c < steadyClients; c++) {
      threads.add(
          started(
              () -> {
                while (running.get()) {
                  long t0 = System.nanoTime();
                  int status = post(http, base, keys.get("steady"), event("steady"), null);
                  if (status == 201) {
                    steadyOk.incrementAndGet();
                    latencies.add(System.nanoTime() - t0);
                  } else {
                    steadyFailed.incrementAndGet();
                  }
                }
              }));
    }
    Thread.sleep(seconds * 1000L);
    running.set(false);
    for (Thread t : threads) {
      t.join();
    }
    double elapsed = (System.nanoTime() - start) / 1e9;
    long[] sorted = latencies.stream().mapToLong(Long::longValue).sorted().toArray();
    double rate = steadyOk.get() / elapsed;
    System.out.printf(
        "%-11s steady %6.0f events/s (p50 %5.1f ms, p99 %6.1f ms, %d failed) | flood %5.1f"
            + " accepted/s, %7.0f refused/s%n",
        name,
        rate,
        percentile(sorted, 50),
        percentile(sorted, 99),
        steadyFailed.get(),
        floodOk.get() / elapsed,
        floodRefused.get() / elapsed);
    return rate;
  }

  private static Thread started(Runnable body) {
    Thread thread = new Thread(body);
    thread.start();
    return thread;
  }

  private static void sleep(long nanos) {
    try {
      Thread.sleep(nanos / 1_000_000, (int) (nanos % 1_000_000));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static int post(HttpClient http, URI base, String key, String body, String tenant) {
    try {
      HttpRequest.Builder request =
          HttpRequest.newBuilder(base.resolve("api/v1/lineage"))
              .header("Content-Type", "application/json")
              .header("X-API-Key", key)
              .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
      if (tenant != null) {
        request.header(IngestHeaders.HTTP_TENANT, tenant);
      }
      return http.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    } catch (IOException e) {
      return -1;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return -1;
    }
  }

  private static void create(HttpClient http, URI base, String key, String body)
      throws IOException, InterruptedException {
    HttpResponse<String> r =
        http.send(
            HttpRequest.newBuilder(base.resolve("api/v1/tenants"))
                .header("Content-Type", "application/json")
                .header("X-API-Key", key)
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    if (r.statusCode() != 201) {
      throw new IllegalStateException("creating a tenant: " + r.statusCode() + " " + r.body());
    }
  }

  /** A RUNNING snapshot of one of 50 jobs, in a new run: every event writes. */
  private static String event(String tenant) {
    int job = (int) (Math.random() * 50);
    ObjectNode e = JSON.createObjectNode();
    e.put("eventType", "RUNNING");
    e.put("eventTime", java.time.Instant.now().toString());
    e.put("producer", "https://github.com/tributary/benchmarks");
    e.put("schemaURL", "https://openlineage.io/spec/2-0-2/OpenLineage.json#/$defs/RunEvent");
    e.putObject("run").put("runId", UUID.randomUUID().toString());
    e.putObject("job").put("namespace", "streaming").put("name", tenant + "-job-" + job);
    e.putArray("inputs")
        .addObject()
        .put("namespace", "kafka://broker:9092")
        .put("name", tenant + "-in-" + job);
    e.putArray("outputs")
        .addObject()
        .put("namespace", "kafka://broker:9092")
        .put("name", tenant + "-out-" + job);
    return e.toString();
  }

  private static Map<String, String> writeUsers(Path file) {
    ApiKeys issuer = new ApiKeys(new SecureRandom(), new SecretHasher());
    UsersFile users = UsersFile.empty();
    Map<String, String> keys = new LinkedHashMap<>();
    Map<String, ApiKeys.Issued> issued = new LinkedHashMap<>();
    issued.put(
        "platform",
        issuer.issue("platform", Set.of(), Set.of(TenantRole.PLATFORM_ADMIN), TenantId.DEFAULT));
    for (String tenant : List.of("steady", "flood")) {
      TenantId id = new TenantId(tenant);
      issued.put(
          tenant,
          issuer.issue(tenant + "-writer", Set.of(), Set.of(TenantRole.WRITER.roleName(id)), id));
    }
    for (var e : issued.entrySet()) {
      users = users.withApiKey(e.getValue().entry());
      keys.put(e.getKey(), e.getValue().key());
    }
    users.save(file);
    return keys;
  }

  private static double percentile(long[] sorted, double p) {
    if (sorted.length == 0) {
      return Double.NaN;
    }
    int index = (int) Math.min(sorted.length - 1, Math.ceil(p / 100.0 * sorted.length) - 1);
    return sorted[Math.max(0, index)] / 1e6;
  }

  private static double median(List<Double> values) {
    double[] sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
    return sorted.length % 2 == 1
        ? sorted[sorted.length / 2]
        : (sorted[sorted.length / 2 - 1] + sorted[sorted.length / 2]) / 2;
  }
}
