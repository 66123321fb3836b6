package io.tributary.benchmarks.emitters;

import io.tributary.emitters.kafka.TributaryConsumerInterceptor;
import io.tributary.emitters.kafka.TributaryProducerInterceptor;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The cost the Kafka interceptors add to each record: run with {@code -prof gc} to see the
 * allocation per operation ({@code gc.alloc.rate.norm}), which must stay at 0 B/op.
 *
 * <pre>
 * java -cp benchmarks.jar:... org.openjdk.jmh.Main InterceptorRecordPathBenchmark -prof gc
 * </pre>
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@State(Scope.Benchmark)
public class InterceptorRecordPathBenchmark {
  private static final int BATCH = 100;

  private final TributaryProducerInterceptor<String, String> producer =
      new TributaryProducerInterceptor<>();
  private final TributaryConsumerInterceptor<String, String> consumer =
      new TributaryConsumerInterceptor<>();
  private Path events;
  private RecordMetadata ack;
  private ConsumerRecords<String, String> polled;

  @Setup(Level.Trial)
  public void setUp() throws IOException {
    events = Files.createTempFile("lineage-bench", ".jsonl");
    Map<String, Object> config =
        Map.of(
            "bootstrap.servers", "broker-1:9092",
            "client.id", "bench",
            "group.id", "bench",
            "openlineage.snapshot.interval.ms", "3600000",
            "openlineage.abort.on.jvm.exit", "false",
            "openlineage.transport.type", "file",
            "openlineage.transport.location", events.toString());
    producer.configure(config);
    consumer.configure(config);
    ack = new RecordMetadata(new TopicPartition("orders", 0), 42L, 0, 0L, 16, 512);
    TopicPartition partition = new TopicPartition("orders", 1);
    List<ConsumerRecord<String, String>> records = new ArrayList<>(BATCH);
    for (int i = 0; i < BATCH; i++) {
      records.add(
          new ConsumerRecord<>(
              "orders",
              1,
              i,
              0L,
              TimestampType.CREATE_TIME,
              16,
              512,
              "k",
              "v",
              new RecordHeaders(),
              Optional.empty()));
    }
    // Shaped as the consumer builds it: an unmodifiable view of a HashMap.
    Map<TopicPartition, List<ConsumerRecord<String, String>>> byPartition = new HashMap<>();
    byPartition.put(partition, records);
    polled = new ConsumerRecords<>(Collections.unmodifiableMap(byPartition), Map.of());
    // The first record of a topic creates its counters; the benchmark measures the steady state.
    producer.onAcknowledgement(ack, null);
    consumer.onConsume(polled);
  }

  @TearDown(Level.Trial)
  public void tearDown() throws IOException {
    producer.close();
    consumer.close();
    Files.deleteIfExists(events);
  }

  /** One acknowledged record on a producer: a map lookup and two adds. */
  @Benchmark
  public void producerAcknowledgement() {
    producer.onAcknowledgement(ack, null);
  }

  /** Same, with two threads acknowledging on one producer, as its I/O thread and a caller would. */
  @Benchmark
  @Threads(2)
  public void producerAcknowledgementContended() {
    producer.onAcknowledgement(ack, null);
  }

  /**
   * Baseline for {@link #consumerPollOf100}: the same walk over a poll without counting. Whatever
   * it allocates is the cost of Kafka's {@code ConsumerRecords} accessors, not of the interceptor.
   */
  @Benchmark
  public long consumerPollOf100Baseline() {
    long bytes = 0;
    for (TopicPartition partition : polled.partitions()) {
      List<ConsumerRecord<String, String>> batch = polled.records(partition);
      for (int i = 0; i < batch.size(); i++) {
        bytes += batch.get(i).serializedValueSize();
      }
    }
    return bytes;
  }

  /** One poll of 100 records on a consumer. */
  @Benchmark
  public ConsumerRecords<String, String> consumerPollOf100() {
    return consumer.onConsume(polled);
  }
}
