package io.tributary.benchmarks.catalog;

import com.sun.net.httpserver.HttpServer;
import io.openlineage.client.OpenLineage;
import io.openlineage.client.OpenLineageClient;
import io.openlineage.client.OpenLineageClientUtils;
import io.openlineage.client.transports.HttpConfig;
import io.openlineage.client.transports.HttpTransport;
import io.tributary.config.ConfigLoader;
import io.tributary.server.CatalogServer;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Figure 2: HTTP ingest with openlineage-java's own {@code HttpTransport} from 4 to 16 concurrent
 * clients, against the same clients posting to a JDK HTTP server that only reads the body and
 * answers 201 (the transport's own ceiling on this machine).
 *
 * <p>Usage: {@code HttpIngestBench [eventsPerRound] [clients...]}.
 */
public final class HttpIngestBench {
  private HttpIngestBench() {}

  public static void main(String[] args) throws Exception {
    int events = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
    List<Integer> clientCounts = new ArrayList<>();
    for (int i = 1; i < args.length; i++) {
      clientCounts.add(Integer.parseInt(args[i]));
    }
    if (clientCounts.isEmpty()) {
      clientCounts = List.of(4, 8, 16);
    }
    List<OpenLineage.RunEvent> payload = events(0, events);
    HttpServer sink = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 256);
    sink.createContext(
        "/api/v1/lineage",
        exchange -> {
          exchange.getRequestBody().readAllBytes();
          exchange.sendResponseHeaders(201, -1);
          exchange.close();
        });
    sink.setExecutor(Executors.newFixedThreadPool(16));
    sink.start();
    URI sinkUri = URI.create("http://127.0.0.1:" + sink.getAddress().getPort());
    Path dir = Files.createTempDirectory("bench-http");
    try (CatalogServer server =
        CatalogServer.start(
            new ConfigLoader(Map.of())
                .load(Map.of("server.port", "0", "data.dir", dir.toString())))) {
      URI tributary = URI.create(server.uri().toString().replaceAll("/$", ""));
      System.out.printf("http ingest: %d events per round%n", events);
      int offset = 0;
      for (int clients : clientCounts) {
        Result base = run(sinkUri, payload, clients);
        // Fresh events each round, so every round writes new entities as a first START does.
        Result ours = run(tributary, events(offset, events), clients);
        offset += events;
        System.out.printf(
            "%2d clients: tributary %.0f events/s p50 %.2f ms p99 %.2f ms | null server %.0f events/s"
                + " p99 %.2f ms | ratio %.2f%n",
            clients, ours.rate, ours.p50, ours.p99, base.rate, base.p99, ours.rate / base.rate);
      }
    } finally {
      sink.stop(0);
    }
  }

  record Result(double rate, double p50, double p99) {}

  static Result run(URI uri, List<OpenLineage.RunEvent> events, int clients) throws Exception {
    Stats stats = new Stats(events.size());
    AtomicInteger next = new AtomicInteger();
    ExecutorService pool = Executors.newFixedThreadPool(clients);
    long start = System.nanoTime();
    List<Future<?>> done = new ArrayList<>();
    for (int c = 0; c < clients; c++) {
      done.add(
          pool.submit(
              () -> {
                HttpConfig config = new HttpConfig();
                config.setUrl(uri);
                OpenLineageClient client =
                    OpenLineageClient.builder().transport(new HttpTransport(config)).build();
                try {
                  for (int i = next.getAndIncrement();
                      i < events.size();
                      i = next.getAndIncrement()) {
                    OpenLineage.RunEvent e = events.get(i);
                    long t0 = System.nanoTime();
                    client.emit(e);
                    stats.add(System.nanoTime() - t0);
                  }
                } finally {
                  client.close();
                }
                return null;
              }));
    }
    for (Future<?> f : done) {
      f.get();
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    pool.shutdown();
    return new Result(
        events.size() / seconds, stats.percentileMillis(50), stats.percentileMillis(99));
  }

  private static List<OpenLineage.RunEvent> events(int from, int count) {
    List<OpenLineage.RunEvent> out = new ArrayList<>(count);
    for (int i = from; i < from + count; i++) {
      out.add(OpenLineageClientUtils.runEventFromJson(Events.runEvent(i)));
    }
    return out;
  }
}
