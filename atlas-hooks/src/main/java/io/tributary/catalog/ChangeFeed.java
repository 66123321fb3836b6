package io.tributary.catalog;

import io.tributary.contract.TenantId;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Committed changes, delivered to subscribers in commit order and kept in a bounded window so that
 * a client that reconnects with its last sequence misses nothing still in the window.
 *
 * <p>Sequences are derived from the wall clock in microseconds (and kept strictly increasing), so
 * they also increase across restarts without a stored counter.
 *
 * <p>In a cluster, the feed also carries the other servers' changes ({@link #publishRemote}); they
 * get this feed's own sequences, so a subscriber sees one total order per server. Only this
 * server's own commits go to the {@link #relay} (the shared change log), so nothing echoes back.
 */
public final class ChangeFeed {
  private static final Logger LOG = LoggerFactory.getLogger(ChangeFeed.class);

  /** A draft of an event: the feed assigns the sequence and time when it is published. */
  /**
   * @param attributes as {@link ChangeEvent#attributes}; read when the draft is published, so a
   *     writer may pass a set it is still adding to until then
   * @param asOf as {@link ChangeEvent#asOf}
   */
  public record Draft(
      ChangeEvent.Kind kind,
      EntityRef subject,
      String relationshipType,
      EntityRef target,
      Set<String> attributes,
      Instant asOf) {
    public Draft {
      Objects.requireNonNull(kind, "kind");
      Objects.requireNonNull(subject, "subject");
    }

    public Draft(
        ChangeEvent.Kind kind, EntityRef subject, String relationshipType, EntityRef target) {
      this(kind, subject, relationshipType, target, null, null);
    }
  }

  /** Returned by {@link #subscribe}; closing it stops delivery. */
  public interface Subscription extends AutoCloseable {
    @Override
    void close();
  }

  private final int capacity;
  private final Clock clock;
  private final Deque<ChangeEvent> window = new ArrayDeque<>();
  private final List<Consumer<ChangeEvent>> listeners = new CopyOnWriteArrayList<>();
  private final List<Consumer<List<ChangeEvent>>> relays = new CopyOnWriteArrayList<>();
  private final List<Consumer<List<ChangeEvent>>> remoteListeners = new CopyOnWriteArrayList<>();
  private final Map<TenantId, Long> lastSequenceByTenant = new HashMap<>();
  private long lastSequence;
  private long evictedUpTo;

  public ChangeFeed(int capacity, Clock clock) {
    if (capacity < 1) {
      throw new IllegalArgumentException("capacity " + capacity + " must be positive");
    }
    this.capacity = capacity;
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  public ChangeFeed() {
    this(CatalogSettings.FEED_WINDOW_SIZE.defaultValue(), Clock.systemUTC());
  }

  /** Publishes the changes of one commit, in order. */
  public void publish(List<Draft> drafts) {
    if (drafts.isEmpty()) {
      return;
    }
    synchronized (this) {
      Instant now = clock.instant();
      List<ChangeEvent> events = append(drafts, now, d -> now);
      // Handed over in commit order, under the lock, so that the shared log keeps it.
      for (Consumer<List<ChangeEvent>> relay : relays) {
        try {
          relay.accept(events);
        } catch (RuntimeException e) {
          LOG.warn("change feed: relay failed on {} events: {}", events.size(), e.toString());
        }
      }
    }
  }

  /**
   * Publishes changes another server committed, in that server's order: each gets a sequence of
   * this feed and keeps its commit time. They are not handed to the {@link #relay}.
   */
  public void publishRemote(List<ChangeEvent> changes) {
    if (changes.isEmpty()) {
      return;
    }
    List<Draft> drafts =
        changes.stream()
            .map(
                c ->
                    new Draft(
                        c.kind(),
                        c.subject(),
                        c.relationshipType(),
                        c.target(),
                        c.attributes(),
                        c.asOf()))
            .toList();
    synchronized (this) {
      int[] i = {0};
      append(drafts, clock.instant(), d -> changes.get(i[0]++).time());
      for (Consumer<List<ChangeEvent>> listener : remoteListeners) {
        try {
          listener.accept(changes);
        } catch (RuntimeException e) {
          LOG.warn("change feed: remote listener failed: {}", e.toString());
        }
      }
    }
  }

  /**
   * Hands {@code listener} every change another server committed ({@link #publishRemote}), as
   * received: for caches of this server that must forget what another server changed. Called under
   * the feed's lock: the listener must not block.
   */
  public Subscription onRemote(Consumer<List<ChangeEvent>> listener) {
    Objects.requireNonNull(listener, "listener");
    remoteListeners.add(listener);
    return () -> remoteListeners.remove(listener);
  }

  /**
   * Hands every change this server commits (never those of {@link #publishRemote}) to {@code
   * relay}, one commit's changes at a time, in commit order, with their sequences.
   */
  public Subscription relay(Consumer<List<ChangeEvent>> relay) {
    Objects.requireNonNull(relay, "relay");
    relays.add(relay);
    return () -> relays.remove(relay);
  }

  /** Sequences, windows and delivers; the caller holds the lock. */
  private List<ChangeEvent> append(
      List<Draft> drafts, Instant now, java.util.function.Function<Draft, Instant> timeOf) {
    List<ChangeEvent> events = new ArrayList<>(drafts.size());
    long micros = now.getEpochSecond() * 1_000_000L + now.getNano() / 1_000;
    for (Draft d : drafts) {
      lastSequence = Math.max(lastSequence + 1, micros);
      ChangeEvent event =
          new ChangeEvent(
              lastSequence,
              d.kind(),
              timeOf.apply(d),
              d.subject(),
              d.relationshipType(),
              d.target(),
              d.attributes(),
              d.asOf());
      events.add(event);
      lastSequenceByTenant.put(d.subject().key().tenant(), lastSequence);
      window.addLast(event);
      if (window.size() > capacity) {
        evictedUpTo = window.removeFirst().sequence();
      }
    }
    // Delivered under the lock so that every subscriber sees one total order.
    for (ChangeEvent event : events) {
      for (Consumer<ChangeEvent> listener : listeners) {
        deliver(listener, event);
      }
    }
    return events;
  }

  /**
   * Subscribes to changes after {@code afterSequence} (0 for only new ones). Check {@link #covers}
   * first: when the window no longer holds everything after that sequence, a client must reload.
   */
  public synchronized Subscription subscribe(long afterSequence, Consumer<ChangeEvent> listener) {
    Objects.requireNonNull(listener, "listener");
    if (afterSequence > 0) {
      for (ChangeEvent event : window) {
        if (event.sequence() > afterSequence) {
          deliver(listener, event);
        }
      }
    }
    listeners.add(listener);
    return () -> listeners.remove(listener);
  }

  /** Whether every change after {@code afterSequence} is still in the window. */
  public synchronized boolean covers(long afterSequence) {
    return afterSequence >= evictedUpTo;
  }

  /**
   * Events after {@code afterSequence} still in the window, oldest first, at most {@code limit}.
   */
  public synchronized List<ChangeEvent> since(long afterSequence, int limit) {
    List<ChangeEvent> out = new ArrayList<>();
    for (ChangeEvent event : window) {
      if (event.sequence() > afterSequence) {
        out.add(event);
        if (out.size() == limit) {
          break;
        }
      }
    }
    return out;
  }

  public synchronized long lastSequence() {
    return lastSequence;
  }

  /**
   * The sequence of the last change to the tenants {@code readable} accepts, 0 when none: what a
   * caller is told, so that it does not learn when other tenants write.
   */
  public synchronized long lastSequence(Predicate<TenantId> readable) {
    long last = 0;
    for (Map.Entry<TenantId, Long> e : lastSequenceByTenant.entrySet()) {
      if (e.getValue() > last && readable.test(e.getKey())) {
        last = e.getValue();
      }
    }
    return last;
  }

  private static void deliver(Consumer<ChangeEvent> listener, ChangeEvent event) {
    try {
      listener.accept(event);
    } catch (RuntimeException e) {
      // A failing subscriber (a closed SSE connection) must not stop the others.
      LOG.warn("change feed: subscriber failed on event {}: {}", event.sequence(), e.toString());
    }
  }
}
