package io.tributary.emitters.bench;

import io.tributary.emitters.kinesis.TributaryShardRecordProcessorFactory;
import io.tributary.emitters.pulsar.TributaryFunction;
import io.tributary.emitters.pulsar.TributarySink;
import io.tributary.emitters.pulsar.TributarySource;
import io.tributary.emitters.testing.KclWorker;
import io.tributary.emitters.testing.LineageEndpoint;
import io.tributary.emitters.testing.PulsarApps;
import io.tributary.emitters.testing.PulsarFunctions;
import io.tributary.emitters.testing.PulsarProcess.Deployment;
import io.tributary.emitters.testing.PulsarServer;
import io.tributary.testkit.kinesis.KinesisLocal;
import java.lang.reflect.Proxy;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.pulsar.client.api.Consumer;
import org.apache.pulsar.client.api.Message;
import org.apache.pulsar.client.api.Producer;
import org.apache.pulsar.client.api.PulsarClient;
import org.apache.pulsar.client.api.Schema;
import org.apache.pulsar.client.api.SubscriptionInitialPosition;
import org.apache.pulsar.functions.api.Context;
import org.apache.pulsar.functions.api.Function;
import org.apache.pulsar.functions.api.Record;
import org.apache.pulsar.io.core.Sink;
import org.apache.pulsar.io.core.SinkContext;
import org.apache.pulsar.io.core.Source;
import org.apache.pulsar.io.core.SourceContext;
import software.amazon.kinesis.lifecycle.events.ProcessRecordsInput;
import software.amazon.kinesis.processor.ShardRecordProcessor;
import software.amazon.kinesis.processor.ShardRecordProcessorFactory;
import software.amazon.kinesis.retrieval.KinesisClientRecord;

/**
 * The cost of the Pulsar Functions/IO wrappers and the KCL hook, in one run: throughput of a
 * function in Pulsar's Functions runtime (thread mode) on a Pulsar standalone, deployed as itself
 * and inside {@link TributaryFunction} in alternating rounds (records per second from its first
 * output to its last); throughput of a KCL processor's {@code processRecords} with and without the
 * hook (pages of 100 records handed in a loop: the KCL's own fetching is not in it, kinesis-local
 * throttles a shard to 1,000 records/s); and bytes allocated per record on each wrapper's path (as
 * {@link PlatformEmitterBench} measures them).
 *
 * <pre>
 * ./mvnw -B -pl openlineage-emitters -am test-compile -Djs.skip=true
 * java -cp openlineage-emitters/target/test-classes:openlineage-emitters/target/classes:$(cat \
 *     openlineage-emitters/target/test-classes/io/tributary/emitters/testing/pulsar-standalone.classpath) \
 *     io.tributary.emitters.bench.RuntimeEmitterBench
 * </pre>
 */
public final class RuntimeEmitterBench {
  private static final int ROUNDS = 6;
  private static final int FUNCTION_RECORDS = 10_000;
  private static final int KCL_PAGES = 20_000;
  private static final int PAGE = 100;

  private RuntimeEmitterBench() {}

  public static void main(String[] args) throws Exception {
    PlatformEmitterBench.header("runtime emitters", ROUNDS);
    try (LineageEndpoint endpoint = LineageEndpoint.start()) {
      Map<String, Object> lineage = PlatformEmitterBench.lineage(endpoint);
      kclThroughput(lineage);
      kclAllocation(lineage);
      wrapperAllocation(lineage);
      try (PulsarServer pulsar = PulsarServer.start()) {
        lineage.put("openlineage.pulsar.service.url", pulsar.serviceUrl());
        functionThroughput(pulsar, lineage);
      }
      System.out.printf(
          Locale.ROOT, "lineage events received by the endpoint: %d%n", endpoint.bodies().size());
    }
  }

  // ---- Pulsar Functions ----

  private static void functionThroughput(PulsarServer pulsar, Map<String, Object> lineage)
      throws Exception {
    List<double[]> rounds = new ArrayList<>();
    try (PulsarClient client = PulsarClient.builder().serviceUrl(pulsar.serviceUrl()).build()) {
      int run = 0;
      // One unmeasured run of each: class loading, the JIT, the bookie's caches.
      functionRun(pulsar, client, lineage, false, ++run);
      functionRun(pulsar, client, lineage, true, ++run);
      for (int round = 1; round <= ROUNDS; round++) {
        boolean withFirst = round % 2 == 0;
        double first = functionRun(pulsar, client, lineage, withFirst, ++run);
        double second = functionRun(pulsar, client, lineage, !withFirst, ++run);
        double with = withFirst ? first : second;
        double without = withFirst ? second : first;
        System.out.printf(
            Locale.ROOT,
            "round %d (%s first): function without %,.0f rec/s, with %,.0f rec/s%n",
            round,
            withFirst ? "with" : "without",
            without,
            with);
        rounds.add(new double[] {without, with});
      }
    }
    PlatformEmitterBench.summary("pulsar function (thread runtime)", rounds);
  }

  /** Records per second a function passes on, from its first output to its last. */
  private static double functionRun(
      PulsarServer pulsar,
      PulsarClient client,
      Map<String, Object> lineage,
      boolean withLineage,
      int run)
      throws Exception {
    String in = "persistent://public/default/bench-in-" + run;
    String out = "persistent://public/default/bench-out-" + run;
    try (Producer<String> producer =
        client.newProducer(Schema.STRING).topic(in).blockIfQueueFull(true).create()) {
      for (int i = 0; i < FUNCTION_RECORDS; i++) {
        producer.sendAsync("record-" + i);
      }
      producer.flush();
    }
    Map<String, Object> userConfig = new HashMap<>(lineage);
    userConfig.put("openlineage.job.name", "bench-function-" + run);
    String config =
        withLineage
            ? Deployment.function("bench-" + run, PulsarApps.UPPER_CASE, in, out, userConfig)
                .configJson()
            : Deployment.function("bench-" + run, PulsarApps.UPPER_CASE, in, out, Map.of())
                .configJson()
                .replace(TributaryFunction.class.getName(), PulsarApps.UPPER_CASE);
    try (Consumer<String> outputs =
            client
                .newConsumer(Schema.STRING)
                .topic(out)
                .subscriptionName("bench")
                .subscriptionInitialPosition(SubscriptionInitialPosition.Earliest)
                .subscribe();
        PulsarFunctions runtime = PulsarFunctions.start(pulsar.serviceUrl(), pulsar.httpUrl())) {
      runtime.deploy(PulsarFunctions.Kind.FUNCTION, config);
      Message<String> first = outputs.receive(60, TimeUnit.SECONDS);
      if (first == null) {
        throw new IllegalStateException("the function produced nothing");
      }
      long start = System.nanoTime();
      for (int i = 1; i < FUNCTION_RECORDS; i++) {
        if (outputs.receive(60, TimeUnit.SECONDS) == null) {
          throw new IllegalStateException("the function stopped after " + i + " records");
        }
      }
      return (FUNCTION_RECORDS - 1) / ((System.nanoTime() - start) / 1e9);
    }
  }

  // ---- KCL ----

  private static ProcessRecordsInput page() {
    List<KinesisClientRecord> records = new ArrayList<>();
    for (int i = 0; i < PAGE; i++) {
      records.add(
          KinesisClientRecord.builder()
              .data(ByteBuffer.wrap(new byte[100]))
              .partitionKey("k")
              .sequenceNumber(String.valueOf(i))
              .approximateArrivalTimestamp(Instant.EPOCH)
              .build());
    }
    return ProcessRecordsInput.builder().records(records).build();
  }

  private static void kclThroughput(Map<String, Object> lineage) {
    ProcessRecordsInput input = page();
    AtomicInteger received = new AtomicInteger();
    ShardRecordProcessorFactory application = KclWorker.counting(received);
    Map<String, Object> config = new HashMap<>(lineage);
    config.put("openlineage.job.name", "bench-kcl");
    List<double[]> rounds = new ArrayList<>();
    try (TributaryShardRecordProcessorFactory hooked =
        new TributaryShardRecordProcessorFactory(
            application, "bench", KinesisLocal.REGION, config)) {
      ShardRecordProcessor with = hooked.shardRecordProcessor();
      ShardRecordProcessor without = application.shardRecordProcessor();
      kclRun(without, input);
      kclRun(with, input);
      for (int round = 1; round <= ROUNDS * 2; round++) {
        boolean withFirst = round % 2 == 0;
        double first = kclRun(withFirst ? with : without, input);
        double second = kclRun(withFirst ? without : with, input);
        rounds.add(withFirst ? new double[] {second, first} : new double[] {first, second});
      }
    }
    PlatformEmitterBench.summary("kcl processRecords (pages of 100)", rounds);
  }

  private static double kclRun(ShardRecordProcessor processor, ProcessRecordsInput input) {
    long start = System.nanoTime();
    for (int i = 0; i < KCL_PAGES; i++) {
      processor.processRecords(input);
    }
    return (double) KCL_PAGES * PAGE / ((System.nanoTime() - start) / 1e9);
  }

  private static void kclAllocation(Map<String, Object> lineage) {
    ProcessRecordsInput input = page();
    AtomicInteger received = new AtomicInteger();
    ShardRecordProcessorFactory application = KclWorker.counting(received);
    Map<String, Object> config = new HashMap<>(lineage);
    config.put("openlineage.job.name", "bench-kcl-allocation");
    try (TributaryShardRecordProcessorFactory hooked =
        new TributaryShardRecordProcessorFactory(
            application, "bench", KinesisLocal.REGION, config)) {
      ShardRecordProcessor with = hooked.shardRecordProcessor();
      ShardRecordProcessor without = application.shardRecordProcessor();
      long perPage =
          PlatformEmitterBench.allocation(
              "kcl processRecords (page of 100, per page)",
              i -> with.processRecords(input),
              i -> without.processRecords(input));
      System.out.printf(Locale.ROOT, "  = %.2f B per record%n", perPage / (double) PAGE);
    }
  }

  // ---- Functions and IO wrappers, per record ----

  private static <T> T context(Class<T> type, Map<String, Object> answers) {
    return type.cast(
        Proxy.newProxyInstance(
            type.getClassLoader(),
            new Class<?>[] {type},
            (p, method, args) -> answers.get(method.getName())));
  }

  private static void wrapperAllocation(Map<String, Object> lineage) throws Exception {
    Map<String, Object> config = new HashMap<>(lineage);
    config.put("openlineage.pulsar.service.url", "pulsar://127.0.0.1:6650");
    Optional<String> topic = Optional.of("persistent://public/default/bench-raw");
    Record<String> record =
        new Record<>() {
          @Override
          public Optional<String> getTopicName() {
            return topic;
          }

          @Override
          public String getValue() {
            return "v";
          }
        };
    Map<String, Object> answers = new HashMap<>();
    answers.put("getUserConfigMap", config);
    answers.put("getInputTopics", List.of("persistent://public/default/bench-raw"));
    answers.put("getOutputTopic", "persistent://public/default/bench-clean");
    answers.put("getFunctionName", "bench");
    answers.put("getTenant", "public");
    answers.put("getNamespace", "default");
    answers.put("getCurrentRecord", record);
    answers.put("getSourceName", "bench-source");
    answers.put("getSinkName", "bench-sink");
    Context context = context(Context.class, answers);

    Function<String, String> plain = (input, c) -> input;
    TributaryFunction function = new TributaryFunction(plain);
    function.initialize(context);
    PlatformEmitterBench.allocation(
        "pulsar TributaryFunction.process",
        i -> {
          try {
            PlatformEmitterBench.blackhole(function.process("v", context).hashCode());
          } catch (Exception e) {
            throw new IllegalStateException(e);
          }
        },
        i -> {
          try {
            PlatformEmitterBench.blackhole(plain.process("v", context).hashCode());
          } catch (Exception e) {
            throw new IllegalStateException(e);
          }
        });
    function.close();

    // var: the anonymous classes' methods declare no exception.
    var plainSink =
        new Sink<String>() {
          @Override
          public void open(Map<String, Object> c, SinkContext s) {}

          @Override
          public void write(Record<String> r) {
            PlatformEmitterBench.blackhole(r.getValue().length());
          }

          @Override
          public void close() {}
        };
    TributarySink<String> sink = new TributarySink<>(plainSink);
    sink.open(config, context(SinkContext.class, answers));
    PlatformEmitterBench.allocation(
        "pulsar TributarySink.write",
        i -> {
          try {
            sink.write(record);
          } catch (Exception e) {
            throw new IllegalStateException(e);
          }
        },
        i -> plainSink.write(record));
    sink.close();

    var plainSource =
        new Source<String>() {
          @Override
          public void open(Map<String, Object> c, SourceContext s) {}

          @Override
          public Record<String> read() {
            return record;
          }

          @Override
          public void close() {}
        };
    TributarySource<String> source = new TributarySource<>(plainSource);
    source.open(config, context(SourceContext.class, answers));
    PlatformEmitterBench.allocation(
        "pulsar TributarySource.read",
        i -> {
          try {
            PlatformEmitterBench.blackhole(source.read().hashCode());
          } catch (Exception e) {
            throw new IllegalStateException(e);
          }
        },
        i -> PlatformEmitterBench.blackhole(plainSource.read().hashCode()));
    source.close();
  }
}
