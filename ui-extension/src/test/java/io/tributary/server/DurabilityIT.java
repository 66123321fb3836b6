package io.tributary.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A 201 means committed: kill -9 the server in the middle of a load, start it again on the same
 * data directory, and find every entity of every acknowledged event.
 */
class DurabilityIT {
  private static final int THREADS = 4;
  private static final int MAX_EVENTS_PER_THREAD = 2_000;
  private static final int KILL_AFTER_ACKS = 150;
  private static final Duration START = Duration.ofSeconds(120);

  @TempDir Path dataDir;

  private final HttpClient http =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(5))
          .build();

  @Test
  void shouldKeepEveryAcknowledgedEventAcrossAKill9() throws Exception {
    Set<String> acknowledged = ConcurrentHashMap.newKeySet();
    AtomicInteger acks = new AtomicInteger();
    AtomicBoolean stop = new AtomicBoolean();
    List<Thread> senders = new ArrayList<>();
    try (ServerProcess first = ServerProcess.start(dataDir)) {
      URI uri = first.awaitReady(START);
      for (int t = 0; t < THREADS; t++) {
        int base = (t + 1) * 100_000;
        Thread sender = new Thread(() -> send(uri, base, stop, acknowledged, acks), "sender-" + t);
        senders.add(sender);
        sender.start();
      }
      await().atMost(Duration.ofMinutes(3)).until(() -> acks.get() >= KILL_AFTER_ACKS);

      first.kill();
      stop.set(true);
      for (Thread sender : senders) {
        sender.join(30_000);
      }
    }
    assertThat(acks.get()).isGreaterThanOrEqualTo(KILL_AFTER_ACKS);
    System.out.printf(
        "killed after %d acknowledged events (%d entities)%n", acks.get(), acknowledged.size());

    try (ServerProcess second = ServerProcess.start(dataDir)) {
      URI uri = second.awaitReady(START);
      List<String> missing = new ArrayList<>();
      for (String guid : acknowledged) {
        HttpResponse<String> r = get(uri.resolve("api/v1/entities/" + guid));
        if (r.statusCode() != 200) {
          missing.add(guid + " -> " + r.statusCode());
        }
      }
      assertThat(missing)
          .as("entities of acknowledged events, of " + acknowledged.size())
          .isEmpty();

      assertThat(second.stop()).isIn(0, 143);
      assertThat(second.output()).contains("Tributary stopped.");
    }
  }

  private void send(
      URI uri, int base, AtomicBoolean stop, Set<String> acknowledged, AtomicInteger acks) {
    for (int i = 0; i < MAX_EVENTS_PER_THREAD && !stop.get(); i++) {
      HttpRequest request =
          HttpRequest.newBuilder(uri.resolve("api/v1/lineage"))
              .timeout(Duration.ofSeconds(30))
              .header("Content-Type", "application/json")
              .POST(HttpRequest.BodyPublishers.ofString(Events.startJson(base + i)))
              .build();
      HttpResponse<String> response;
      try {
        response = http.send(request, HttpResponse.BodyHandlers.ofString());
      } catch (Exception e) {
        return; // the server was killed
      }
      if (response.statusCode() == 201) {
        JsonNode body = RunningServer.json(response);
        body.path("entities").forEach(e -> acknowledged.add(e.path("guid").asText()));
        acks.incrementAndGet();
      }
    }
  }

  private HttpResponse<String> get(URI uri) throws Exception {
    return http.send(
        HttpRequest.newBuilder(uri).GET().build(), HttpResponse.BodyHandlers.ofString());
  }
}
