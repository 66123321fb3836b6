package io.tributary.edge.sync;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.tributary.edge.journal.Journal;
import io.tributary.edge.journal.JournalEntry;
import io.tributary.edge.lineage.EdgeEvents;
import io.tributary.edge.status.EdgeMetrics;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends the journal to the catalog's {@code POST /api/v1/lineage/batch}, oldest first, and removes
 * what the catalog acknowledged. The journal's order is the order per device, and each event keeps
 * its sequence across retries and restarts, so a batch sent twice (the answer lost, the bridge
 * killed before removing it) is applied once: the catalog takes a sequence it applied already for a
 * redelivery.
 *
 * <p>When the catalog cannot be reached, or answers 5xx, 429, 401 or 403, the same batch is sent
 * again after a backoff that doubles up to {@code maxBackoff} (with jitter); nothing is dropped. An
 * event the catalog refuses for itself ({@code retriable: false}: invalid, over a limit) is removed
 * and counted. One that failed alone for a server-side reason is journaled again under a new
 * sequence, since later events of its run may have been applied.
 */
public final class CatalogSync implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(CatalogSync.class);

  /** Where and how to send. */
  public record Target(
      URI catalog, String apiKey, int batchSize, Duration interval, Duration maxBackoff) {
    @Override
    public String toString() {
      return "Target[" + catalog + ", batch " + batchSize + "]";
    }
  }

  private final Journal journal;
  private final EdgeEvents events;
  private final Target target;
  private final ObjectMapper json;
  private final HttpClient http;
  private final LongSupplier wallClock;
  private final Thread thread;
  private final Object signal = new Object();
  private final AtomicLong lastSync = new AtomicLong();
  private final LongAdder synced;
  private final LongAdder rejected;
  private final EdgeMetrics metrics;
  private volatile boolean stopped;
  private volatile boolean catalogReachable;
  private int batchSize;

  public CatalogSync(
      Journal journal,
      EdgeEvents events,
      Target target,
      ObjectMapper json,
      EdgeMetrics metrics,
      LongSupplier wallClock) {
    this.journal = journal;
    this.events = events;
    this.target = target;
    this.json = json;
    this.metrics = metrics;
    this.wallClock = wallClock;
    this.batchSize = target.batchSize();
    this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    this.synced =
        metrics.counter("tributary_edge_events_synced", "Events the catalog acknowledged", "");
    this.rejected =
        metrics.counter(
            "tributary_edge_events_rejected", "Events the catalog refused for good (logged)", "");
    metrics.gauge(
        "tributary_edge_last_sync_timestamp_seconds",
        "When the catalog last acknowledged a batch",
        () -> lastSync.get() / 1000.0);
    this.thread = new Thread(this::run, "edge-sync");
    thread.setDaemon(true);
  }

  public void start() {
    thread.start();
  }

  /** Sends without waiting for the interval: the journal has something new. */
  public void wake() {
    synchronized (signal) {
      signal.notifyAll();
    }
  }

  /** Epoch milliseconds of the last acknowledged batch, 0 before the first. */
  public long lastSync() {
    return lastSync.get();
  }

  public boolean catalogReachable() {
    return catalogReachable;
  }

  private void run() {
    long backoff = 0;
    while (!stopped) {
      boolean more;
      try {
        more = syncOnce();
        backoff = 0;
        catalogReachable = true;
      } catch (SyncFailure e) {
        catalogReachable = e.reachable;
        backoff = backoff == 0 ? 250 : Math.min(backoff * 2, target.maxBackoff().toMillis());
        metrics
            .counter("tributary_edge_sync_failures", "Batches the catalog did not take", "")
            .increment();
        LOG.debug("sync: {}; next try in {} ms", e.getMessage(), backoff);
        more = false;
      } catch (RuntimeException e) {
        backoff = Math.min(Math.max(backoff * 2, 1000), target.maxBackoff().toMillis());
        LOG.warn("sync: {}", e.toString());
        more = false;
      }
      if (!more) {
        pause(backoff == 0 ? target.interval().toMillis() : jitter(backoff));
      }
    }
  }

  private static long jitter(long millis) {
    return millis / 2 + ThreadLocalRandom.current().nextLong(millis / 2 + 1);
  }

  private void pause(long millis) {
    synchronized (signal) {
      if (stopped) {
        return;
      }
      try {
        signal.wait(Math.max(1, millis));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        stopped = true;
      }
    }
  }

  /**
   * Sends one batch.
   *
   * @return whether more may be waiting
   */
  boolean syncOnce() {
    List<JournalEntry> entries = journal.oldest(batchSize);
    if (entries.isEmpty()) {
      return false;
    }
    ArrayNode batch = json.createArrayNode();
    entries.forEach(e -> batch.add(events.forSending(e)));
    HttpResponse<String> response = post(batch);
    int status = response.statusCode();
    if (status == 413 && batchSize > 1) {
      batchSize = Math.max(1, batchSize / 2);
      return true;
    }
    JsonNode body = parse(response.body());
    boolean perEvent = status == 200 || (status == 400 && body.has("failed_events"));
    if (!perEvent) {
      throw new SyncFailure("catalog answered " + status, true);
    }
    Map<Integer, JsonNode> failed = new HashMap<>();
    for (JsonNode f : body.path("failed_events")) {
      failed.put(f.path("index").asInt(-1), f);
    }
    List<Long> done = new ArrayList<>();
    for (int i = 0; i < entries.size(); i++) {
      JournalEntry entry = entries.get(i);
      JsonNode failure = failed.get(i);
      if (failure == null) {
        done.add(entry.sequence());
        synced.increment();
      } else if (failure.path("retriable").asBoolean(false)) {
        journal.resequence(entry);
      } else {
        done.add(entry.sequence());
        rejected.increment();
        LOG.warn(
            "sync: the catalog refused event {} of device {}: {}",
            entry.sequence(),
            entry.device(),
            failure.path("reason").asText());
      }
    }
    journal.remove(done);
    lastSync.set(wallClock.getAsLong());
    boolean full = entries.size() == batchSize;
    batchSize = Math.min(target.batchSize(), batchSize * 2);
    return full;
  }

  private HttpResponse<String> post(ArrayNode batch) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(target.catalog().resolve("api/v1/lineage/batch"))
            .timeout(Duration.ofSeconds(60))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(events.text(batch)));
    if (target.apiKey() != null) {
      request.header("Authorization", "Bearer " + target.apiKey());
    }
    try {
      return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new SyncFailure("catalog unreachable: " + e, false);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new SyncFailure("interrupted", false);
    }
  }

  private JsonNode parse(String body) {
    try {
      return json.readTree(body == null || body.isEmpty() ? "{}" : body);
    } catch (IOException e) {
      return json.createObjectNode();
    }
  }

  /** A batch the catalog did not take: sent again after the backoff. */
  private static final class SyncFailure extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final boolean reachable;

    SyncFailure(String message, boolean reachable) {
      super(message, null, false, false);
      this.reachable = reachable;
    }
  }

  @Override
  public void close() {
    stopped = true;
    wake();
    try {
      thread.join(5_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
