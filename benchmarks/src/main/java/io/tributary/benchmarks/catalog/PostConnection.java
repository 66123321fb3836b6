package io.tributary.benchmarks.catalog;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * One keep-alive HTTP/1.1 connection that posts JSON and reads the answer, as lean as a client can
 * be: the load generator shares the benchmark machine's two cores with the server, so what the
 * client spends is taken from the server. {@code java.net.http.HttpClient} spends about 0.2 ms of
 * CPU per request on its selector and worker threads; this spends a few microseconds.
 */
final class PostConnection implements AutoCloseable {
  /** An answer: status and body. */
  record Answer(int status, String body) {}

  private final URI target;
  private final byte[] head;
  private Socket socket;
  private OutputStream out;
  private InputStream in;

  PostConnection(URI target) throws IOException {
    this.target = target;
    open();
    this.head =
        ("POST "
                + target.getRawPath()
                + " HTTP/1.1\r\nHost: "
                + target.getHost()
                + ":"
                + target.getPort()
                + "\r\nContent-Type: application/json\r\nContent-Length: ")
            .getBytes(StandardCharsets.US_ASCII);
  }

  private void open() throws IOException {
    socket = new Socket(target.getHost(), target.getPort());
    socket.setTcpNoDelay(true);
    out = new BufferedOutputStream(socket.getOutputStream(), 64 * 1024);
    in = new BufferedInputStream(socket.getInputStream(), 64 * 1024);
  }

  Answer post(byte[] body) throws IOException {
    out.write(head);
    out.write(Integer.toString(body.length).getBytes(StandardCharsets.US_ASCII));
    out.write('\r');
    out.write('\n');
    out.write('\r');
    out.write('\n');
    out.write(body);
    out.flush();
    String status = line();
    int code = Integer.parseInt(status.substring(9, 12));
    long length = -1;
    boolean chunked = false;
    boolean close = false;
    for (String header = line(); !header.isEmpty(); header = line()) {
      String lower = header.toLowerCase(Locale.ROOT);
      if (lower.startsWith("content-length:")) {
        length = Long.parseLong(header.substring(15).trim());
      } else if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) {
        chunked = true;
      } else if (lower.startsWith("connection:") && lower.contains("close")) {
        close = true;
      }
    }
    ByteArrayOutputStream answer = new ByteArrayOutputStream();
    if (chunked) {
      for (int size = Integer.parseInt(line().trim(), 16); size > 0; ) {
        answer.write(in.readNBytes(size));
        line();
        size = Integer.parseInt(line().trim(), 16);
      }
      line();
    } else if (length > 0) {
      answer.write(in.readNBytes((int) length));
    }
    if (close) {
      // The server ends a keep-alive connection after so many requests, as browsers expect.
      socket.close();
      open();
    }
    return new Answer(code, answer.toString(StandardCharsets.UTF_8));
  }

  private String line() throws IOException {
    StringBuilder line = new StringBuilder(64);
    for (int c = in.read(); c != '\n'; c = in.read()) {
      if (c < 0) {
        throw new EOFException("the server closed the connection");
      }
      if (c != '\r') {
        line.append((char) c);
      }
    }
    return line.toString();
  }

  @Override
  public void close() throws IOException {
    socket.close();
  }
}
