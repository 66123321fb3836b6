package io.tributary.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.contract.TenantId;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ChangeFeedRelayTest {
  private static final Instant NOW = Instant.parse("2026-03-01T10:00:00Z");
  private final ChangeFeed feed = new ChangeFeed(100, Clock.fixed(NOW, ZoneOffset.UTC));

  private static EntityRef ref(String name) {
    EntityKey key = new EntityKey(TenantId.DEFAULT, "kafka_topic", name);
    return new EntityRef(Guid.forKey(key), key);
  }

  private static ChangeFeed.Draft created(String name) {
    return new ChangeFeed.Draft(ChangeEvent.Kind.ENTITY_CREATED, ref(name), null, null);
  }

  @Test
  void relayReceivesOnlyThisServersCommitsWithTheirSequences() {
    List<ChangeEvent> relayed = new ArrayList<>();
    feed.relay(relayed::addAll);

    feed.publish(List.of(created("local-a"), created("local-b")));
    feed.publishRemote(
        List.of(
            new ChangeEvent(
                7,
                ChangeEvent.Kind.ENTITY_UPDATED,
                NOW.minusSeconds(5),
                ref("remote"),
                null,
                null)));

    assertThat(relayed)
        .extracting(e -> e.subject().key().qualifiedName())
        .containsExactly("local-a", "local-b");
    assertThat(relayed)
        .extracting(ChangeEvent::sequence)
        .isEqualTo(feed.since(0, 2).stream().map(ChangeEvent::sequence).toList());
  }

  @Test
  void remoteChangesGetThisFeedsSequencesAndKeepTheirCommitTime() {
    List<ChangeEvent> seen = new ArrayList<>();
    feed.publish(List.of(created("first")));
    feed.subscribe(0, seen::add);
    Instant remoteTime = NOW.minusSeconds(30);

    feed.publishRemote(
        List.of(
            new ChangeEvent(1, ChangeEvent.Kind.ENTITY_CREATED, remoteTime, ref("r1"), null, null),
            new ChangeEvent(
                2, ChangeEvent.Kind.ENTITY_CREATED, remoteTime, ref("r2"), null, null)));

    assertThat(seen).extracting(e -> e.subject().key().qualifiedName()).containsExactly("r1", "r2");
    assertThat(seen).allSatisfy(e -> assertThat(e.time()).isEqualTo(remoteTime));
    assertThat(seen.get(0).sequence()).isGreaterThan(feed.since(0, 1).get(0).sequence());
    assertThat(seen.get(1).sequence()).isGreaterThan(seen.get(0).sequence());
    assertThat(feed.lastSequence()).isEqualTo(seen.get(1).sequence());
  }

  @Test
  void aClosedRelayReceivesNothingMore() {
    List<ChangeEvent> relayed = new ArrayList<>();
    ChangeFeed.Subscription relay = feed.relay(relayed::addAll);
    feed.publish(List.of(created("before")));
    relay.close();

    feed.publish(List.of(created("after")));

    assertThat(relayed)
        .extracting(e -> e.subject().key().qualifiedName())
        .containsExactly("before");
  }
}
