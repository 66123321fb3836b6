package io.tributary.emitters;

import io.micrometer.core.instrument.MeterRegistry;
import io.openlineage.client.OpenLineage.RunEvent.EventType;
import io.openlineage.client.utils.UUIDUtils;
import io.tributary.emitters.internal.RunEvents;
import io.tributary.emitters.internal.TransportLoader;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One run of a streaming job: START when it starts, a RUNNING snapshot every interval, and one
 * terminal event (COMPLETE, FAIL or ABORT). Each run has a new UUIDv7 run id, so a restarted job is
 * a new run. Snapshots are taken on the run's own daemon thread; nothing here blocks or throws into
 * the caller.
 */
public final class StreamingRun implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(StreamingRun.class);

  private final JobIdentity job;
  private final EmitterConfig config;
  private final LineageEmitter emitter;
  private final boolean ownsEmitter;
  private final RunEvents events;
  private final UUID runId;
  private final List<SnapshotSource> sources = new CopyOnWriteArrayList<>();
  private final List<Snapshot> retired = new ArrayList<>();
  private final ScheduledExecutorService scheduler;
  private Thread shutdownHook;
  private State state = State.NEW;
  private boolean startEmitted;

  private enum State {
    NEW,
    RUNNING,
    ENDED
  }

  private StreamingRun(
      JobIdentity job, EmitterConfig config, LineageEmitter emitter, boolean owns, Clock clock) {
    this.job = Objects.requireNonNull(job, "job");
    this.config = Objects.requireNonNull(config, "config");
    this.emitter = Objects.requireNonNull(emitter, "emitter");
    this.ownsEmitter = owns;
    this.events = new RunEvents(job, config, clock);
    this.runId = UUIDUtils.generateNewUUID(clock.instant());
    ScheduledThreadPoolExecutor executor =
        new ScheduledThreadPoolExecutor(
            1,
            r -> {
              Thread t = new Thread(r, "tributary-lineage-snapshots-" + job.name());
              t.setDaemon(true);
              return t;
            });
    executor.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
    this.scheduler = executor;
  }

  /**
   * A run with its own emitter, whose transport comes from the configuration.
   *
   * @param registry where the emitter publishes its meters, or null
   * @throws EmitterException when the transport configuration is invalid
   */
  public static StreamingRun create(JobIdentity job, EmitterConfig config, MeterRegistry registry) {
    LineageEmitter emitter =
        LineageEmitter.start(job.name(), TransportLoader.load(config), config, registry);
    return new StreamingRun(job, config, emitter, true, Clock.systemUTC());
  }

  /** A run that shares an emitter the caller owns and closes. */
  public static StreamingRun create(
      JobIdentity job, EmitterConfig config, LineageEmitter emitter, Clock clock) {
    return new StreamingRun(job, config, emitter, false, clock);
  }

  public UUID runId() {
    return runId;
  }

  public JobIdentity job() {
    return job;
  }

  public EmitterStats stats() {
    return emitter.stats();
  }

  /** Adds a source; its datasets appear from the next snapshot on. */
  public void attach(SnapshotSource source) {
    sources.add(Objects.requireNonNull(source, "source"));
  }

  /** Removes a source, keeping its last window for the next event. */
  public synchronized void detach(SnapshotSource source) {
    if (sources.remove(source) && state != State.ENDED) {
      Snapshot last = safeSnapshot(source);
      if (last != null) {
        retired.add(last);
      }
    }
  }

  /**
   * Starts the run: START is built and emitted on the run's own thread, so that the caller (often
   * an engine's thread) does no lineage work; RUNNING snapshots follow every interval. Calling it
   * again has no effect.
   */
  public synchronized void start() {
    if (state != State.NEW) {
      return;
    }
    state = State.RUNNING;
    long interval = config.snapshotInterval().toMillis();
    scheduler.execute(this::emitStart);
    scheduler.scheduleAtFixedRate(this::tick, interval, interval, TimeUnit.MILLISECONDS);
    if (config.abortOnJvmExit()) {
      shutdownHook = new Thread(this::abort, "tributary-lineage-abort-" + job.name());
      try {
        Runtime.getRuntime().addShutdownHook(shutdownHook);
      } catch (IllegalStateException e) {
        shutdownHook = null;
      }
    }
  }

  private synchronized void emitStart() {
    if (state == State.RUNNING && !startEmitted) {
      startEmitted = true;
      emit(EventType.START, null);
    }
  }

  /** Emits a RUNNING snapshot now (the periodic task calls this). */
  public synchronized void tick() {
    emitStart();
    if (state == State.RUNNING) {
      emit(EventType.RUNNING, null);
    }
  }

  /** Ends the run normally. */
  public void complete() {
    end(EventType.COMPLETE, null);
  }

  /** Ends the run as stopped before its natural end (for example the JVM exits). */
  public void abort() {
    end(EventType.ABORT, null);
  }

  /** Ends the run as failed; the error becomes the {@code errorMessage} facet. */
  public void fail(Throwable error) {
    end(EventType.FAIL, Objects.requireNonNull(error, "error"));
  }

  /** Same as {@link #complete()}. */
  @Override
  public void close() {
    complete();
  }

  private void end(EventType type, Throwable error) {
    boolean first;
    synchronized (this) {
      first = state != State.ENDED;
      if (state == State.RUNNING) {
        emitStart();
        state = State.ENDED;
        scheduler.shutdownNow();
        emit(type, error);
      } else if (state == State.NEW) {
        state = State.ENDED;
        scheduler.shutdownNow();
      }
    }
    if (first) {
      removeShutdownHook();
    }
    // A later call waits for the first one's flush too: when any end() returns, the terminal
    // event has been sent (or given up on within the close timeout).
    if (ownsEmitter) {
      emitter.close();
    }
  }

  private void removeShutdownHook() {
    Thread hook = shutdownHook;
    if (hook != null && hook != Thread.currentThread()) {
      try {
        Runtime.getRuntime().removeShutdownHook(hook);
      } catch (IllegalStateException e) {
        LOG.debug("JVM is shutting down; hook stays");
      }
    }
  }

  private void emit(EventType type, Throwable error) {
    try {
      List<Snapshot> parts = new ArrayList<>(retired);
      retired.clear();
      for (SnapshotSource source : sources) {
        Snapshot s = safeSnapshot(source);
        if (s != null) {
          parts.add(s);
        }
      }
      emitter.emit(events.build(type, runId, Snapshot.merge(parts), error));
    } catch (RuntimeException e) {
      LOG.warn("[lineage {}] could not build a {} event", job.name(), type, e);
    }
  }

  private Snapshot safeSnapshot(SnapshotSource source) {
    try {
      return source.snapshot();
    } catch (RuntimeException e) {
      LOG.warn("[lineage {}] a snapshot source failed", job.name(), e);
      return null;
    }
  }
}
