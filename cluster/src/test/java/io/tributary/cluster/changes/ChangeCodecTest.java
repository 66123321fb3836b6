package io.tributary.cluster.changes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tributary.catalog.ChangeEvent;
import io.tributary.catalog.EntityKey;
import io.tributary.catalog.EntityRef;
import io.tributary.catalog.Guid;
import io.tributary.contract.TenantId;
import java.time.Instant;
import java.util.Set;
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
  void anUpdateKeepsTheNamesOfWhatItChanged() {
    ChangeRecord record =
        new ChangeRecord(
            "b",
            new ChangeEvent(
                6,
                ChangeEvent.Kind.ENTITY_UPDATED,
                Instant.parse("2026-03-01T10:00:00Z"),
                ref("default", "kafka_topic", "t"),
                null,
                null,
                Set.of("outputRowCount", ChangeEvent.CLASSIFICATIONS),
                Instant.parse("2026-03-01T09:59:58.5Z")));

    ChangeRecord read = codec.read(codec.write(record));

    assertThat(read).isEqualTo(record);
    assertThat(read.event().mayChange(Set.of("description"))).isFalse();
  }

  @Test
  void anUpdateFromAServerThatSendsNoNamesMayHaveChangedAnything() {
    String older =
        "{\"v\":1,\"origin\":\"old\",\"seq\":7,\"kind\":\"ENTITY_UPDATED\","
            + "\"time\":\"2026-03-01T10:00:00Z\",\"subject\":{\"guid\":\"6f1c2a7e-3f0b-4c8e-9a55-0d2b8f1e7c11\","
            + "\"tenant\":\"default\",\"type\":\"kafka_topic\",\"qualifiedName\":\"t\"}}";

    ChangeEvent event = codec.read(older).event();

    assertThat(event.attributes()).isEmpty();
    assertThat(event.mayChange(Set.of("description"))).isTrue();
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
