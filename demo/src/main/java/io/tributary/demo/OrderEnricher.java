package io.tributary.demo;

import io.micrometer.core.instrument.MeterRegistry;
import io.tributary.emitters.streams.StreamsLineage;
import io.tributary.emitters.streams.TributaryStreams;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;

/**
 * The Kafka Streams application: {@link Topics#ORDERS} → each order enriched with its customer's
 * running total and tier, kept in the state store {@value #STORE} (so a changelog topic appears in
 * the lineage too) → {@link Topics#ENRICHED}. Orders are keyed by customer, so no repartition is
 * needed.
 */
public final class OrderEnricher implements AutoCloseable {
  /** The job name (its {@code application.id}). */
  public static final String JOB = "order-enricher";

  /** The state store of running totals per customer. */
  public static final String STORE = "customer-totals";

  private final KafkaStreams streams;
  private final StreamsLineage lineage;

  private OrderEnricher(KafkaStreams streams, StreamsLineage lineage) {
    this.streams = streams;
    this.lineage = lineage;
  }

  /**
   * @param stateDir where Kafka Streams keeps its local state
   * @param registry where the emitter publishes its meters, or null
   */
  public static OrderEnricher start(
      String bootstrapServers, Map<String, String> lineage, Path stateDir, MeterRegistry registry) {
    Topology topology = topology();
    Properties props = new Properties();
    props.putAll(lineage);
    props.put(StreamsConfig.APPLICATION_ID_CONFIG, JOB);
    props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toAbsolutePath().toString());
    props.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG, 1);
    props.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, 1000);
    props.put(StreamsConfig.consumerPrefix("auto.offset.reset"), "earliest");
    KafkaStreams streams = new KafkaStreams(topology, props);
    var lineageHandle = TributaryStreams.instrument(streams, topology, props, registry, null);
    // A failing thread is replaced: a demo should keep running, and the FAIL is still recorded.
    streams.setUncaughtExceptionHandler(
        lineageHandle.recordingErrors(
            e -> StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse.REPLACE_THREAD));
    streams.start();
    return new OrderEnricher(streams, lineageHandle);
  }

  static Topology topology() {
    StreamsBuilder builder = new StreamsBuilder();
    builder.addStateStore(
        Stores.keyValueStoreBuilder(
            Stores.inMemoryKeyValueStore(STORE), Serdes.String(), Serdes.Long()));
    builder.stream(Topics.ORDERS, Consumed.with(Serdes.String(), Serdes.String()))
        .processValues(Enrich::new, STORE)
        .filter((customer, enriched) -> enriched != null)
        .to(Topics.ENRICHED, Produced.with(Serdes.String(), Serdes.String()));
    return builder.build();
  }

  /** Adds the order to its customer's total; a value that is not an order becomes null. */
  private static final class Enrich implements FixedKeyProcessor<String, String, String> {
    private FixedKeyProcessorContext<String, String> context;
    private KeyValueStore<String, Long> totals;

    @Override
    public void init(FixedKeyProcessorContext<String, String> context) {
      this.context = context;
      this.totals = context.getStateStore(STORE);
    }

    @Override
    public void process(FixedKeyRecord<String, String> record) {
      String enriched =
          Order.parse(record.value())
              .map(
                  order -> {
                    Long before = totals.get(order.customer());
                    long total = (before == null ? 0 : before) + order.amountCents();
                    totals.put(order.customer(), total);
                    return order.enriched(total).toCsv();
                  })
              .orElse(null);
      context.forward(record.withValue(enriched));
    }
  }

  public KafkaStreams.State state() {
    return streams.state();
  }

  /**
   * Stops the application and returns once its COMPLETE is sent: Kafka Streams reports NOT_RUNNING
   * to the lineage from its own closing thread, possibly after {@code close} has returned.
   */
  @Override
  public void close() {
    streams.close(Duration.ofSeconds(20));
    lineage.close();
  }
}
