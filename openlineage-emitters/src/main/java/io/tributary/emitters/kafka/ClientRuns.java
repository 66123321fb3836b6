package io.tributary.emitters.kafka;

import io.micrometer.core.instrument.MeterRegistry;
import io.tributary.emitters.EmitterConfig;
import io.tributary.emitters.JobIdentity;
import io.tributary.emitters.SnapshotSource;
import io.tributary.emitters.StreamingRun;
import java.util.HashMap;
import java.util.Map;

/**
 * The runs of the Kafka clients in this JVM, shared by job: a consumer and a producer configured
 * with the same job name form one run whose inputs and outputs connect their topics. A run starts
 * with its first client and completes when its last client closes.
 */
final class ClientRuns {
  /*
   * The one process-wide registry: Kafka creates interceptors reflectively from a class name, so
   * there is no other channel through which two clients of one application can meet.
   */
  static final ClientRuns SHARED = new ClientRuns();

  private final Map<String, Shared> runs = new HashMap<>();

  /** Joins (or starts) the run of {@code job} with one more source. */
  Lease join(JobIdentity job, EmitterConfig config, MeterRegistry registry, SnapshotSource source) {
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
  final class Lease implements AutoCloseable {
    private final String key;
    private final Shared shared;
    private final SnapshotSource source;
    private boolean closed;

    private Lease(String key, Shared shared, SnapshotSource source) {
      this.key = key;
      this.shared = shared;
      this.source = source;
    }

    StreamingRun run() {
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
