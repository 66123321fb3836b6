package io.tributary.server;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/** A minimal Server-Sent Events reader: parses the stream into events on a background thread. */
final class SseClient implements AutoCloseable {
  record Event(String id, String name, String data) {}

  final BlockingQueue<Event> events = new LinkedBlockingQueue<>();
  final BlockingQueue<String> comments = new LinkedBlockingQueue<>();
  private final Stream<String> lines;
  private final Thread reader;
  final HttpResponse<Stream<String>> response;

  private SseClient(HttpResponse<Stream<String>> response) {
    this.response = response;
    this.lines = response.body();
    this.reader = new Thread(this::read, "sse-test-reader");
    this.reader.setDaemon(true);
  }

  static SseClient open(URI uri, String lastEventId) throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(uri).header("Accept", "text/event-stream").GET();
    if (lastEventId != null) {
      request.header("Last-Event-ID", lastEventId);
    }
    HttpClient http =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10))
            .build();
    SseClient client =
        new SseClient(http.send(request.build(), HttpResponse.BodyHandlers.ofLines()));
    client.reader.start();
    return client;
  }

  private void read() {
    String id = null;
    String name = null;
    StringBuilder data = new StringBuilder();
    try {
      for (String line : (Iterable<String>) lines::iterator) {
        if (line.isEmpty()) {
          if (name != null || data.length() > 0) {
            events.add(new Event(id, name == null ? "message" : name, data.toString()));
          }
          id = null;
          name = null;
          data.setLength(0);
        } else if (line.startsWith(":")) {
          comments.add(line.substring(1).trim());
        } else if (line.startsWith("id:")) {
          id = line.substring(3).trim();
        } else if (line.startsWith("event:")) {
          name = line.substring(6).trim();
        } else if (line.startsWith("data:")) {
          data.append(data.length() > 0 ? "\n" : "").append(line.substring(5).trim());
        }
      }
    } catch (RuntimeException e) {
      // closed by the test
    }
  }

  /** The next event, failing the test after the timeout. */
  Event next(Duration timeout) throws InterruptedException {
    Event e = events.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
    if (e == null) {
      throw new AssertionError("no event within " + timeout);
    }
    return e;
  }

  /** Events until none arrives for {@code quiet}. */
  List<Event> drain(Duration quiet) throws InterruptedException {
    List<Event> out = new ArrayList<>();
    Event e;
    while ((e = events.poll(quiet.toMillis(), TimeUnit.MILLISECONDS)) != null) {
      out.add(e);
    }
    return out;
  }

  @Override
  public void close() {
    lines.close();
  }
}
