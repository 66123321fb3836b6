package io.tributary.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The change feed over SSE: live events, resume after Last-Event-ID, reset, unsubscribe. */
class FeedIT {
  private static final Duration WAIT = Duration.ofSeconds(20);
  @TempDir static Path dataDir;
  private static RunningServer server;

  @BeforeAll
  static void start() {
    server = RunningServer.start(dataDir, Map.of("feed.heartbeat-interval", "200ms"));
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  private static void ingest(int n) {
    assertThat(server.postJson("api/v1/lineage", Events.startJson(n)).statusCode()).isEqualTo(201);
  }

  private static List<String> subjects(List<SseClient.Event> events) {
    return events.stream()
        .map(e -> RunningServer.parse(e.data()).path("subject").path("qualifiedName").asText())
        .toList();
  }

  @Test
  void shouldStreamCommittedChangesAndResumeAfterTheLastEventId() throws Exception {
    String lastId;
    try (SseClient feed = SseClient.open(server.uri("api/v1/feed"), null)) {
      assertThat(feed.response.statusCode()).isEqualTo(200);
      assertThat(feed.response.headers().firstValue("Content-Type").orElse(""))
          .startsWith("text/event-stream");
      ingest(501);

      SseClient.Event first = feed.next(WAIT);
      assertThat(first.name()).isIn("ENTITY_CREATED", "ENTITY_UPDATED", "RELATIONSHIP_CREATED");
      JsonNode data = RunningServer.parse(first.data());
      assertThat(data.path("sequence").asText()).isEqualTo(first.id());
      assertThat(data.path("subject").path("guid").asText()).isNotBlank();
      List<SseClient.Event> rest = feed.drain(Duration.ofSeconds(2));
      List<SseClient.Event> all = new java.util.ArrayList<>(List.of(first));
      all.addAll(rest);
      assertThat(subjects(all)).contains(Events.topic("in-501"), Events.topic("out-501"));
      lastId = all.get(all.size() - 1).id();
      assertThat(all).extracting(SseClient.Event::id).doesNotHaveDuplicates();
    }

    ingest(502);

    try (SseClient resumed = SseClient.open(server.uri("api/v1/feed"), lastId)) {
      List<SseClient.Event> events = List.of(resumed.next(WAIT));
      events = new java.util.ArrayList<>(events);
      events.addAll(resumed.drain(Duration.ofSeconds(2)));
      assertThat(events)
          .allSatisfy(
              e -> assertThat(Long.parseLong(e.id())).isGreaterThan(Long.parseLong(lastId)));
      assertThat(subjects(events))
          .contains(Events.topic("in-502"))
          .doesNotContain(Events.topic("in-501"));
    }
  }

  @Test
  void shouldResumeFromTheAfterParameterToo() throws Exception {
    ingest(511);
    long before = RunningServer.json(server.get("api/v1/stats")).path("lastSequence").asLong();
    ingest(512);

    try (SseClient feed = SseClient.open(server.uri("api/v1/feed?after=" + before), null)) {
      List<SseClient.Event> events = new java.util.ArrayList<>(List.of(feed.next(WAIT)));
      events.addAll(feed.drain(Duration.ofSeconds(2)));
      assertThat(subjects(events))
          .contains(Events.topic("in-512"))
          .doesNotContain(Events.topic("in-511"));
    }
  }

  @Test
  void shouldSendResetFirstWhenTheRequestedIdIsNoLongerCovered() throws Exception {
    try (SseClient feed = SseClient.open(server.uri("api/v1/feed"), "1")) {
      SseClient.Event reset = feed.next(WAIT);

      assertThat(reset.name()).isEqualTo("reset");
      assertThat(RunningServer.parse(reset.data()).path("lastSequence").asText())
          .isEqualTo(reset.id());
      ingest(521);
      assertThat(Long.parseLong(feed.next(WAIT).id())).isGreaterThan(Long.parseLong(reset.id()));
    }
  }

  @Test
  void shouldSendHeartbeatsAndUnsubscribeWhenTheClientGoesAway() throws Exception {
    SseClient feed = SseClient.open(server.uri("api/v1/feed"), null);
    await().atMost(WAIT).until(() -> feed.comments.contains("heartbeat"));
    await().atMost(WAIT).until(() -> openStreams() >= 1);

    feed.close();

    await().atMost(WAIT).until(() -> openStreams() == 0);
  }

  private static double openStreams() {
    String metrics = server.get("metrics").body();
    return metrics
        .lines()
        .filter(l -> l.startsWith("tributary_feed_streams "))
        .mapToDouble(l -> Double.parseDouble(l.substring(l.indexOf(' ') + 1)))
        .findFirst()
        .orElse(-1);
  }
}
