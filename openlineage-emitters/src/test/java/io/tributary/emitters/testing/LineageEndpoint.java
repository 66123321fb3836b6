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
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A real HTTP endpoint that accepts OpenLineage events at {@code POST /api/v1/lineage}, the path of
 * the Tributary catalog, and keeps their JSON and tenant header. It can be stopped and started
 * again on the same port to play an outage, or placed in front of a running catalog ({@link
 * #forwardingTo}) so that a test checks every event the catalog received.
 */
public final class LineageEndpoint implements AutoCloseable {
  public static final String PATH = "/api/v1/lineage";

  private final List<String> bodies = new CopyOnWriteArrayList<>();
  private final List<String> tenantHeaders = new CopyOnWriteArrayList<>();
  private final URI forwardTo;
  private final HttpClient client;
  private int port;
  private HttpServer server;

  private LineageEndpoint(URI forwardTo) {
    this.forwardTo = forwardTo;
    this.client = forwardTo == null ? null : HttpClient.newHttpClient();
  }

  public static LineageEndpoint start() throws IOException {
    LineageEndpoint endpoint = new LineageEndpoint(null);
    endpoint.bind(0);
    return endpoint;
  }

  /**
   * An endpoint that keeps each event and passes it on to a catalog, answering with the catalog's
   * status.
   *
   * @param catalog the catalog's base URI
   */
  public static LineageEndpoint forwardingTo(URI catalog) throws IOException {
    LineageEndpoint endpoint = new LineageEndpoint(catalog.resolve(PATH));
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
        String body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        bodies.add(body);
        String tenant = exchange.getRequestHeaders().getFirst(IngestHeaders.HTTP_TENANT);
        tenantHeaders.add(tenant == null ? "" : tenant);
        exchange.sendResponseHeaders(forwardTo == null ? 201 : forward(body, tenant), -1);
      } else {
        exchange.sendResponseHeaders(405, -1);
      }
    } finally {
      exchange.close();
    }
  }

  private int forward(String body, String tenant) throws IOException {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(forwardTo)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body));
    if (tenant != null) {
      request.header(IngestHeaders.HTTP_TENANT, tenant);
    }
    try {
      return client.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return 503;
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
