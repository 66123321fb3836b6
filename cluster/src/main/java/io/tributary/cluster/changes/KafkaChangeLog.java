package io.tributary.cluster.changes;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.tributary.catalog.ChangeEvent;
import io.tributary.catalog.ChangeFeed;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Properties;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.apache.kafka.clients.consumer.CloseOptions;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Connects a server's {@link ChangeFeed} to the shared change log: its own commits go out (keyed by
 * server id, so one origin's changes stay in one partition, in order), every other server's come in
 * through {@link ChangeFeed#publishRemote}, each once ({@link RemoteChanges}).
 *
 * <p>Going out never blocks a commit: the feed hands changes to a bounded queue that a sender
 * thread empties; when Kafka is away longer than the queue lasts, changes are dropped from the log
 * (counted and logged), never from this server's own feed.
 *
 * <p>Coming in, each server reads the whole log in a consumer group of its own ({@code
 * tributary-changes-<server id>}), so after a restart it resumes where it stopped and its search
 * index catches up; a new server starts at the log's end.
 */
public final class KafkaChangeLog implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(KafkaChangeLog.class);
  private static final int QUEUE_CAPACITY = 100_000;

  /** Where the log is and who this server is. */
  public record Settings(String bootstrapServers, String topic, String serverId) {
    public Settings {
      Objects.requireNonNull(bootstrapServers, "bootstrapServers");
      Objects.requireNonNull(topic, "topic");
      Objects.requireNonNull(serverId, "serverId");
    }
  }

  private final Settings settings;
  private final ChangeFeed feed;
  private final ChangeCodec codec = new ChangeCodec();
  private final RemoteChanges remote;
  private final BlockingQueue<ChangeEvent> outbox = new ArrayBlockingQueue<>(QUEUE_CAPACITY);
  private final KafkaProducer<String, String> producer;
  private final KafkaConsumer<String, String> consumer;
  private final Thread sender;
  private final Thread receiver;
  private final Counter published;
  private final Counter received;
  private final Counter dropped;
  private final ChangeFeed.Subscription relay;
  private volatile boolean running = true;
  // The newest own change queued, and the newest handed to the producer: flush() waits for one to
  // reach the other. Written by the feed's publisher and the sender thread respectively.
  private volatile long queued;
  private volatile long handedOver;

  private KafkaChangeLog(Settings settings, ChangeFeed feed, MeterRegistry registry) {
    this.settings = settings;
    this.feed = feed;
    this.remote = new RemoteChanges(settings.serverId());
    this.published = counter(registry, "published", "Own changes written to the change log");
    this.received = counter(registry, "received", "Other servers' changes delivered to the feed");
    this.dropped =
        counter(registry, "dropped", "Own changes not written to the log (Kafka away too long)");
    this.producer = new KafkaProducer<>(producerProperties());
    this.consumer = new KafkaConsumer<>(consumerProperties());
    this.sender = new Thread(this::send, "tributary-changes-out");
    this.receiver = new Thread(this::receive, "tributary-changes-in");
    sender.setDaemon(true);
    receiver.setDaemon(true);
    this.relay = feed.relay(this::enqueue);
  }

  private static Counter counter(MeterRegistry registry, String name, String doc) {
    return Counter.builder("tributary.cluster.changes." + name).description(doc).register(registry);
  }

  /**
   * Joins the log and starts relaying; returns once this server reads the log, so that a change
   * another server commits after this returns is delivered.
   */
  public static KafkaChangeLog start(Settings settings, ChangeFeed feed, MeterRegistry registry) {
    KafkaChangeLog log = new KafkaChangeLog(settings, feed, registry);
    log.consumer.subscribe(List.of(settings.topic()));
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (log.consumer.assignment().isEmpty()) {
      if (System.nanoTime() - deadline > 0) {
        log.close();
        throw new IllegalStateException(
            "cluster: no partition of change log '" + settings.topic() + "' assigned in 60 s");
      }
      log.deliver(log.consumer.poll(Duration.ofMillis(100)));
    }
    // Fixes the start position now (the log's end for a new server) rather than at the next poll.
    log.consumer.assignment().forEach(log.consumer::position);
    log.sender.start();
    log.receiver.start();
    LOG.info(
        "cluster: change log '{}' joined as server '{}'", settings.topic(), settings.serverId());
    return log;
  }

  private Properties producerProperties() {
    Properties p = new Properties();
    p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, settings.bootstrapServers());
    p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
    p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
    p.put(ProducerConfig.ACKS_CONFIG, "all");
    p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
    p.put(ProducerConfig.LINGER_MS_CONFIG, "5");
    p.put(ProducerConfig.CLIENT_ID_CONFIG, "tributary-changes-out-" + settings.serverId());
    return p;
  }

  private Properties consumerProperties() {
    Properties p = new Properties();
    p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, settings.bootstrapServers());
    p.put(ConsumerConfig.GROUP_ID_CONFIG, "tributary-changes-" + settings.serverId());
    p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest");
    p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "true");
    p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
    p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
    p.put(ConsumerConfig.CLIENT_ID_CONFIG, "tributary-changes-in-" + settings.serverId());
    return p;
  }

  /** Called by the feed under its lock: must not block. */
  private void enqueue(List<ChangeEvent> events) {
    for (ChangeEvent event : events) {
      if (outbox.offer(event)) {
        queued = event.sequence();
      } else {
        dropped.increment();
        LOG.warn("cluster: change log queue full; change {} not shared", event.sequence());
      }
    }
  }

  private void send() {
    List<ChangeEvent> batch = new ArrayList<>();
    while (running || !outbox.isEmpty()) {
      try {
        ChangeEvent first = outbox.poll(200, TimeUnit.MILLISECONDS);
        if (first == null) {
          continue;
        }
        batch.add(first);
        outbox.drainTo(batch, 999);
        for (ChangeEvent event : batch) {
          String value = codec.write(new ChangeRecord(settings.serverId(), event));
          producer.send(
              new ProducerRecord<>(settings.topic(), settings.serverId(), value),
              (metadata, e) -> {
                if (e == null) {
                  published.increment();
                } else {
                  dropped.increment();
                  LOG.warn("cluster: change {} not shared: {}", event.sequence(), e.toString());
                }
              });
          handedOver = event.sequence();
        }
        batch.clear();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      } catch (KafkaException e) {
        dropped.increment(batch.size());
        batch.clear();
        LOG.warn("cluster: sending to the change log failed: {}", e.toString());
      }
    }
  }

  private void receive() {
    try {
      while (running) {
        deliver(consumer.poll(Duration.ofMillis(500)));
      }
    } catch (WakeupException e) {
      // closing
    } catch (RuntimeException e) {
      LOG.error("cluster: reading the change log stopped by an unexpected failure", e);
    } finally {
      try {
        consumer.close(CloseOptions.timeout(Duration.ofSeconds(5)));
      } catch (KafkaException e) {
        LOG.warn("cluster: closing the change log consumer failed: {}", e.toString());
      }
    }
  }

  private void deliver(Iterable<ConsumerRecord<String, String>> records) {
    List<ChangeEvent> changes = new ArrayList<>();
    for (ConsumerRecord<String, String> record : records) {
      if (settings.serverId().equals(record.key())) {
        continue; // ours: delivered when committed
      }
      ChangeRecord change;
      try {
        change = codec.read(record.value());
      } catch (IllegalArgumentException e) {
        LOG.warn(
            "cluster: skipping change log record {}-{}@{}: {}",
            record.topic(),
            record.partition(),
            record.offset(),
            e.getMessage());
        continue;
      }
      if (change != null && remote.accept(change)) {
        changes.add(change.event());
      }
    }
    if (!changes.isEmpty()) {
      feed.publishRemote(changes);
      received.increment(changes.size());
    }
  }

  /**
   * Waits until every change this server committed before the call is written to the log (or failed
   * to be, and was counted as dropped): an applier of the ingest journal calls this before it
   * commits its offsets, so that a change it applied is never behind an acknowledged offset without
   * being in the log.
   *
   * @return false when {@code timeout} passed first (the changes are still on their way)
   */
  public boolean flush(Duration timeout) {
    long target = queued;
    long deadline = System.nanoTime() + timeout.toNanos();
    while (handedOver < target) {
      if (System.nanoTime() - deadline > 0 || !sender.isAlive()) {
        return false;
      }
      LockSupport.parkNanos(200_000);
    }
    // Blocks until the producer's records have their acknowledgement or their failure, which
    // delivery.timeout.ms bounds.
    producer.flush();
    return true;
  }

  /** Stops relaying, sends what is queued (within a few seconds), and leaves the log. */
  @Override
  public void close() {
    relay.close();
    running = false;
    if (receiver.isAlive()) {
      consumer.wakeup();
      join(receiver);
    } else {
      consumer.close(CloseOptions.timeout(Duration.ofSeconds(5)));
    }
    join(sender);
    producer.close(Duration.ofSeconds(5));
  }

  private static void join(Thread thread) {
    if (!thread.isAlive()) {
      return;
    }
    try {
      thread.join(Duration.ofSeconds(10).toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
