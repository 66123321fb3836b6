package io.tributary.edge.status;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Executors;
import java.util.function.Supplier;

/**
 * {@code GET /metrics} (Prometheus) and {@code GET /health} (JSON) on the bridge's own port, with
 * the JDK's HTTP server: nothing else listens on a gateway.
 */
public final class StatusServer implements AutoCloseable {
  private final HttpServer server;

  private StatusServer(HttpServer server) {
    this.server = server;
  }

  /**
   * @param health the health document and whether the bridge is healthy (200, else 503)
   */
  public static StatusServer start(
      String host, int port, EdgeMetrics metrics, Supplier<Health> health) {
    try {
      HttpServer server = HttpServer.create(new InetSocketAddress(host, port), 16);
      server.setExecutor(
          Executors.newSingleThreadExecutor(
              r -> {
                Thread t = new Thread(r, "edge-status-http");
                t.setDaemon(true);
                return t;
              }));
      server.createContext(
          "/metrics",
          exchange ->
              reply(exchange, 200, "text/plain; version=0.0.4; charset=utf-8", metrics.scrape()));
      server.createContext(
          "/health",
          exchange -> {
            Health h = health.get();
            reply(exchange, h.healthy() ? 200 : 503, "application/json", h.json());
          });
      server.start();
      return new StatusServer(server);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot listen on " + host + ":" + port, e);
    }
  }

  /** The health answer: its status code follows {@code healthy}. */
  public record Health(boolean healthy, String json) {}

  private static void reply(HttpExchange exchange, int status, String type, String body)
      throws IOException {
    try (exchange) {
      if (!"GET".equals(exchange.getRequestMethod())
          && !"HEAD".equals(exchange.getRequestMethod())) {
        exchange.sendResponseHeaders(405, -1);
        return;
      }
      byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().set("Content-Type", type);
      exchange.sendResponseHeaders(status, bytes.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(bytes);
      }
    }
  }

  public int port() {
    return server.getAddress().getPort();
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
