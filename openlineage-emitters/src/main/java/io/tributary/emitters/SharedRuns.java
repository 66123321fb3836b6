package io.tributary.emitters;

import io.micrometer.core.instrument.MeterRegistry;
import java.util.HashMap;
import java.util.Map;

/**
 * The runs of the clients in this JVM, shared by job: a consumer and a producer configured with the
 * same job namespace and name form one run whose inputs and outputs connect their datasets,
 * whatever platform each client talks to (a Pulsar consumer and a Kafka producer of one bridge
 * application are one job). A run starts with its first client and completes when its last client
 * closes.
 */
public final class SharedRuns {
  /*
   * The one process-wide registry: Kafka creates interceptors reflectively from a class name, so
   * there is no other channel through which two clients of one application can meet.
   */
  public static final SharedRuns SHARED = new SharedRuns();

  private final Map<String, Shared> runs = new HashMap<>();

  SharedRuns() {}

  /**
   * Joins (or starts) the run of {@code job} with one more source.
   *
   * @param registry where a new run's emitter publishes its meters, or null
   * @throws EmitterException when a new run's transport configuration is invalid
   */
  public Lease join(
      JobIdentity job, EmitterConfig config, MeterRegistry registry, SnapshotSource source) {
    String key = job.namespace() + "\n" + job.name();
    Shared shared;
    synchronized (this) {
      shared = runs.get(key);
      if (shared == null) {
        StreamingRun run = StreamingRun.create(job, config, registry);
        run.attach(source);
        run.start();
        shared = new Shared(run);
        runs.put(key, shared);
      } else {
        shared.run.attach(source);
      }
      shared.clients++;
    }
    return new Lease(key, shared, source);
  }

  private void leave(Lease lease) {
    boolean last;
    synchronized (this) {
      lease.shared.run.detach(lease.source);
      last = --lease.shared.clients == 0;
      if (last) {
        runs.remove(lease.key);
      }
    }
    if (last) {
      lease.shared.run.complete();
    }
  }

  private static final class Shared {
    final StreamingRun run;
    int clients;

    Shared(StreamingRun run) {
      this.run = run;
    }
  }

  /** One client's membership in a shared run; closing it is idempotent. */
  public final class Lease implements AutoCloseable {
    private final String key;
    private final Shared shared;
    private final SnapshotSource source;
    private boolean closed;

    private Lease(String key, Shared shared, SnapshotSource source) {
      this.key = key;
      this.shared = shared;
      this.source = source;
    }

    public StreamingRun run() {
      return shared.run;
    }

    @Override
    public synchronized void close() {
      if (!closed) {
        closed = true;
        leave(this);
      }
    }
  }
}
