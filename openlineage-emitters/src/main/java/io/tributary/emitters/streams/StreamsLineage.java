package io.tributary.emitters.streams;

import io.tributary.emitters.EmitterException;
import io.tributary.emitters.EmitterStats;
import io.tributary.emitters.StreamingRun;
import java.util.Optional;
import java.util.UUID;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The lineage of one instrumented Kafka Streams application, driven by its state: START on the
 * first RUNNING, periodic RUNNING snapshots, FAIL on ERROR, COMPLETE when it stops. Installed as
 * the application's state listener by {@link TributaryStreams#instrument}.
 */
public final class StreamsLineage implements KafkaStreams.StateListener, AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(StreamsLineage.class);

  private final String applicationId;
  private final StreamingRun run;
  private final TopologySnapshot source;
  private final KafkaStreams.StateListener delegate;
  private volatile Throwable lastError;

  StreamsLineage(
      String applicationId,
      StreamingRun run,
      TopologySnapshot source,
      KafkaStreams.StateListener delegate) {
    this.applicationId = applicationId;
    this.run = run;
    this.source = source;
    this.delegate = delegate;
    if (run != null) {
      run.attach(source);
    }
  }

  @Override
  public void onChange(KafkaStreams.State newState, KafkaStreams.State oldState) {
    try {
      if (run != null) {
        transition(newState);
      }
    } catch (RuntimeException e) {
      LOG.warn("[lineage {}] state {} not handled", applicationId, newState, e);
    }
    if (delegate != null) {
      delegate.onChange(newState, oldState);
    }
  }

  private void transition(KafkaStreams.State state) {
    switch (state) {
      case RUNNING -> run.start();
      // Threads still hold their metrics now: keep the last window for the terminal event.
      case PENDING_SHUTDOWN, PENDING_ERROR -> source.freeze();
      case NOT_RUNNING -> run.complete();
      case ERROR ->
          run.fail(
              lastError != null
                  ? lastError
                  : new EmitterException(
                      "Kafka Streams application '" + applicationId + "' entered ERROR state"));
      default -> {
        // CREATED and REBALANCING change nothing in the lineage.
      }
    }
  }

  /**
   * Wraps the application's uncaught exception handler so that a FAIL event carries the error that
   * stopped it: {@code streams.setUncaughtExceptionHandler(lineage.recordingErrors(h))}.
   */
  public StreamsUncaughtExceptionHandler recordingErrors(StreamsUncaughtExceptionHandler handler) {
    return error -> {
      lastError = error;
      return handler.handle(error);
    };
  }

  /** The run's id; empty when lineage is disabled by a configuration error. */
  public Optional<UUID> runId() {
    return run == null ? Optional.empty() : Optional.of(run.runId());
  }

  /** The emitter's counters; empty when lineage is disabled by a configuration error. */
  public Optional<EmitterStats> stats() {
    return run == null ? Optional.empty() : Optional.of(run.stats());
  }

  /** Completes the run if the application was not closed (idempotent). */
  @Override
  public void close() {
    if (run != null) {
      run.complete();
    }
  }
}
