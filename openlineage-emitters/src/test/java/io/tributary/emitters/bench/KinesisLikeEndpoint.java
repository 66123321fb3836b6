package io.tributary.emitters.bench;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * An HTTP endpoint that answers {@code PutRecords} and {@code GetRecords} as Kinesis does (JSON
 * protocol), with fixed pages: the server costs next to nothing, so a throughput run measures the
 * client and the interceptor, not a server's per-shard limits. Run with {@code
 * sun.net.httpserver.nodelay=true}: otherwise each answer waits for a delayed ACK (some 40 ms).
 */
final class KinesisLikeEndpoint implements AutoCloseable {
  private final HttpServer server;
  private final byte[] putAnswer;
  private final byte[] getAnswer;

  KinesisLikeEndpoint(int batch, int recordBytes) throws IOException {
    StringBuilder put = new StringBuilder("{\"FailedRecordCount\":0,\"Records\":[");
    StringBuilder get =
        new StringBuilder("{\"MillisBehindLatest\":0,\"NextShardIterator\":\"it\",");
    get.append("\"Records\":[");
    String data = Base64.getEncoder().encodeToString(new byte[recordBytes]);
    for (int i = 0; i < batch; i++) {
      String sep = i == 0 ? "" : ",";
      put.append(sep)
          .append("{\"SequenceNumber\":\"")
          .append(i)
          .append("\",\"ShardId\":\"shardId-000000000000\"}");
      get.append(sep)
          .append("{\"SequenceNumber\":\"")
          .append(i)
          .append("\",\"PartitionKey\":\"k\",\"Data\":\"")
          .append(data)
          .append("\",\"ApproximateArrivalTimestamp\":1.7E9}");
    }
    putAnswer = put.append("]}").toString().getBytes(StandardCharsets.UTF_8);
    getAnswer = get.append("]}").toString().getBytes(StandardCharsets.UTF_8);
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", this::handle);
    server.start();
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (InputStream in = exchange.getRequestBody()) {
      in.readAllBytes();
      String target = exchange.getRequestHeaders().getFirst("X-Amz-Target");
      byte[] answer =
          target != null && target.endsWith(".GetRecords")
              ? getAnswer
              : target != null && target.endsWith(".PutRecords") ? putAnswer : null;
      if (answer == null) {
        exchange.sendResponseHeaders(400, -1);
        return;
      }
      exchange.getResponseHeaders().set("Content-Type", "application/x-amz-json-1.1");
      exchange.sendResponseHeaders(200, answer.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(answer);
      }
    } finally {
      exchange.close();
    }
  }

  URI uri() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
