package io.tributary.ingest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.tributary.catalog.EntityNotFoundException;
import io.tributary.catalog.InvalidEntityException;
import io.tributary.catalog.MutationResult;
import io.tributary.contract.IngestHeaders;
import io.tributary.contract.TributaryFacets;
import io.tributary.contract.schema.Violation;
import io.tributary.openlineage.InvalidEventException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.CloseOptions;
import org.apache.kafka.clients.consumer.CommitFailedException;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads OpenLineage events from a Kafka topic written by OpenLineage's {@code KafkaTransport}
 * (value: the event JSON; key: {@code run:<namespace>/<job>} or similar, not needed here) and
 * commits them to the catalog through the {@link IngestPipeline}.
 *
 * <p>Delivery is at least once: the offsets of a poll are committed to Kafka only after every one
 * of its records is committed to the catalog (or skipped as invalid). A record delivered again
 * after a crash is applied again, which is harmless because catalog writes are idempotent upserts.
 *
 * <p>An invalid record (one over an {@link EventLimit} included) is logged with its topic,
 * partition and offset, counted, copied to the dead-letter topic when one is set, and skipped, so
 * it never blocks its partition. A record that fails for a server-side reason (catalog unavailable)
 * is retried from its offset instead.
 *
 * <p>Tenancy follows the pipeline's rule; a record names its tenant with its {@value
 * IngestHeaders#RECORD_TENANT} header or a key {@code tenant:<id>} or {@code
 * tenant:<id>/<anything>} (both must agree when both are there), else by its body's {@value
 * TributaryFacets#TENANT} run facet; otherwise it belongs to the topic's tenant ({@link
 * Admission#homeTenant}). Whatever the source, the {@link Admission} must admit it: a refused
 * record is skipped as invalid; a record over its tenant's quota pauses only its own partition
 * until the quota allows it, and is read again from its offset then.
 */
public final class KafkaLineageConsumer implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(KafkaLineageConsumer.class);
  private static final Duration MAX_BACKOFF = Duration.ofSeconds(30);

  /**
   * @param deadLetterTopic null for none
   * @param clientProperties further consumer (and dead-letter producer) settings, applied last
   */
  public record Settings(
      String bootstrapServers,
      String topic,
      String groupId,
      String deadLetterTopic,
      Duration pollTimeout,
      Map<String, String> clientProperties) {
    public Settings {
      Objects.requireNonNull(bootstrapServers, "bootstrapServers");
      Objects.requireNonNull(topic, "topic");
      Objects.requireNonNull(groupId, "groupId");
      Objects.requireNonNull(pollTimeout, "pollTimeout");
      clientProperties = clientProperties == null ? Map.of() : Map.copyOf(clientProperties);
      if (deadLetterTopic != null && deadLetterTopic.isBlank()) {
        deadLetterTopic = null;
      }
    }

    public static Settings of(String bootstrapServers, String topic, String groupId) {
      return new Settings(bootstrapServers, topic, groupId, null, Duration.ofMillis(500), Map.of());
    }

    public Settings withDeadLetterTopic(String newDeadLetterTopic) {
      return new Settings(
          bootstrapServers, topic, groupId, newDeadLetterTopic, pollTimeout, clientProperties);
    }
  }

  /**
   * What a server of a cluster does around Kafka's offsets, since the other servers learn of its
   * commits only through the shared change log (docs/scale-out.md): before a poll's offsets are
   * committed, the changes it applied are in the log ({@code beforeOffsetCommit}, which blocks
   * until they are); and the first records of a newly assigned partition, which the partition's
   * previous owner may have applied without their changes reaching the log (it was killed between
   * its catalog commit and its offset commit), are announced again once applied ({@code replayed},
   * with what each wrote: reapplied, they change nothing and so publish nothing by themselves).
   *
   * @param window how many records of a newly assigned partition may have been applied already: one
   *     poll's worth ({@code max.poll.records}), since offsets are committed after every poll
   */
  public record Handoff(
      Runnable beforeOffsetCommit, Consumer<MutationResult> replayed, int window) {
    /** A server alone: nothing to hand off. */
    public static final Handoff NONE = new Handoff(() -> {}, result -> {}, 0);

    public Handoff {
      Objects.requireNonNull(beforeOffsetCommit, "beforeOffsetCommit");
      Objects.requireNonNull(replayed, "replayed");
      if (window < 0) {
        throw new IllegalArgumentException("window " + window + " must not be negative");
      }
    }
  }

  private final Settings settings;
  private final Handoff handoff;
  private final Map<TopicPartition, Long> replayUntil = new HashMap<>();
  private final IngestPipeline pipeline;
  private final ObjectMapper json = new ObjectMapper();
  private final Thread thread;
  private final Counter consumed;
  private final Counter ingested;
  private final Counter invalid;
  private final Counter deadLettered;
  private final Counter retried;
  private final Counter throttled;
  private final Admission admission;
  private final Map<TopicPartition, Long> pausedUntilNanos = new HashMap<>();
  private volatile boolean running = true;
  private KafkaConsumer<String, String> consumer;
  private KafkaProducer<String, String> deadLetters;

  private KafkaLineageConsumer(
      Settings settings,
      IngestPipeline pipeline,
      Admission admission,
      MeterRegistry registry,
      Handoff handoff) {
    this.settings = Objects.requireNonNull(settings, "settings");
    this.handoff = Objects.requireNonNull(handoff, "handoff");
    this.admission = Objects.requireNonNull(admission, "admission");
    this.pipeline = Objects.requireNonNull(pipeline, "pipeline");
    this.thread = new Thread(this::run, "tributary-kafka-lineage");
    String topic = settings.topic();
    this.consumed = counter(registry, "consumed", topic, "Records read from the topic");
    this.ingested = counter(registry, "ingested", topic, "Records committed to the catalog");
    this.invalid = counter(registry, "invalid", topic, "Invalid records skipped");
    this.deadLettered =
        counter(
            registry, "dead.lettered", topic, "Invalid records copied to the dead-letter topic");
    this.retried =
        counter(registry, "retried", topic, "Records to be read again after a server-side failure");
    this.throttled =
        counter(
            registry, "throttled", topic, "Records held back because their tenant is over quota");
  }

  private static Counter counter(MeterRegistry registry, String name, String topic, String doc) {
    return Counter.builder("tributary.kafka.records." + name)
        .description(doc)
        .tag("topic", topic)
        .register(registry);
  }

  /**
   * Connects (lazily, as Kafka clients do) and starts the consumer thread; every record's tenant
   * must pass {@code admission}, whose home tenant is the tenant of records that name none.
   */
  public static KafkaLineageConsumer start(
      Settings settings, IngestPipeline pipeline, Admission admission, MeterRegistry registry) {
    return start(settings, pipeline, admission, registry, Handoff.NONE);
  }

  /** As {@link #start(Settings, IngestPipeline, Admission, MeterRegistry)}, in a cluster. */
  public static KafkaLineageConsumer start(
      Settings settings,
      IngestPipeline pipeline,
      Admission admission,
      MeterRegistry registry,
      Handoff handoff) {
    KafkaLineageConsumer c =
        new KafkaLineageConsumer(settings, pipeline, admission, registry, handoff);
    c.consumer = new KafkaConsumer<>(c.consumerProperties());
    if (settings.deadLetterTopic() != null) {
      c.deadLetters = new KafkaProducer<>(c.producerProperties());
    }
    if (handoff.window() > 0) {
      c.consumer.subscribe(List.of(settings.topic()), c.new Assignments());
    } else {
      c.consumer.subscribe(List.of(settings.topic()));
    }
    c.thread.start();
    return c;
  }

  /** Notes where each newly assigned partition starts, for {@link Handoff#replayed}. */
  private final class Assignments implements ConsumerRebalanceListener {
    @Override
    public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
      for (TopicPartition tp : partitions) {
        replayUntil.put(tp, consumer.position(tp) + handoff.window());
      }
    }

    @Override
    public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
      partitions.forEach(replayUntil::remove);
    }
  }

  private Properties consumerProperties() {
    Properties p = new Properties();
    p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, settings.bootstrapServers());
    p.put(ConsumerConfig.GROUP_ID_CONFIG, settings.groupId());
    p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
    p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
    p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
    p.put(ConsumerConfig.CLIENT_ID_CONFIG, "tributary-lineage-" + settings.groupId());
    p.putAll(settings.clientProperties());
    return p;
  }

  private Properties producerProperties() {
    Properties p = new Properties();
    p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, settings.bootstrapServers());
    p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
    p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
    p.put(ProducerConfig.ACKS_CONFIG, "all");
    p.put(ProducerConfig.CLIENT_ID_CONFIG, "tributary-dead-letters-" + settings.groupId());
    return p;
  }

  /**
   * Stops reading and leaves the group. Records read but not yet committed to the catalog are not
   * acknowledged to Kafka: the group reads them again later.
   */
  @Override
  public void close() {
    running = false;
    KafkaConsumer<String, String> c = consumer;
    if (c != null) {
      c.wakeup();
    }
    try {
      thread.join(Duration.ofSeconds(30).toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void run() {
    LOG.info(
        "kafka ingest: reading topic '{}' as group '{}' from {}",
        settings.topic(),
        settings.groupId(),
        settings.bootstrapServers());
    Duration backoff = Duration.ZERO;
    try {
      while (running) {
        if (!backoff.isZero()) {
          pause(backoff);
        }
        resumeThrottled();
        ConsumerRecords<String, String> records = consumer.poll(settings.pollTimeout());
        if (records.isEmpty()) {
          continue;
        }
        boolean clean = process(records);
        backoff = clean ? Duration.ZERO : nextBackoff(backoff);
      }
    } catch (WakeupException e) {
      if (running) {
        LOG.error("kafka ingest: unexpected wake-up; stopping", e);
      }
    } catch (RuntimeException e) {
      LOG.error("kafka ingest: stopped by an unexpected failure", e);
    } finally {
      closeClients();
      LOG.info("kafka ingest: stopped");
    }
  }

  private record InFlight(ConsumerRecord<String, String> record, CompletableFuture<?> result) {}

  /**
   * Commits one poll's records; returns false when some must be read again (server-side failure).
   */
  private boolean process(ConsumerRecords<String, String> records) {
    List<InFlight> inFlight = new ArrayList<>(records.count());
    for (ConsumerRecord<String, String> record : records) {
      consumed.increment();
      inFlight.add(new InFlight(record, submit(record)));
    }
    CompletableFuture<?> all =
        CompletableFuture.allOf(
            inFlight.stream().map(InFlight::result).toArray(CompletableFuture[]::new));
    if (!await(all)) {
      return true; // stopping: nothing acknowledged, the group reads these again
    }
    // Per partition: acknowledge up to the first record that must be read again.
    Map<TopicPartition, Long> next = new LinkedHashMap<>();
    Map<TopicPartition, Long> retryFrom = new HashMap<>();
    Map<TopicPartition, Duration> throttle = new HashMap<>();
    boolean dead = false;
    for (InFlight f : inFlight) {
      TopicPartition tp = new TopicPartition(f.record().topic(), f.record().partition());
      if (retryFrom.containsKey(tp)) {
        continue;
      }
      Throwable error = f.result().handle((r, e) -> e).join();
      Optional<Duration> wait = quotaWait(error);
      if (error == null) {
        ingested.increment();
        Long until = replayUntil.get(tp);
        if (until != null
            && f.record().offset() < until
            && f.result().join() instanceof IngestPipeline.Ingested done) {
          handoff.replayed().accept(done.result());
        }
      } else if (wait.isPresent()) {
        throttled.increment();
        retryFrom.put(tp, f.record().offset());
        throttle.put(tp, wait.get());
        continue;
      } else if (isPermanent(unwrap(error))) {
        reject(f.record(), unwrap(error));
        dead |= settings.deadLetterTopic() != null;
      } else {
        LOG.warn(
            "kafka ingest: {}-{}@{} failed ({}); reading it again",
            f.record().topic(),
            f.record().partition(),
            f.record().offset(),
            unwrap(error).toString());
        retried.increment();
        retryFrom.put(tp, f.record().offset());
        continue;
      }
      next.put(tp, f.record().offset() + 1);
    }
    if (dead && deadLetters != null) {
      deadLetters.flush();
    }
    retryFrom.forEach(consumer::seek);
    throttle.forEach(this::pausePartition);
    if (!next.isEmpty()) {
      handoff.beforeOffsetCommit().run();
    }
    commit(next);
    // A partition held back by a quota does not slow the others down.
    return retryFrom.keySet().stream().allMatch(throttle::containsKey);
  }

  private static Optional<Duration> quotaWait(Throwable error) {
    return error != null && unwrap(error) instanceof IngestRefusedException refused
        ? refused.retryAfter()
        : Optional.empty();
  }

  private void pausePartition(TopicPartition tp, Duration wait) {
    consumer.pause(List.of(tp));
    pausedUntilNanos.put(tp, System.nanoTime() + wait.toNanos());
    LOG.debug("kafka ingest: {} paused for {} (tenant over quota)", tp, wait);
  }

  private void resumeThrottled() {
    if (pausedUntilNanos.isEmpty()) {
      return;
    }
    long now = System.nanoTime();
    List<TopicPartition> due = new ArrayList<>();
    pausedUntilNanos.forEach(
        (tp, until) -> {
          if (now - until >= 0) {
            due.add(tp);
          }
        });
    due.forEach(pausedUntilNanos::remove);
    // A rebalance may have taken a paused partition away (and cleared its pause).
    List<TopicPartition> assigned = due.stream().filter(consumer.assignment()::contains).toList();
    if (!assigned.isEmpty()) {
      consumer.resume(assigned);
    }
  }

  /** Prepares and submits one record; an invalid one yields a failed future at once. */
  private CompletableFuture<?> submit(ConsumerRecord<String, String> record) {
    try {
      NamedTenant named = NamedTenant.resolve(claims(record)).orElse(null);
      IngestPipeline.Prepared prepared =
          pipeline.prepare(admission, named, () -> parse(record.value()));
      Duration backoff = Duration.ofMillis(10);
      while (true) {
        try {
          return pipeline.commit(prepared);
        } catch (IngestQueueFullException full) {
          // Back-pressure: the catalog is behind, so Kafka waits (within max.poll.interval.ms).
          if (!running) {
            return CompletableFuture.failedFuture(full);
          }
          pause(backoff);
          backoff = nextBackoff(backoff);
        }
      }
    } catch (RuntimeException e) {
      return CompletableFuture.failedFuture(e);
    }
  }

  /** Where a record names its tenant: its header and its key. */
  private static List<NamedTenant.Claim> claims(ConsumerRecord<String, String> record) {
    Header header = record.headers().lastHeader(IngestHeaders.RECORD_TENANT);
    String fromHeader =
        header == null || header.value() == null
            ? null
            : new String(header.value(), StandardCharsets.UTF_8);
    String key = record.key();
    String fromKey = null;
    String prefix = IngestHeaders.RECORD_TENANT_KEY_PREFIX;
    if (key != null && key.startsWith(prefix)) {
      int slash = key.indexOf('/', prefix.length());
      fromKey = key.substring(prefix.length(), slash < 0 ? key.length() : slash);
    }
    return List.of(
        new NamedTenant.Claim("record header " + IngestHeaders.RECORD_TENANT, fromHeader),
        new NamedTenant.Claim("record key", fromKey));
  }

  private JsonNode parse(String value) {
    if (value == null) {
      throw new InvalidEventException(List.of(new Violation("", "the record has no value")));
    }
    try {
      JsonNode node = json.readTree(value);
      if (node == null || node.isMissingNode()) {
        throw new InvalidEventException(List.of(new Violation("", "the record value is empty")));
      }
      return node;
    } catch (JsonProcessingException e) {
      throw new InvalidEventException(
          List.of(new Violation("", "not JSON: " + e.getOriginalMessage())));
    }
  }

  private static boolean isPermanent(Throwable e) {
    return e instanceof InvalidEventException
        || e instanceof EventLimitException
        || e instanceof IngestRefusedException
        || e instanceof InvalidEntityException
        || e instanceof EntityNotFoundException
        || e instanceof IllegalArgumentException;
  }

  private void reject(ConsumerRecord<String, String> record, Throwable error) {
    invalid.increment();
    LOG.warn(
        "kafka ingest: skipping invalid record {}-{}@{} (key {}): {}",
        record.topic(),
        record.partition(),
        record.offset(),
        record.key(),
        error.getMessage());
    if (deadLetters == null) {
      return;
    }
    ProducerRecord<String, String> copy =
        new ProducerRecord<>(settings.deadLetterTopic(), record.key(), record.value());
    header(copy, IngestHeaders.DEAD_LETTER_ERROR, error.getMessage());
    if (error instanceof EventLimitException over) {
      header(copy, IngestHeaders.DEAD_LETTER_LIMIT, over.limit().key());
    }
    header(copy, IngestHeaders.DEAD_LETTER_SOURCE_TOPIC, record.topic());
    header(copy, IngestHeaders.DEAD_LETTER_SOURCE_PARTITION, String.valueOf(record.partition()));
    header(copy, IngestHeaders.DEAD_LETTER_SOURCE_OFFSET, String.valueOf(record.offset()));
    deadLetters.send(
        copy,
        (metadata, e) -> {
          if (e == null) {
            deadLettered.increment();
          } else {
            LOG.error(
                "kafka ingest: could not copy {}-{}@{} to dead-letter topic '{}': {}",
                record.topic(),
                record.partition(),
                record.offset(),
                settings.deadLetterTopic(),
                e.toString());
          }
        });
  }

  private static void header(ProducerRecord<String, String> record, String name, String value) {
    record.headers().add(name, String.valueOf(value).getBytes(StandardCharsets.UTF_8));
  }

  /** Commits offsets, retrying while the broker is away; gives up only when stopping. */
  private void commit(Map<TopicPartition, Long> next) {
    if (next.isEmpty()) {
      return;
    }
    Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
    next.forEach((tp, offset) -> offsets.put(tp, new OffsetAndMetadata(offset)));
    Duration backoff = Duration.ofMillis(100);
    while (running) {
      try {
        consumer.commitSync(offsets);
        return;
      } catch (CommitFailedException e) {
        // The group rebalanced: another member reads these records again, harmlessly.
        LOG.warn("kafka ingest: offset commit refused after a rebalance: {}", e.getMessage());
        return;
      } catch (org.apache.kafka.common.errors.RetriableException e) {
        // Includes TimeoutException: the broker is away; the client reconnects by itself.
        LOG.warn("kafka ingest: offset commit failed ({}); retrying", e.toString());
        pause(backoff);
        backoff = nextBackoff(backoff);
      }
    }
  }

  /** Waits for the futures; false when asked to stop first. */
  private boolean await(CompletableFuture<?> all) {
    while (running) {
      try {
        all.get(200, TimeUnit.MILLISECONDS);
        return true;
      } catch (TimeoutException e) {
        // keep waiting
      } catch (ExecutionException | CompletionException e) {
        return true; // individual outcomes are read per record
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return false;
      }
    }
    return false;
  }

  private void pause(Duration d) {
    try {
      Thread.sleep(d.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      running = false;
    }
  }

  private static Duration nextBackoff(Duration current) {
    Duration next = current.isZero() ? Duration.ofMillis(100) : current.multipliedBy(2);
    return next.compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : next;
  }

  private static Throwable unwrap(Throwable e) {
    Throwable current = e;
    while ((current instanceof CompletionException || current instanceof ExecutionException)
        && current.getCause() != null) {
      current = current.getCause();
    }
    return current;
  }

  private void closeClients() {
    try {
      consumer.close(CloseOptions.timeout(Duration.ofSeconds(5)));
    } catch (KafkaException e) {
      LOG.warn("kafka ingest: closing the consumer failed: {}", e.toString());
    }
    if (deadLetters != null) {
      deadLetters.close(Duration.ofSeconds(5));
    }
  }
}
