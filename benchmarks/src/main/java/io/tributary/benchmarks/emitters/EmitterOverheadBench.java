package io.tributary.benchmarks.emitters;

import io.tributary.demo.EmbeddedKafka;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The same workloads with and without Tributary's emitters, side by side in one run, on an
 * in-process broker: a Kafka producer and consumer (interceptors), a Kafka Streams application
 * ({@code TributaryStreams.instrument}) and a Flink job (job-status-changed listener), all with
 * 100-byte records. Rounds alternate which variant goes first, so that drifts of a shared machine
 * fall on both; the summary gives the medians and the median of the per-round ratios.
 *
 * <p>With lineage, every emitter sends to an HTTP endpoint in this JVM that accepts every event,
 * with RUNNING snapshots every {@code --interval-ms} (default 1 s: sixty times the default).
 *
 * <pre>
 * EmitterOverheadBench [--short] [--rounds N] [--records N] [--interval-ms N]
 *                      [--only kafka-clients,kafka-streams,flink]
 * </pre>
 *
 * Defaults: 6 rounds (3 with each variant first) of 1,000,000 records per workload and variant,
 * about 5 minutes in all on 2 cores; {@code --short}: 2 rounds of 200,000, about 2 minutes.
 */
public final class EmitterOverheadBench {
  private EmitterOverheadBench() {}

  private record Options(int rounds, int records, long intervalMs, Set<String> only) {}

  public static void main(String[] args) throws Exception {
    Options options = parse(args);
    System.out.printf(
        Locale.ROOT,
        "emitter overhead: %d rounds of %,d records of %d bytes per workload and variant,"
            + " snapshots every %d ms, %d processors, %s %s%n",
        options.rounds(),
        options.records(),
        BenchTopics.RECORD_BYTES,
        options.intervalMs(),
        Runtime.getRuntime().availableProcessors(),
        System.getProperty("java.vm.name"),
        System.getProperty("java.version"));
    Path dir = Files.createTempDirectory("bench-emitters");
    try (EmbeddedKafka kafka = EmbeddedKafka.start(dir.resolve("kafka"), 0);
        LineageSink sink = LineageSink.start()) {
      BenchTopics topics = new BenchTopics(kafka.bootstrapServers());
      Map<String, String> lineage = new LinkedHashMap<>();
      lineage.put("openlineage.transport.type", "http");
      lineage.put("openlineage.transport.url", sink.url());
      lineage.put("openlineage.transport.endpoint", LineageSink.PATH);
      lineage.put("openlineage.namespace", "bench");
      lineage.put("openlineage.snapshot.interval.ms", String.valueOf(options.intervalMs()));
      lineage.put("openlineage.abort.on.jvm.exit", "false");
      List<Workload> workloads = new ArrayList<>();
      if (options.only().contains("kafka-clients")) {
        workloads.add(new KafkaClientsWorkload(topics, options.records()));
      }
      if (options.only().contains("kafka-streams")) {
        workloads.add(StreamsWorkload.prepare(topics, options.records()));
      }
      if (options.only().contains("flink")) {
        workloads.add(FlinkWorkload.prepare(topics, options.records()));
      }
      int run = 0;
      for (Workload workload : workloads) {
        Comparison comparison = new Comparison(workload.name());
        // One run of each variant first, not counted: class loading and the JIT.
        workload.run(null, ++run);
        workload.run(lineage, ++run);
        for (int round = 1; round <= options.rounds(); round++) {
          boolean withFirst = round % 2 == 0;
          Map<String, Double> first = workload.run(withFirst ? lineage : null, ++run);
          Map<String, Double> second = workload.run(withFirst ? null : lineage, ++run);
          comparison.add(round, withFirst ? second : first, withFirst ? first : second);
        }
        comparison.print(System.out);
      }
      System.out.printf(
          Locale.ROOT, "lineage events received by the endpoint: %d%n", sink.events());
    }
  }

  private static Options parse(String[] args) {
    int rounds = 6;
    int records = 1_000_000;
    long intervalMs = 1000;
    Set<String> only = Set.of("kafka-clients", "kafka-streams", "flink");
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--short" -> {
          rounds = 2;
          records = 200_000;
        }
        case "--rounds" -> rounds = Integer.parseInt(args[++i]);
        case "--records" -> records = Integer.parseInt(args[++i]);
        case "--interval-ms" -> intervalMs = Long.parseLong(args[++i]);
        case "--only" -> only = Set.of(args[++i].split(","));
        default ->
            throw new IllegalArgumentException(
                "Unknown argument '"
                    + args[i]
                    + "'; use --short, --rounds N, --records N, --interval-ms N, --only LIST");
      }
    }
    if (rounds < 1 || records < 2 || intervalMs < 1000) {
      throw new IllegalArgumentException(
          "rounds >= 1, records >= 2 and interval >= 1000 ms; got "
              + rounds
              + ", "
              + records
              + ", "
              + intervalMs);
    }
    return new Options(rounds, records, intervalMs, only);
  }
}
