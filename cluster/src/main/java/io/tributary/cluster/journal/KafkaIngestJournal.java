package io.tributary.cluster.journal;

import com.fasterxml.jackson.databind.JsonNode;
import io.tributary.catalog.MutationResult;
import io.tributary.contract.IngestHeaders;
import io.tributary.ingest.IngestJournal;
import io.tributary.ingest.IngestPipeline;
import io.tributary.ingest.IngestUnavailableException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * The ingest journal as a Kafka topic. An event is appended as received (the applying server
 * translates it again, deterministically), with its resolved tenant in the {@value
 * IngestHeaders#RECORD_TENANT} header and a key {@code tenant:<tenant>/<entity key>}: {@code
 * job:<namespace>/<name>} for run and job events, {@code dataset:<namespace>/<name>} for dataset
 * events. One job's events therefore share a partition and are applied in the order they were
 * acknowledged. Appends are idempotent ({@code enable.idempotence}) and wait for every in-sync
 * replica ({@code acks=all}).
 */
public final class KafkaIngestJournal implements IngestJournal, AutoCloseable {
  private static final MutationResult NOTHING_WRITTEN =
      new MutationResult(Map.of(), List.of(), List.of());

  /**
   * @param capacity the most events one batch may append
   * @param ackTimeout how long an append may wait for Kafka before it fails
   */
  public record Settings(String bootstrapServers, String topic, int capacity, Duration ackTimeout) {
    public Settings {
      Objects.requireNonNull(bootstrapServers, "bootstrapServers");
      Objects.requireNonNull(topic, "topic");
      Objects.requireNonNull(ackTimeout, "ackTimeout");
    }
  }

  private final Settings settings;
  private final KafkaProducer<String, String> producer;

  public KafkaIngestJournal(Settings settings) {
    this.settings = Objects.requireNonNull(settings, "settings");
    this.producer = new KafkaProducer<>(properties(settings));
  }

  private static Properties properties(Settings settings) {
    long timeout = settings.ackTimeout().toMillis();
    Properties p = new Properties();
    p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, settings.bootstrapServers());
    p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
    p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
    p.put(ProducerConfig.ACKS_CONFIG, "all");
    p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
    p.put(ProducerConfig.LINGER_MS_CONFIG, "1");
    p.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, String.valueOf(timeout));
    p.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, String.valueOf(timeout + 1));
    p.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, String.valueOf(timeout));
    p.put(ProducerConfig.CLIENT_ID_CONFIG, "tributary-ingest-journal");
    return p;
  }

  /** The record key: the tenant, then the job or dataset the event is about. */
  public static String key(IngestPipeline.Prepared event) {
    JsonNode source = event.source();
    String tenant = IngestHeaders.RECORD_TENANT_KEY_PREFIX + event.tenant().value() + "/";
    if (source != null && source.path("job").isObject()) {
      return tenant + "job:" + name(source.get("job"));
    }
    if (source != null && source.path("dataset").isObject()) {
      return tenant + "dataset:" + name(source.get("dataset"));
    }
    return tenant + "run:" + event.event().runId();
  }

  private static String name(JsonNode node) {
    return node.path("namespace").asText() + "/" + node.path("name").asText();
  }

  @Override
  public boolean keepsSource() {
    return true;
  }

  @Override
  public CompletableFuture<Accepted> append(IngestPipeline.Prepared event) {
    Objects.requireNonNull(event.source(), "a journaled event keeps its source");
    ProducerRecord<String, String> record =
        new ProducerRecord<>(settings.topic(), key(event), event.source().toString());
    record
        .headers()
        .add(IngestHeaders.RECORD_TENANT, event.tenant().value().getBytes(StandardCharsets.UTF_8));
    CompletableFuture<Accepted> out = new CompletableFuture<>();
    try {
      producer.send(
          record,
          (metadata, e) -> {
            if (e != null) {
              out.completeExceptionally(unavailable(e));
            } else {
              out.complete(
                  new Accepted(
                      NOTHING_WRITTEN,
                      new Position(metadata.topic(), metadata.partition(), metadata.offset())));
            }
          });
    } catch (KafkaException e) {
      out.completeExceptionally(unavailable(e));
    }
    return out;
  }

  private IngestUnavailableException unavailable(Exception e) {
    return new IngestUnavailableException(
        "the ingest journal (Kafka topic '"
            + settings.topic()
            + "') did not acknowledge the event: "
            + e.getMessage()
            + "; it was not accepted, send it again",
        e);
  }

  @Override
  public List<CompletableFuture<Accepted>> appendAll(List<IngestPipeline.Prepared> events) {
    return events.stream().map(this::append).toList();
  }

  @Override
  public int capacity() {
    return settings.capacity();
  }

  @Override
  public void close() {
    producer.close(Duration.ofSeconds(5));
  }
}
