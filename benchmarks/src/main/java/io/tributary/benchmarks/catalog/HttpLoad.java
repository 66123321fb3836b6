package io.tributary.benchmarks.catalog;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * OpenLineage events posted to {@code /api/v1/lineage} by a fixed number of clients, each with its
 * own keep-alive HTTP/1.1 connection ({@link PostConnection}), each waiting for its answer before
 * the next event.
 */
final class HttpLoad {
  /** What a run measured; latencies in nanoseconds. */
  record Result(int events, double seconds, Stats latencies) {
    double rate() {
      return events / seconds;
    }

    String describe() {
      return String.format(
          "%,.0f events/s, p50 %.1f ms, p99 %.1f ms, max %.1f ms",
          rate(),
          latencies.percentileMillis(50),
          latencies.percentileMillis(99),
          latencies.percentileMillis(100));
    }
  }

  private final URI lineage;
  private final int clients;

  HttpLoad(URI server, int clients) {
    this.lineage = server.resolve("/api/v1/lineage");
    this.clients = clients;
  }

  /** As fast as the clients go. */
  Result closedLoop(List<String> events) throws Exception {
    return run(events, 0);
  }

  /**
   * At {@code perSecond} events per second overall, whatever the answers take: each event's latency
   * counts from when it was due, so a stall shows in the percentiles instead of slowing the load.
   */
  Result paced(List<String> events, double perSecond) throws Exception {
    return run(events, perSecond);
  }

  private Result run(List<String> events, double perSecond) throws Exception {
    Stats stats = new Stats(events.size());
    AtomicInteger next = new AtomicInteger();
    ExecutorService pool = Executors.newFixedThreadPool(clients);
    long start = System.nanoTime();
    long interval = perSecond > 0 ? (long) (1e9 / perSecond) : 0;
    List<Future<?>> done = new ArrayList<>();
    for (int c = 0; c < clients; c++) {
      done.add(
          pool.submit(
              () -> {
                try (PostConnection connection = connect()) {
                  for (int i = next.getAndIncrement();
                      i < events.size();
                      i = next.getAndIncrement()) {
                    byte[] body = events.get(i).getBytes(StandardCharsets.UTF_8);
                    long due = interval > 0 ? start + i * interval : System.nanoTime();
                    long wait = due - System.nanoTime();
                    if (wait > 0) {
                      LockSupport.parkNanos(wait);
                    }
                    post(connection, body);
                    stats.add(System.nanoTime() - due);
                  }
                }
                return null;
              }));
    }
    for (Future<?> f : done) {
      f.get();
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    pool.shutdown();
    pool.awaitTermination(10, TimeUnit.SECONDS);
    return new Result(events.size(), seconds, stats);
  }

  /** A keep-alive connection to the lineage endpoint. */
  PostConnection connect() throws java.io.IOException {
    return new PostConnection(lineage);
  }

  /** Posts one event; fails on anything but 201. */
  static void post(PostConnection connection, byte[] event) throws Exception {
    PostConnection.Answer answer = connection.post(event);
    if (answer.status() != 201) {
      throw new IllegalStateException("ingest answered " + answer.status() + ": " + answer.body());
    }
  }
}
