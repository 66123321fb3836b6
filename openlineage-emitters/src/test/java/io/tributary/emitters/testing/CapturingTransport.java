package io.tributary.emitters.testing;

import io.openlineage.client.OpenLineage;
import io.openlineage.client.transports.Transport;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/** A transport that keeps what it is sent and can be told to fail, as a down endpoint would. */
public final class CapturingTransport extends Transport {
  private final List<OpenLineage.RunEvent> events = new CopyOnWriteArrayList<>();
  private final AtomicBoolean failing = new AtomicBoolean();
  private final AtomicInteger attempts = new AtomicInteger();

  public void failing(boolean value) {
    failing.set(value);
  }

  public int attempts() {
    return attempts.get();
  }

  public List<OpenLineage.RunEvent> events() {
    return List.copyOf(events);
  }

  @Override
  public void emit(OpenLineage.RunEvent event) {
    attempts.incrementAndGet();
    if (failing.get()) {
      throw new IllegalStateException("endpoint down");
    }
    events.add(event);
  }

  @Override
  public void close() {
    // Nothing to release.
  }

  @Override
  public void emit(OpenLineage.DatasetEvent event) {
    throw new UnsupportedOperationException("dataset events are not emitted");
  }

  @Override
  public void emit(OpenLineage.JobEvent event) {
    throw new UnsupportedOperationException("job events are not emitted");
  }
}
