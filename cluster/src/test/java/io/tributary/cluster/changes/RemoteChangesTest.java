package io.tributary.cluster.changes;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.catalog.ChangeEvent;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class RemoteChangesTest {
  private final RemoteChanges remote = new RemoteChanges("me");

  private static ChangeRecord change(String origin, long sequence) {
    return new ChangeRecord(
        origin,
        new ChangeEvent(
            sequence,
            ChangeEvent.Kind.ENTITY_UPDATED,
            Instant.EPOCH,
            ChangeCodecTest.ref("default", "kafka_topic", "t"),
            null,
            null));
  }

  @Test
  void thisServersOwnChangesAreNeverDeliveredAgain() {
    assertThat(remote.accept(change("me", 1))).isFalse();
  }

  @Test
  void anotherServersChangeIsDeliveredOnceEvenWhenTheLogRepeatsIt() {
    assertThat(remote.accept(change("other", 10))).isTrue();
    assertThat(remote.accept(change("other", 11))).isTrue();

    assertThat(remote.accept(change("other", 11))).isFalse();
    assertThat(remote.accept(change("other", 10))).isFalse();
  }

  @Test
  void originsAreCountedApart() {
    assertThat(remote.accept(change("a", 100))).isTrue();
    assertThat(remote.accept(change("b", 5))).isTrue();
    assertThat(remote.accept(change("a", 6))).isFalse();
  }
}
