package io.tributary.server.api;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.tributary.catalog.ChangeEvent;
import io.tributary.catalog.ChangeFeed;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The open change-feed streams. The feed delivers to subscribers under its lock, on the committing
 * thread; so each stream only queues there, and its own thread writes to the client. A client too
 * slow to keep up loses its connection (and reconnects with {@code Last-Event-ID}) rather than
 * slowing the catalog down.
 */
public final class FeedStreams implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(FeedStreams.class);
  private static final Duration SEND_TIMEOUT = Duration.ofSeconds(30);

  private final ChangeFeed feed;
  private final Views views;
  private final Duration heartbeat;
  private final int queueCapacity;
  private final long startSequence;
  private final Set<Stream> open = ConcurrentHashMap.newKeySet();
  private final ExecutorService writers;

  /**
   * @param queueCapacity events a stream may hold for a slow client: at least the feed's window, so
   *     that a replay always fits
   */
  public FeedStreams(
      ChangeFeed feed,
      Views views,
      Duration heartbeat,
      int queueCapacity,
      Clock clock,
      MeterRegistry registry) {
    this.feed = Objects.requireNonNull(feed, "feed");
    this.views = Objects.requireNonNull(views, "views");
    this.heartbeat = Objects.requireNonNull(heartbeat, "heartbeat");
    this.queueCapacity = queueCapacity;
    Instant now = clock.instant();
    // Sequences are wall-clock microseconds: anything below this was issued by an earlier process.
    this.startSequence = now.getEpochSecond() * 1_000_000L + now.getNano() / 1_000;
    AtomicInteger count = new AtomicInteger();
    ThreadFactory threads =
        r -> {
          Thread t = new Thread(r, "tributary-feed-" + count.incrementAndGet());
          t.setDaemon(true);
          return t;
        };
    this.writers = Executors.newCachedThreadPool(threads);
    Gauge.builder("tributary.feed.streams", open, Set::size)
        .description("Open change-feed (SSE) connections")
        .register(registry);
  }

  public int openStreams() {
    return open.size();
  }

  /**
   * Starts streaming changes after {@code afterSequence} (0: only new ones). When the feed no
   * longer holds everything after it, the stream starts with a {@code reset} event: the client must
   * reload, then gets every change after the reset's id.
   */
  public void open(long afterSequence, SseEventSink sink, Sse sse) {
    open(afterSequence, sink, sse, event -> true);
  }

  /**
   * As {@link #open(long, SseEventSink, Sse)}, sending only the events {@code visible} accepts
   * (tested on the stream's own thread, never the committing one).
   */
  public void open(long afterSequence, SseEventSink sink, Sse sse, Predicate<ChangeEvent> visible) {
    Stream stream = new Stream(sink, sse, visible);
    long from = afterSequence;
    boolean gone = !feed.covers(afterSequence) || afterSequence < startSequence;
    if (afterSequence > 0 && gone) {
      from = feed.lastSequence();
      stream.resetTo(from);
    }
    open.add(stream);
    stream.subscription = feed.subscribe(from, stream);
    writers.execute(stream);
  }

  @Override
  public void close() {
    open.forEach(Stream::stop);
    writers.shutdown();
    try {
      if (!writers.awaitTermination(5, TimeUnit.SECONDS)) {
        writers.shutdownNow();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private final class Stream implements Consumer<ChangeEvent>, Runnable {
    private final SseEventSink sink;
    private final Sse sse;
    private final Predicate<ChangeEvent> visible;
    private final BlockingQueue<ChangeEvent> queue = new LinkedBlockingQueue<>(queueCapacity);
    private volatile ChangeFeed.Subscription subscription;
    private volatile boolean overflowed;
    private volatile boolean stopped;
    private long resetTo = -1;

    Stream(SseEventSink sink, Sse sse, Predicate<ChangeEvent> visible) {
      this.sink = sink;
      this.sse = sse;
      this.visible = visible;
    }

    void resetTo(long sequence) {
      resetTo = sequence;
    }

    @Override
    public void accept(ChangeEvent event) {
      if (!queue.offer(event)) {
        overflowed = true;
      }
    }

    void stop() {
      stopped = true;
    }

    @Override
    public void run() {
      try {
        send(sse.newEventBuilder().comment("connected").reconnectDelay(2000).build());
        if (resetTo >= 0) {
          send(
              sse.newEventBuilder()
                  .id(String.valueOf(resetTo))
                  .name("reset")
                  .data(
                      String.class,
                      views
                          .object()
                          .put("lastSequence", resetTo)
                          .put(
                              "reason",
                              "changes after the requested id are no longer available; reload")
                          .toString())
                  .build());
        }
        long lastSent = System.nanoTime();
        while (!stopped && !sink.isClosed()) {
          ChangeEvent event = queue.poll(heartbeat.toMillis(), TimeUnit.MILLISECONDS);
          if (overflowed) {
            LOG.info("feed: a client fell more than {} events behind; closing it", queueCapacity);
            break;
          }
          if (event == null || !visible.test(event)) {
            // Events the client may not see count as silence: heartbeats keep the stream alive.
            if (System.nanoTime() - lastSent >= heartbeat.toNanos()) {
              send(sse.newEventBuilder().comment("heartbeat").build());
              lastSent = System.nanoTime();
            }
          } else {
            lastSent = System.nanoTime();
            send(
                sse.newEventBuilder()
                    .id(String.valueOf(event.sequence()))
                    .name(event.kind().name())
                    .data(String.class, views.change(event).toString())
                    .build());
          }
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      } catch (Exception e) {
        // The usual end of a stream: the client went away and the write failed.
        LOG.debug("feed: stream closed: {}", e.toString());
      } finally {
        ChangeFeed.Subscription s = subscription;
        if (s != null) {
          s.close();
        }
        open.remove(this);
        try {
          sink.close();
        } catch (java.io.IOException | RuntimeException e) {
          LOG.debug("feed: closing a stream failed: {}", e.toString());
        }
      }
    }

    private void send(OutboundSseEvent event) throws Exception {
      sink.send(event).toCompletableFuture().get(SEND_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    }
  }
}
