package io.tributary.cluster.changes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tributary.catalog.ChangeEvent;
import io.tributary.catalog.EntityKey;
import io.tributary.catalog.EntityRef;
import io.tributary.catalog.Guid;
import io.tributary.contract.TenantId;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ChangeCodecTest {
  private final ChangeCodec codec = new ChangeCodec();

  static EntityRef ref(String tenant, String type, String name) {
    EntityKey key = new EntityKey(new TenantId(tenant), type, name);
    return new EntityRef(Guid.forKey(key), key);
  }

  @Test
  void aRelationshipChangeSurvivesTheRoundTrip() {
    ChangeRecord record =
        new ChangeRecord(
            "server-1",
            new ChangeEvent(
                1_764_000_000_000_001L,
                ChangeEvent.Kind.RELATIONSHIP_CREATED,
                Instant.parse("2026-03-01T10:00:00.123456Z"),
                ref("acme", "flink_job", "enrich@prod"),
                "process_outputs",
                ref("acme", "kafka_topic", "orders@prod")));

    assertThat(codec.read(codec.write(record))).isEqualTo(record);
  }

  @Test
  void anEntityChangeWithoutTargetSurvivesTheRoundTrip() {
    ChangeRecord record =
        new ChangeRecord(
            "b",
            new ChangeEvent(
                5,
                ChangeEvent.Kind.ENTITY_DELETED,
                Instant.parse("2026-03-01T10:00:00Z"),
                ref("default", "kafka_topic", "t"),
                null,
                null));

    assertThat(codec.read(codec.write(record))).isEqualTo(record);
  }

  @Test
  void aRecordOfAnUnknownVersionIsSkippedNotFailed() {
    assertThat(codec.read("{\"v\":2,\"origin\":\"x\"}")).isNull();
  }

  @Test
  void textThatIsNoChangeRecordIsRefused() {
    assertThatThrownBy(() -> codec.read("{\"v\":1,\"kind\":\"NOPE\"}"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> codec.read("not json")).isInstanceOf(IllegalArgumentException.class);
  }
}
