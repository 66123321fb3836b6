package io.tributary.testkit.transport;

import io.openlineage.client.OpenLineage;
import io.openlineage.client.transports.Transport;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

/**
 * An OpenLineage {@link Transport} that keeps the run events it is sent in memory, for assertions.
 * Thread-safe: an emitter's background thread may emit while the test reads or waits.
 *
 * <p>Construct one and hand it to the code under test, or configure {@code
 * openlineage.transport.type=capturing} (optionally with {@code openlineage.transport.name=x}) and
 * look the built instance up with {@link #named(String)}. It can also be told to fail, as a down
 * endpoint would, to test retry and drop policies.
 */
public final class CapturingTransport extends Transport {
  /** The name of a transport configured without one. */
  public static final String DEFAULT_NAME = "default";

  // Transports built from configuration are created by openlineage-java, not by the test; this
  // registry is how the test finds them again.
  private static final Map<String, CapturingTransport> BUILT = new ConcurrentHashMap<>();

  private final String name;
  private final List<OpenLineage.RunEvent> events = new CopyOnWriteArrayList<>();
  private final AtomicBoolean failing = new AtomicBoolean();
  private final AtomicInteger attempts = new AtomicInteger();
  private final Object arrived = new Object();

  /** A transport named {@value #DEFAULT_NAME}, not registered for {@link #named(String)}. */
  public CapturingTransport() {
    this(DEFAULT_NAME);
  }

  /**
   * A transport with a name, not registered for {@link #named(String)}.
   *
   * @param name any label
   */
  public CapturingTransport(String name) {
    this.name = java.util.Objects.requireNonNull(name, "name");
  }

  static CapturingTransport register(String name) {
    CapturingTransport transport = new CapturingTransport(name);
    BUILT.put(name, transport);
    return transport;
  }

  /**
   * The transport most recently built from configuration with this name.
   *
   * @param name the {@code name} of its configuration ({@value #DEFAULT_NAME} when none was set)
   * @return the transport
   * @throws IllegalStateException if none was built with that name
   */
  public static CapturingTransport named(String name) {
    CapturingTransport transport = BUILT.get(name);
    if (transport == null) {
      throw new IllegalStateException(
          "No capturing transport named '" + name + "' was built; built: " + BUILT.keySet());
    }
    return transport;
  }

  /**
   * The name this transport was configured with.
   *
   * @return its name
   */
  public String name() {
    return name;
  }

  /**
   * Makes emitting fail (with an {@link IllegalStateException}) or succeed again.
   *
   * @param value true to fail every emit from now on
   */
  public void failing(boolean value) {
    failing.set(value);
  }

  /**
   * How many times a run event was emitted, failed attempts included.
   *
   * @return the number of attempts
   */
  public int attempts() {
    return attempts.get();
  }

  /**
   * The run events received, oldest first.
   *
   * @return a snapshot
   */
  public List<OpenLineage.RunEvent> events() {
    return List.copyOf(events);
  }

  /**
   * The types of the run events received, oldest first.
   *
   * @return for example {@code [START, RUNNING, COMPLETE]}
   */
  public List<String> eventTypes() {
    return events.stream().map(e -> String.valueOf(e.getEventType())).toList();
  }

  /** Forgets the events received and the attempts counted. */
  public void clear() {
    events.clear();
    attempts.set(0);
  }

  /**
   * Waits until at least {@code count} run events have arrived.
   *
   * @param count events to wait for
   * @param timeout how long to wait
   * @return the events received so far (at least {@code count})
   * @throws AssertionError if they did not arrive in time
   */
  public List<OpenLineage.RunEvent> awaitEvents(int count, Duration timeout) {
    await(list -> list.size() >= count, timeout, count + " events");
    return events();
  }

  /**
   * Waits until an event matching {@code condition} has arrived.
   *
   * @param condition what the event must satisfy
   * @param timeout how long to wait
   * @return the first matching event
   * @throws AssertionError if none arrived in time
   */
  public OpenLineage.RunEvent awaitEvent(
      Predicate<OpenLineage.RunEvent> condition, Duration timeout) {
    await(list -> list.stream().anyMatch(condition), timeout, "a matching event");
    return events.stream().filter(condition).findFirst().orElseThrow();
  }

  private void await(Predicate<List<OpenLineage.RunEvent>> done, Duration timeout, String what) {
    long deadline = System.nanoTime() + timeout.toNanos();
    synchronized (arrived) {
      while (!done.test(events)) {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          throw new AssertionError(
              "Expected " + what + " within " + timeout + " but received " + eventTypes());
        }
        try {
          TimeUnit.NANOSECONDS.timedWait(arrived, left);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new AssertionError("Interrupted while waiting for " + what, e);
        }
      }
    }
  }

  @Override
  public void emit(OpenLineage.RunEvent event) {
    attempts.incrementAndGet();
    if (failing.get()) {
      throw new IllegalStateException("endpoint down");
    }
    events.add(event);
    synchronized (arrived) {
      arrived.notifyAll();
    }
  }

  @Override
  public void emit(OpenLineage.DatasetEvent event) {
    throw new UnsupportedOperationException("Dataset events are not captured");
  }

  @Override
  public void emit(OpenLineage.JobEvent event) {
    throw new UnsupportedOperationException("Job events are not captured");
  }

  @Override
  public void close() {
    // Nothing to release: the events stay readable after the client closes.
  }
}
