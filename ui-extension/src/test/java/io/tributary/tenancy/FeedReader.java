package io.tributary.tenancy;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;

/** Reads a change-feed stream on a background thread, keeping the data of every event. */
final class FeedReader implements AutoCloseable {
  final List<String> data = new CopyOnWriteArrayList<>();
  private final Stream<String> lines;

  private FeedReader(Stream<String> lines) {
    this.lines = lines;
    Thread reader =
        new Thread(
            () -> {
              try {
                lines.filter(l -> l.startsWith("data:")).forEach(l -> data.add(l.substring(5)));
              } catch (RuntimeException e) {
                // closed by the test
              }
            },
            "feed-reader");
    reader.setDaemon(true);
    reader.start();
  }

  /** Opens the feed as the holder of {@code request}'s credentials; fails unless it is 200. */
  static FeedReader open(HttpRequest.Builder request) throws Exception {
    HttpClient http =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10))
            .build();
    HttpResponse<Stream<String>> response =
        http.send(
            request.header("Accept", "text/event-stream").GET().build(),
            HttpResponse.BodyHandlers.ofLines());
    if (response.statusCode() != 200) {
      response.body().close();
      throw new AssertionError("feed answered " + response.statusCode());
    }
    return new FeedReader(response.body());
  }

  boolean mentions(String text) {
    return data.stream().anyMatch(d -> d.contains(text));
  }

  @Override
  public void close() {
    lines.close();
  }
}
