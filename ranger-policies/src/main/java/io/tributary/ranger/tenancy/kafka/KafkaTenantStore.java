package io.tributary.ranger.tenancy.kafka;

import io.tributary.ranger.PolicyException;
import io.tributary.ranger.tenancy.RegistryChange;
import io.tributary.ranger.tenancy.RegistryCodec;
import io.tributary.ranger.tenancy.TenantStore;
import io.tributary.ranger.tenancy.TenantStoreUnavailableException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.consumer.CloseOptions;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The registry as a compacted Kafka topic of one partition, so every server applies the same
 * records in the same order: keyed by tenant or share, the new value as JSON, a tombstone on
 * removal. At start the topic is read from its beginning to its end before {@link #start} returns;
 * a reader thread then follows it. A change is a record, answered once this server's reader has
 * applied it; the record carries a request id so the reader knows which write it answers.
 */
public final class KafkaTenantStore implements TenantStore {
  private static final Logger LOG = LoggerFactory.getLogger(KafkaTenantStore.class);
  private static final String REQUEST_HEADER = "tributary.request";
  private static final Duration POLL = Duration.ofMillis(200);
  private static final Duration MAX_BACKOFF = Duration.ofSeconds(30);

  /**
   * @param timeout how long a change may take to be recorded and applied here (then 503), and how
   *     long each step of reading the topic at start may take
   * @param clientConfig further Kafka client properties (security, for example)
   */
  public record Settings(
      String bootstrapServers, String topic, Duration timeout, Map<String, Object> clientConfig) {
    public Settings {
      Objects.requireNonNull(bootstrapServers, "bootstrapServers");
      Objects.requireNonNull(topic, "topic");
      Objects.requireNonNull(timeout, "timeout");
      clientConfig = clientConfig == null ? Map.of() : Map.copyOf(clientConfig);
    }
  }

  private final Settings settings;
  private final TopicPartition partition;
  private final Map<String, CompletableFuture<Boolean>> pending = new ConcurrentHashMap<>();
  private KafkaConsumer<String, byte[]> consumer;
  private KafkaProducer<String, byte[]> producer;
  private Applier applier;
  private Thread reader;
  private volatile boolean running;

  public KafkaTenantStore(Settings settings) {
    this.settings = Objects.requireNonNull(settings, "settings");
    this.partition = new TopicPartition(settings.topic(), 0);
  }

  @Override
  public synchronized void start(Applier applier) {
    if (this.applier != null) {
      throw new IllegalStateException("tenant store " + settings.topic() + " started twice");
    }
    this.applier = Objects.requireNonNull(applier, "applier");
    running = true;
    consumer = new KafkaConsumer<>(consumerConfig());
    try {
      replay();
    } catch (RuntimeException e) {
      consumer.close(CloseOptions.timeout(Duration.ZERO));
      running = false;
      throw e;
    }
    producer = new KafkaProducer<>(producerConfig());
    reader = new Thread(this::follow, "tributary-tenants-" + settings.topic());
    reader.setDaemon(true);
    reader.start();
  }

  /** Reads the partition up to the end it had when the server started. */
  private void replay() {
    consumer.assign(List.of(partition));
    consumer.seekToBeginning(List.of(partition));
    long end;
    try {
      end = consumer.endOffsets(List.of(partition), settings.timeout()).get(partition);
    } catch (RuntimeException e) {
      throw new TenantStoreUnavailableException(
          "Cannot read tenant registry topic '"
              + settings.topic()
              + "' at "
              + settings.bootstrapServers()
              + ": "
              + e.getMessage(),
          e);
    }
    int applied = 0;
    long quietSince = System.nanoTime();
    while (consumer.position(partition, settings.timeout()) < end) {
      int count = 0;
      for (ConsumerRecord<String, byte[]> record : consumer.poll(POLL)) {
        handle(record);
        count++;
      }
      applied += count;
      if (count > 0) {
        quietSince = System.nanoTime();
      } else if (System.nanoTime() - quietSince > settings.timeout().toNanos()) {
        throw new TenantStoreUnavailableException(
            "Tenant registry topic '"
                + settings.topic()
                + "' gave no records for "
                + settings.timeout()
                + " before its end "
                + end);
      }
    }
    LOG.info("tenants: replayed {} records of '{}'", applied, settings.topic());
  }

  private void follow() {
    try {
      while (running) {
        for (ConsumerRecord<String, byte[]> record : consumer.poll(POLL)) {
          handle(record);
        }
      }
    } catch (WakeupException e) {
      if (running) {
        LOG.error("tenants: reader of '{}' woken while running", settings.topic(), e);
      }
    } catch (RuntimeException e) {
      LOG.error(
          "tenants: reader of '{}' stopped; registry changes no longer apply here",
          settings.topic(),
          e);
    } finally {
      consumer.close(CloseOptions.timeout(Duration.ofSeconds(5)));
    }
  }

  private void handle(ConsumerRecord<String, byte[]> record) {
    String request = request(record);
    RegistryChange change;
    try {
      change = RegistryCodec.decode(record.key(), record.value());
    } catch (PolicyException e) {
      LOG.warn(
          "tenants: skipped record {} of '{}': {}",
          record.offset(),
          settings.topic(),
          e.getMessage());
      answer(request, false);
      return;
    }
    answer(request, applyUntilDone(change));
  }

  /** A change that fails to apply (the policy store is away) is retried: skipping it diverges. */
  private boolean applyUntilDone(RegistryChange change) {
    Duration backoff = Duration.ofSeconds(1);
    while (true) {
      try {
        return applier.apply(change);
      } catch (RuntimeException e) {
        if (!running) {
          return false;
        }
        LOG.warn(
            "tenants: cannot apply {}, retrying in {}: {}", change.key(), backoff, e.toString());
        try {
          Thread.sleep(backoff.toMillis());
        } catch (InterruptedException interrupted) {
          Thread.currentThread().interrupt();
          return false;
        }
        backoff =
            backoff.multipliedBy(2).compareTo(MAX_BACKOFF) > 0
                ? MAX_BACKOFF
                : backoff.multipliedBy(2);
      }
    }
  }

  private void answer(String request, boolean applied) {
    if (request != null) {
      CompletableFuture<Boolean> waiting = pending.remove(request);
      if (waiting != null) {
        waiting.complete(applied);
      }
    }
  }

  private static String request(ConsumerRecord<String, byte[]> record) {
    Header header = record.headers().lastHeader(REQUEST_HEADER);
    return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
  }

  @Override
  public boolean write(RegistryChange change) {
    if (producer == null || !running) {
      throw new IllegalStateException("tenant store " + settings.topic() + " is not running");
    }
    String request = UUID.randomUUID().toString();
    CompletableFuture<Boolean> applied = new CompletableFuture<>();
    pending.put(request, applied);
    ProducerRecord<String, byte[]> record =
        new ProducerRecord<>(settings.topic(), 0, change.key(), RegistryCodec.encode(change));
    record.headers().add(REQUEST_HEADER, request.getBytes(StandardCharsets.UTF_8));
    long deadline = System.nanoTime() + settings.timeout().toNanos();
    try {
      producer.send(record).get(settings.timeout().toNanos(), TimeUnit.NANOSECONDS);
      return applied.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
    } catch (TimeoutException e) {
      throw unavailable(change, "not recorded and applied within " + settings.timeout(), e);
    } catch (ExecutionException e) {
      throw unavailable(change, e.getCause().getMessage(), e.getCause());
    } catch (RuntimeException e) {
      throw unavailable(change, e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw unavailable(change, "interrupted", e);
    } finally {
      pending.remove(request);
    }
  }

  private TenantStoreUnavailableException unavailable(
      RegistryChange change, String why, Throwable cause) {
    return new TenantStoreUnavailableException(
        "Tenant registry change of '"
            + change.key()
            + "' is not confirmed ("
            + why
            + "); it may still apply: retry it",
        cause);
  }

  private Map<String, Object> consumerConfig() {
    Map<String, Object> config = new HashMap<>(settings.clientConfig());
    config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, settings.bootstrapServers());
    config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
    config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
    config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    // Only committed records: a change is never applied before Kafka has it for good.
    config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    return config;
  }

  private Map<String, Object> producerConfig() {
    Map<String, Object> config = new HashMap<>(settings.clientConfig());
    config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, settings.bootstrapServers());
    config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
    config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
    config.put(ProducerConfig.ACKS_CONFIG, "all");
    config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    config.put(ProducerConfig.LINGER_MS_CONFIG, 0);
    config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, settings.timeout().toMillis());
    return config;
  }

  @Override
  public void close() {
    Thread thread;
    synchronized (this) {
      if (!running) {
        return;
      }
      running = false;
      thread = reader;
    }
    if (thread != null) {
      consumer.wakeup();
      try {
        thread.join(10_000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    if (producer != null) {
      producer.close(Duration.ofSeconds(5));
    }
  }

  @Override
  public boolean shared() {
    return true;
  }

  @Override
  public String toString() {
    return "Kafka topic " + settings.topic();
  }
}
