package io.tributary.benchmarks.emitters;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/**
 * An OpenLineage HTTP endpoint that accepts and counts every event: the emitters do all their work
 * (build, serialise, send) while the figures measure the emitters, not a catalog in the same JVM.
 */
final class LineageSink implements AutoCloseable {
  static final String PATH = "/api/v1/lineage";

  private final HttpServer server;
  private final ExecutorService executor;
  private final AtomicLong events = new AtomicLong();

  private LineageSink(HttpServer server, ExecutorService executor) {
    this.server = server;
    this.executor = executor;
  }

  static LineageSink start() {
    try {
      HttpServer server =
          HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
      ExecutorService executor =
          Executors.newSingleThreadExecutor(
              r -> {
                Thread t = new Thread(r, "bench-lineage-sink");
                t.setDaemon(true);
                return t;
              });
      LineageSink sink = new LineageSink(server, executor);
      server.createContext(
          PATH,
          exchange -> {
            try (InputStream body = exchange.getRequestBody()) {
              body.transferTo(java.io.OutputStream.nullOutputStream());
            }
            sink.events.incrementAndGet();
            exchange.sendResponseHeaders(201, -1);
            exchange.close();
          });
      server.setExecutor(executor);
      server.start();
      return sink;
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot start the lineage sink", e);
    }
  }

  String url() {
    return "http://localhost:" + server.getAddress().getPort();
  }

  long events() {
    return events.get();
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }
}
