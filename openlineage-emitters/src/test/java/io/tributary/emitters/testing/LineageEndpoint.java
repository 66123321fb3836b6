package io.tributary.emitters.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.openlineage.client.OpenLineage.RunEvent;
import io.openlineage.client.OpenLineageClientUtils;
import io.tributary.contract.IngestHeaders;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A real HTTP endpoint that accepts OpenLineage events at {@code POST /api/v1/lineage}, the path of
 * the Tributary catalog, and keeps their JSON and tenant header. It can be stopped and started
 * again on the same port to play an outage.
 */
public final class LineageEndpoint implements AutoCloseable {
  public static final String PATH = "/api/v1/lineage";

  private final List<String> bodies = new CopyOnWriteArrayList<>();
  private final List<String> tenantHeaders = new CopyOnWriteArrayList<>();
  private int port;
  private HttpServer server;

  private LineageEndpoint() {}

  public static LineageEndpoint start() throws IOException {
    LineageEndpoint endpoint = new LineageEndpoint();
    endpoint.bind(0);
    return endpoint;
  }

  private void bind(int onPort) throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), onPort), 0);
    server.createContext(PATH, this::handle);
    server.start();
    port = server.getAddress().getPort();
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (InputStream in = exchange.getRequestBody()) {
      if ("POST".equals(exchange.getRequestMethod())) {
        bodies.add(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        String tenant = exchange.getRequestHeaders().getFirst(IngestHeaders.HTTP_TENANT);
        tenantHeaders.add(tenant == null ? "" : tenant);
        exchange.sendResponseHeaders(201, -1);
      } else {
        exchange.sendResponseHeaders(405, -1);
      }
    } finally {
      exchange.close();
    }
  }

  public String url() {
    return "http://127.0.0.1:" + port;
  }

  /** Stops answering: connections to the port are refused. */
  public void stop() {
    server.stop(0);
  }

  /** Answers again, on the same port. */
  public void restart() throws IOException {
    bind(port);
  }

  public List<String> bodies() {
    return List.copyOf(bodies);
  }

  public List<RunEvent> events() {
    return bodies.stream().map(OpenLineageClientUtils::runEventFromJson).toList();
  }

  public List<String> tenantHeaders() {
    return List.copyOf(tenantHeaders);
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
