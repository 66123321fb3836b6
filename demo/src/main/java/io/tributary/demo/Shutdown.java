package io.tributary.demo;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stops parts in the reverse order of their start, each within its own time limit, so that one part
 * that hangs cannot hold Ctrl-C forever.
 */
final class Shutdown {
  private static final Logger LOG = LoggerFactory.getLogger(Shutdown.class);

  private record Step(String name, Duration limit, AutoCloseable part) {}

  private final Deque<Step> steps = new ArrayDeque<>();

  synchronized void add(String name, Duration limit, AutoCloseable part) {
    steps.push(
        new Step(
            Objects.requireNonNull(name, "name"),
            Objects.requireNonNull(limit, "limit"),
            Objects.requireNonNull(part, "part")));
  }

  /** Runs every step, the last added first; a step that fails or overruns is logged and passed. */
  synchronized void run() {
    while (!steps.isEmpty()) {
      stop(steps.pop());
    }
  }

  private static void stop(Step step) {
    AtomicReference<Exception> failure = new AtomicReference<>();
    // A thread of its own: close() of a Kafka or Flink client may ignore interrupts.
    Thread worker =
        new Thread(
            () -> {
              try {
                step.part().close();
              } catch (Exception e) {
                failure.set(e);
              }
            },
            "tributary-demo-stop-" + step.name());
    worker.setDaemon(true);
    long started = System.nanoTime();
    worker.start();
    try {
      worker.join(step.limit().toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    if (worker.isAlive()) {
      LOG.warn(
          "demo: {} did not stop within {} s; going on", step.name(), step.limit().toSeconds());
    } else if (failure.get() != null) {
      LOG.warn("demo: stopping {} failed", step.name(), failure.get());
    } else {
      LOG.info("demo: {} stopped in {} ms", step.name(), (System.nanoTime() - started) / 1_000_000);
    }
  }
}
