package io.tributary.emitters;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.openlineage.client.OpenLineage.RunEvent;
import io.openlineage.client.transports.Transport;
import io.tributary.emitters.internal.EventQueue;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends OpenLineage events without ever blocking or failing the host: {@link #emit} only enqueues
 * into a bounded queue that one daemon thread drains through an OpenLineage {@link Transport}. A
 * failing transport is retried with exponential backoff; a full queue drops the oldest RUNNING
 * snapshot. Every outcome is counted ({@link #stats()}, and Micrometer meters when a registry is
 * given).
 */
public final class LineageEmitter implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(LineageEmitter.class);
  private static final long POLL_MILLIS = 200;

  private final String name;
  private final Transport transport;
  private final EmitterConfig config;
  private final EventQueue queue;
  private final LongAdder queued = new LongAdder();
  private final LongAdder sent = new LongAdder();
  private final LongAdder dropped = new LongAdder();
  private final LongAdder failed = new LongAdder();
  private final LongAdder retries = new LongAdder();
  private final AtomicBoolean closing = new AtomicBoolean();
  private final CountDownLatch closeRequested = new CountDownLatch(1);
  private final CountDownLatch closed = new CountDownLatch(1);
  private final Thread sender;
  private volatile long closeDeadlineNanos = Long.MAX_VALUE;

  private LineageEmitter(String name, Transport transport, EmitterConfig config) {
    this.name = Objects.requireNonNull(name, "name");
    this.transport = Objects.requireNonNull(transport, "transport");
    this.config = Objects.requireNonNull(config, "config");
    this.queue = new EventQueue(config.queueCapacity());
    this.sender = new Thread(this::drainLoop, "tributary-lineage-sender-" + name);
    this.sender.setDaemon(true);
  }

  /**
   * Starts an emitter and its sender thread.
   *
   * @param name a label for logs, thread and meter tags (the job name)
   * @param registry where to publish meters, or null to keep only {@link #stats()}
   */
  public static LineageEmitter start(
      String name, Transport transport, EmitterConfig config, MeterRegistry registry) {
    LineageEmitter emitter = new LineageEmitter(name, transport, config);
    if (registry != null) {
      emitter.bind(registry);
    }
    emitter.sender.start();
    return emitter;
  }

  private void bind(MeterRegistry registry) {
    counter(registry, "queued", queued, "Lineage events accepted into the queue");
    counter(registry, "sent", sent, "Lineage events sent");
    counter(registry, "dropped", dropped, "Lineage events dropped without being sent");
    counter(registry, "failed", failed, "Lineage events given up after retries");
    counter(registry, "retries", retries, "Lineage send retries");
    Gauge.builder("tributary.lineage.queue.size", queue, EventQueue::size)
        .tag("job", name)
        .description("Lineage events waiting to be sent")
        .register(registry);
  }

  private void counter(MeterRegistry registry, String what, LongAdder adder, String doc) {
    FunctionCounter.builder("tributary.lineage.events." + what, adder, LongAdder::sum)
        .tag("job", name)
        .description(doc)
        .register(registry);
  }

  /** Enqueues an event; never blocks and never throws. Returns whether it was accepted. */
  public boolean emit(RunEvent event) {
    if (closing.get()) {
      dropped.increment();
      return false;
    }
    try {
      EventQueue.Offer offer = queue.offer(event);
      if (offer == EventQueue.Offer.REJECTED) {
        dropped.increment();
        return false;
      }
      if (offer == EventQueue.Offer.ACCEPTED_DROPPED_OLDEST) {
        dropped.increment();
      }
      queued.increment();
      return true;
    } catch (RuntimeException e) {
      LOG.warn("[lineage {}] could not enqueue an event", name, e);
      dropped.increment();
      return false;
    }
  }

  public EmitterStats stats() {
    return new EmitterStats(
        queued.sum(), sent.sum(), dropped.sum(), failed.sum(), retries.sum(), queue.size());
  }

  /**
   * Sends what is queued for at most the configured close timeout, then closes the transport.
   * Events still queued then are counted as dropped. A call while another thread is closing waits
   * for that close to finish, so that whoever closes knows the queue is flushed when it returns.
   */
  @Override
  public void close() {
    if (!closing.compareAndSet(false, true)) {
      awaitClosed();
      return;
    }
    try {
      Duration timeout = config.closeTimeout();
      closeDeadlineNanos = System.nanoTime() + timeout.toNanos();
      closeRequested.countDown();
      try {
        sender.join(timeout.toMillis() + 1000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      if (sender.isAlive()) {
        sender.interrupt();
      }
      dropped.add(queue.drain().size());
      try {
        transport.close();
      } catch (Exception e) {
        LOG.debug("[lineage {}] transport close failed", name, e);
      }
    } finally {
      closed.countDown();
    }
  }

  private void awaitClosed() {
    try {
      // The first close is bounded by the close timeout plus the sender's join margin.
      closed.await(config.closeTimeout().toMillis() + 2000, TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void drainLoop() {
    try {
      while (true) {
        RunEvent event = queue.poll(POLL_MILLIS, TimeUnit.MILLISECONDS);
        if (event != null) {
          deliver(event);
        } else if (closing.get()) {
          return;
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (RuntimeException | Error e) {
      // Never propagates: the host's threads are not ours to kill.
      LOG.error("[lineage {}] sender stopped; events are no longer sent", name, e);
    }
  }

  private void deliver(RunEvent event) throws InterruptedException {
    long backoff = config.initialBackoff().toMillis();
    for (int attempt = 1; ; attempt++) {
      if (System.nanoTime() - closeDeadlineNanos > 0) {
        dropped.increment();
        return;
      }
      try {
        transport.emit(event);
        sent.increment();
        if (attempt > 1) {
          LOG.info("[lineage {}] transport recovered after {} attempts", name, attempt);
        }
        return;
      } catch (RuntimeException | LinkageError e) {
        if (attempt >= config.maxAttempts()) {
          failed.increment();
          LOG.warn(
              "[lineage {}] gave up on a {} event after {} attempts: {}",
              name,
              event.getEventType(),
              attempt,
              e.toString());
          return;
        }
        if (EventQueue.isRunning(event) && queue.hasRunningOf(event.getRun().getRunId())) {
          dropped.increment();
          return;
        }
        if (attempt == 1) {
          LOG.warn("[lineage {}] send failed, retrying with backoff: {}", name, e.toString());
        }
        retries.increment();
        pause(backoff);
        backoff = Math.min(backoff * 2, config.maxBackoff().toMillis());
      }
    }
  }

  private void pause(long millis) throws InterruptedException {
    long left = (closeDeadlineNanos - System.nanoTime()) / 1_000_000;
    if (closing.get()) {
      Thread.sleep(Math.max(0, Math.min(millis, left)));
    } else if (closeRequested.await(millis, TimeUnit.MILLISECONDS)) {
      // Closing: retry now, the close deadline bounds the rest.
      return;
    }
  }
}
