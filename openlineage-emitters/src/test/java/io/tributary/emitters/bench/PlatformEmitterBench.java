package io.tributary.emitters.bench;

import io.tributary.emitters.kinesis.TributaryKinesisInterceptor;
import io.tributary.emitters.pulsar.TributaryConsumerInterceptor;
import io.tributary.emitters.pulsar.TributaryProducerInterceptor;
import io.tributary.emitters.testing.LineageEndpoint;
import io.tributary.emitters.testing.PulsarServer;
import io.tributary.testkit.kinesis.KinesisLocal;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.IntConsumer;
import org.apache.pulsar.client.api.Message;
import org.apache.pulsar.client.api.Producer;
import org.apache.pulsar.client.api.PulsarClient;
import org.apache.pulsar.client.api.Schema;
import org.apache.pulsar.client.api.SubscriptionInitialPosition;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.AwsExecutionAttribute;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.InterceptorContext;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.kinesis.KinesisClient;
import software.amazon.awssdk.services.kinesis.model.GetRecordsRequest;
import software.amazon.awssdk.services.kinesis.model.GetRecordsResponse;
import software.amazon.awssdk.services.kinesis.model.PutRecordRequest;
import software.amazon.awssdk.services.kinesis.model.PutRecordResponse;
import software.amazon.awssdk.services.kinesis.model.PutRecordsRequest;
import software.amazon.awssdk.services.kinesis.model.PutRecordsRequestEntry;
import software.amazon.awssdk.services.kinesis.model.Record;

/**
 * The Pulsar and Kinesis emitters' cost, in one run: throughput of the same Pulsar workload with
 * and without the interceptors (alternating which goes first) on a Pulsar standalone, and bytes
 * allocated per record on the Pulsar and Kinesis interceptor paths (the calling thread's allocated
 * bytes, from {@code com.sun.management.ThreadMXBean}, over a million calls, less the same loop
 * without the interceptor).
 *
 * <p>Kinesis throughput is measured against {@link KinesisLikeEndpoint}, an in-JVM HTTP endpoint
 * that answers {@code PutRecords} and {@code GetRecords} as the service does, not against
 * kinesis-local: that server emulates the service's per-shard limits (1,000 records/s), so the
 * SDK's throttling retries would be measured, not the interceptor. The SDK's work per request
 * (marshalling, signing, HTTP) is all there; the server's is not.
 *
 * <p>It lives beside the emitters' tests rather than in {@code benchmarks/}: Pulsar's broker needs
 * Jersey 2, the catalog server that the benchmarks module carries needs Jersey 4, and one JVM
 * cannot hold both.
 *
 * <pre>
 * ./mvnw -B -pl openlineage-emitters -am test-compile -Djs.skip=true
 * java -cp openlineage-emitters/target/test-classes:openlineage-emitters/target/classes:$(cat \
 *     openlineage-emitters/target/test-classes/io/tributary/emitters/testing/pulsar-standalone.classpath) \
 *     io.tributary.emitters.bench.PlatformEmitterBench
 * </pre>
 */
public final class PlatformEmitterBench {
  private static final int RECORD_BYTES = 100;
  private static final int ROUNDS = 10;
  private static final int WARMUP_ROUNDS = 2;
  private static final int PULSAR_RECORDS = 50_000;
  private static final int KINESIS_BATCH = 100;
  private static final int KINESIS_REQUESTS = 500;
  private static final int ALLOCATION_CALLS = 1_000_000;

  private PlatformEmitterBench() {}

  public static void main(String[] args) throws Exception {
    header("platform emitters", ROUNDS);
    try (LineageEndpoint endpoint = LineageEndpoint.start();
        PulsarServer pulsar = PulsarServer.start()) {
      Map<String, Object> lineage = lineage(endpoint);
      lineage.put("serviceUrl", pulsar.serviceUrl());
      kinesisAllocation(lineage);
      kinesisThroughput(lineage);
      try (PulsarClient client = PulsarClient.builder().serviceUrl(pulsar.serviceUrl()).build()) {
        pulsarThroughput(client, lineage);
        pulsarAllocation(client, lineage);
      }
      System.out.printf(
          Locale.ROOT, "lineage events received by the endpoint: %d%n", endpoint.bodies().size());
    }
  }

  static void header(String name, int rounds) {
    // Read once by the JDK's HTTP server: without it every answer waits for a delayed ACK.
    System.setProperty("sun.net.httpserver.nodelay", "true");
    System.out.printf(
        Locale.ROOT,
        "%s: %d rounds, %d processors, %s %s%n",
        name,
        rounds,
        Runtime.getRuntime().availableProcessors(),
        System.getProperty("java.vm.name"),
        System.getProperty("java.version"));
  }

  /** The emitters' keys for a bench run: http to the endpoint, snapshots every second. */
  static Map<String, Object> lineage(LineageEndpoint endpoint) {
    Map<String, Object> lineage = new HashMap<>();
    lineage.put("openlineage.transport.type", "http");
    lineage.put("openlineage.transport.url", endpoint.url());
    lineage.put("openlineage.transport.endpoint", LineageEndpoint.PATH);
    lineage.put("openlineage.namespace", "bench");
    lineage.put("openlineage.snapshot.interval.ms", "1000");
    lineage.put("openlineage.abort.on.jvm.exit", "false");
    lineage.put("openlineage.aws.account", KinesisLocal.ACCOUNT);
    return lineage;
  }

  // ---- Pulsar ----

  private static void pulsarThroughput(PulsarClient client, Map<String, Object> lineage)
      throws Exception {
    byte[] value = new byte[RECORD_BYTES];
    List<double[]> producer = new ArrayList<>();
    List<double[]> consumer = new ArrayList<>();
    int run = 0;
    // Unmeasured runs of each variant: class loading, the JIT, the bookie's caches.
    for (int warm = 0; warm < WARMUP_ROUNDS; warm++) {
      pulsarRun(client, null, value, ++run);
      pulsarRun(client, lineage, value, ++run);
    }
    for (int round = 1; round <= ROUNDS; round++) {
      boolean withFirst = round % 2 == 0;
      double[] a = pulsarRun(client, withFirst ? lineage : null, value, ++run);
      double[] b = pulsarRun(client, withFirst ? null : lineage, value, ++run);
      double[] without = withFirst ? b : a;
      double[] with = withFirst ? a : b;
      producer.add(new double[] {without[0], with[0]});
      consumer.add(new double[] {without[1], with[1]});
      System.out.printf(
          Locale.ROOT,
          "  pulsar round %d: producer %,.0f / %,.0f, consumer %,.0f / %,.0f rec/s (without/with)%n",
          round,
          without[0],
          with[0],
          without[1],
          with[1]);
    }
    summary("pulsar producer", producer);
    summary("pulsar consumer", consumer);
  }

  /** Produces PULSAR_RECORDS to a fresh topic, then consumes them; returns both rates. */
  @SuppressWarnings("unchecked")
  private static double[] pulsarRun(
      PulsarClient client, Map<String, Object> lineage, byte[] value, int run) throws Exception {
    String topic = "bench-" + run;
    Map<String, Object> config = lineage == null ? null : new HashMap<>(lineage);
    if (config != null) {
      config.put("openlineage.job.name", "pulsar-bench-" + run);
    }
    TributaryProducerInterceptor out =
        config == null ? null : new TributaryProducerInterceptor(config);
    TributaryConsumerInterceptor<byte[]> in =
        config == null ? null : new TributaryConsumerInterceptor<>(config);
    double produced;
    try (Producer<byte[]> p =
        (out == null
                ? client.newProducer(Schema.BYTES)
                : client.newProducer(Schema.BYTES).intercept(out))
            .topic(topic)
            .blockIfQueueFull(true)
            .create()) {
      long start = System.nanoTime();
      for (int i = 0; i < PULSAR_RECORDS; i++) {
        p.sendAsync(value);
      }
      p.flush();
      produced = PULSAR_RECORDS * 1e9 / (System.nanoTime() - start);
    }
    // The consumer subscribes once everything is written: its timing holds only reading.
    long start = System.nanoTime();
    try (var c =
        (in == null
                ? client.newConsumer(Schema.BYTES)
                : client.newConsumer(Schema.BYTES).intercept(in))
            .topic(topic)
            .subscriptionName("bench")
            .subscriptionInitialPosition(SubscriptionInitialPosition.Earliest)
            .receiverQueueSize(5000)
            .subscribe()) {
      int read = 0;
      while (read < PULSAR_RECORDS) {
        Message<byte[]> m = c.receive(30, TimeUnit.SECONDS);
        if (m == null) {
          throw new IllegalStateException("only " + read + " records read");
        }
        read++;
      }
      double consumed = PULSAR_RECORDS * 1e9 / (System.nanoTime() - start);
      return new double[] {produced, consumed};
    } finally {
      if (out != null) {
        out.close();
      }
      if (in != null) {
        in.close();
      }
    }
  }

  private static void pulsarAllocation(PulsarClient client, Map<String, Object> lineage)
      throws Exception {
    Map<String, Object> config = new HashMap<>(lineage);
    config.put("openlineage.job.name", "pulsar-allocation");
    try (TributaryProducerInterceptor out = new TributaryProducerInterceptor(config);
        TributaryConsumerInterceptor<byte[]> in = new TributaryConsumerInterceptor<>(config);
        var c =
            client
                .newConsumer(Schema.BYTES)
                .topic("allocation")
                .subscriptionName("bench")
                .subscriptionInitialPosition(SubscriptionInitialPosition.Earliest)
                .subscribe();
        Producer<byte[]> p = client.newProducer(Schema.BYTES).topic("allocation").create()) {
      p.send(new byte[RECORD_BYTES]);
      Message<byte[]> message = c.receive(30, TimeUnit.SECONDS);
      // Real client objects, called as the client calls the hooks on every record.
      allocation(
          "pulsar producer onSendAcknowledgement",
          i -> out.onSendAcknowledgement(p, message, null, null),
          i -> blackhole(p.getTopic().length() + message.size()));
      allocation(
          "pulsar consumer beforeConsume",
          i -> in.beforeConsume(c, message),
          i -> blackhole(message.getTopicName().length() + message.size()));
    }
  }

  // ---- Kinesis ----

  private static void kinesisThroughput(Map<String, Object> lineage) throws Exception {
    // The endpoint answers JSON; the SDK would otherwise speak CBOR to Kinesis.
    System.setProperty("aws.cborEnabled", "false");
    List<double[]> put = new ArrayList<>();
    List<double[]> get = new ArrayList<>();
    try (KinesisLikeEndpoint endpoint = new KinesisLikeEndpoint(KINESIS_BATCH, RECORD_BYTES)) {
      int run = 0;
      for (int warm = 0; warm < WARMUP_ROUNDS; warm++) {
        kinesisRun(endpoint, null, ++run);
        kinesisRun(endpoint, lineage, ++run);
      }
      for (int round = 1; round <= ROUNDS; round++) {
        boolean withFirst = round % 2 == 0;
        double[] a = kinesisRun(endpoint, withFirst ? lineage : null, ++run);
        double[] b = kinesisRun(endpoint, withFirst ? null : lineage, ++run);
        double[] without = withFirst ? b : a;
        double[] with = withFirst ? a : b;
        put.add(new double[] {without[0], with[0]});
        get.add(new double[] {without[1], with[1]});
        System.out.printf(
            Locale.ROOT,
            "  kinesis round %d: PutRecords %,.0f / %,.0f, GetRecords %,.0f / %,.0f rec/s"
                + " (without/with)%n",
            round,
            without[0],
            with[0],
            without[1],
            with[1]);
      }
    }
    summary("kinesis PutRecords (batches of " + KINESIS_BATCH + ")", put);
    summary("kinesis GetRecords (pages of " + KINESIS_BATCH + ")", get);
  }

  /** KINESIS_REQUESTS PutRecords of KINESIS_BATCH records, then as many GetRecords pages. */
  private static double[] kinesisRun(
      KinesisLikeEndpoint endpoint, Map<String, Object> lineage, int run) {
    Map<String, Object> config = lineage == null ? null : new HashMap<>(lineage);
    TributaryKinesisInterceptor interceptor = null;
    if (config != null) {
      config.put("openlineage.job.name", "kinesis-bench-" + run);
      interceptor = new TributaryKinesisInterceptor(config);
    }
    TributaryKinesisInterceptor lineageHook = interceptor;
    List<PutRecordsRequestEntry> entries = new ArrayList<>();
    for (int i = 0; i < KINESIS_BATCH; i++) {
      entries.add(
          PutRecordsRequestEntry.builder()
              .partitionKey("k" + i)
              .data(SdkBytes.fromByteArray(new byte[RECORD_BYTES]))
              .build());
    }
    PutRecordsRequest putRequest =
        PutRecordsRequest.builder().streamName("bench").records(entries).build();
    try (KinesisClient client =
        KinesisClient.builder()
            .endpointOverride(endpoint.uri())
            .region(Region.of(KinesisLocal.REGION))
            .credentialsProvider(
                StaticCredentialsProvider.create(AwsBasicCredentials.create("bench", "bench")))
            .overrideConfiguration(
                c -> {
                  c.apiCallAttemptTimeout(java.time.Duration.ofSeconds(5));
                  if (lineageHook != null) {
                    c.addExecutionInterceptor(lineageHook);
                  }
                })
            .build()) {
      long start = System.nanoTime();
      for (int i = 0; i < KINESIS_REQUESTS; i++) {
        client.putRecords(putRequest);
      }
      double written =
          KINESIS_REQUESTS * (double) KINESIS_BATCH * 1e9 / (System.nanoTime() - start);
      GetRecordsRequest getRequest =
          GetRecordsRequest.builder()
              .streamARN(KinesisLocal.arn("bench"))
              .shardIterator("it")
              .build();
      start = System.nanoTime();
      long read = 0;
      for (int i = 0; i < KINESIS_REQUESTS; i++) {
        read += client.getRecords(getRequest).records().size();
      }
      double readRate = read * 1e9 / (System.nanoTime() - start);
      return new double[] {written, readRate};
    } finally {
      if (interceptor != null) {
        interceptor.close();
      }
    }
  }

  private static void kinesisAllocation(Map<String, Object> lineage) {
    Map<String, Object> config = new HashMap<>(lineage);
    config.put("openlineage.job.name", "kinesis-allocation");
    ExecutionAttributes attributes = new ExecutionAttributes();
    attributes.putAttribute(AwsExecutionAttribute.AWS_REGION, Region.of(KinesisLocal.REGION));
    InterceptorContext put =
        InterceptorContext.builder()
            .request(
                PutRecordRequest.builder()
                    .streamName("bench")
                    .partitionKey("k")
                    .data(SdkBytes.fromByteArray(new byte[RECORD_BYTES]))
                    .build())
            .response(PutRecordResponse.builder().sequenceNumber("1").shardId("s").build())
            .build();
    List<Record> page = new ArrayList<>();
    for (int i = 0; i < 100; i++) {
      page.add(
          Record.builder()
              .partitionKey("k")
              .sequenceNumber(String.valueOf(i))
              .data(SdkBytes.fromByteArray(new byte[RECORD_BYTES]))
              .build());
    }
    InterceptorContext get =
        InterceptorContext.builder()
            .request(
                GetRecordsRequest.builder()
                    .streamARN(KinesisLocal.arn("bench"))
                    .shardIterator("it")
                    .build())
            .response(GetRecordsResponse.builder().records(page).nextShardIterator("it").build())
            .build();
    try (TributaryKinesisInterceptor interceptor = new TributaryKinesisInterceptor(config)) {
      allocation(
          "kinesis afterExecution PutRecord (1 record)",
          i -> interceptor.afterExecution(put, attributes),
          i -> blackhole(put.request().hashCode()));
      // Per call of 100 records; reported per record below.
      long perCall =
          allocation(
              "kinesis afterExecution GetRecords (page of 100, per page)",
              i -> interceptor.afterExecution(get, attributes),
              i -> blackhole(get.request().hashCode()));
      System.out.printf(
          Locale.ROOT, "  = %.2f B per record read with GetRecords%n", perCall / 100.0);
    }
  }

  // ---- measurement ----

  private static long sink;

  static void blackhole(long v) {
    sink += v;
  }

  /** Bytes per call of {@code path} less those of {@code baseline}, after a warm-up. */
  static long allocation(String name, IntConsumer path, IntConsumer baseline) {
    com.sun.management.ThreadMXBean threads =
        (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    long id = Thread.currentThread().getId();
    long[] with = new long[3];
    long[] without = new long[3];
    for (int warm = 0; warm < 3; warm++) {
      run(path);
      run(baseline);
    }
    for (int r = 0; r < 3; r++) {
      long before = threads.getThreadAllocatedBytes(id);
      run(path);
      with[r] = threads.getThreadAllocatedBytes(id) - before;
      before = threads.getThreadAllocatedBytes(id);
      run(baseline);
      without[r] = threads.getThreadAllocatedBytes(id) - before;
    }
    Arrays.sort(with);
    Arrays.sort(without);
    double perCall = Math.max(0, with[1] - without[1]) / (double) ALLOCATION_CALLS;
    System.out.printf(
        Locale.ROOT,
        "allocation %s: %.3f B/call with hook, %.3f B/call baseline, %.3f B/call added%n",
        name,
        with[1] / (double) ALLOCATION_CALLS,
        without[1] / (double) ALLOCATION_CALLS,
        perCall);
    return Math.round(perCall);
  }

  private static void run(IntConsumer body) {
    for (int i = 0; i < ALLOCATION_CALLS; i++) {
      body.accept(i);
    }
  }

  static void summary(String name, List<double[]> rounds) {
    double without = median(rounds.stream().mapToDouble(r -> r[0]).toArray());
    double with = median(rounds.stream().mapToDouble(r -> r[1]).toArray());
    double[] ratios = rounds.stream().mapToDouble(r -> r[1] / r[0]).sorted().toArray();
    System.out.printf(
        Locale.ROOT,
        "%s: median without %,.0f rec/s, with %,.0f rec/s; with/without median %.3f"
            + " (p25-p75 %.3f..%.3f, rounds %.3f..%.3f)%n",
        name,
        without,
        with,
        median(ratios),
        quantile(ratios, 0.25),
        quantile(ratios, 0.75),
        ratios[0],
        ratios[ratios.length - 1]);
  }

  /** Linear interpolation between the closest ranks of sorted values. */
  private static double quantile(double[] sorted, double q) {
    double pos = q * (sorted.length - 1);
    int lo = (int) Math.floor(pos);
    int hi = Math.min(lo + 1, sorted.length - 1);
    return sorted[lo] + (pos - lo) * (sorted[hi] - sorted[lo]);
  }

  private static double median(double[] values) {
    double[] v = values.clone();
    Arrays.sort(v);
    int n = v.length;
    return n % 2 == 1 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
  }
}
