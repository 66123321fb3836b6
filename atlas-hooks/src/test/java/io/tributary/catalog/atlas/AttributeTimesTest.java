package io.tributary.catalog.atlas;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.atlas.AtlasEntity;
import io.tributary.catalog.EntityKey;
import io.tributary.catalog.EntityWrite;
import io.tributary.catalog.Mutation;
import io.tributary.catalog.Types;
import io.tributary.contract.TenantId;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AttributeTimesTest {
  private static final EntityKey ORDERS =
      new EntityKey(new TenantId("acme"), Types.KAFKA_TOPIC, "orders@prod");
  private static final Instant T1 = Instant.parse("2026-01-01T00:01:00Z");
  private static final Instant T2 = Instant.parse("2026-01-01T00:02:00Z");

  private final Map<EntityKey, AtlasEntity> atlas = new HashMap<>();
  private final AttributeTimes times = new AttributeTimes(k -> Optional.ofNullable(atlas.get(k)));

  private static Mutation write(Map<String, Object> attributes, Instant asOf) {
    return new Mutation(
        "test", List.of(new EntityWrite(ORDERS, null, attributes, Set.of(), asOf)), List.of());
  }

  private void store(Map<String, String> custom) {
    atlas.put(ORDERS, AtlasEntity.builder(Types.KAFKA_TOPIC).customAttributes(custom).build());
  }

  @Test
  void shouldDropAttributesAtlasHoldsFromALaterObservation() {
    store(
        Map.of(
            AttributeTimes.key("owner"), T2.toString(), "team", "payments" /* someone else's */));

    AttributeTimes.Prepared prepared =
        times.prepare(List.of(write(Map.of("owner", "alice", "description", "late"), T1)));

    assertThat(prepared.mutations().get(0).entities().get(0).attributes())
        .containsOnlyKeys("description");
    assertThat(prepared.customAttributes().get(ORDERS))
        .containsEntry(AttributeTimes.key("owner"), T2.toString())
        .containsEntry(AttributeTimes.key("description"), T1.toString())
        .containsEntry("team", "payments");
  }

  @Test
  void shouldTreatTheSameTimeAsARedeliveryThatChangesNothing() {
    store(Map.of(AttributeTimes.key("owner"), T1.toString()));

    AttributeTimes.Prepared prepared = times.prepare(List.of(write(Map.of("owner", "bob"), T1)));

    assertThat(prepared.mutations().get(0).entities().get(0).attributes()).isEmpty();
    assertThat(prepared.customAttributes()).isEmpty();
  }

  @Test
  void shouldOrderWritesOfOneBatchAmongThemselvesWithoutReadingTwice() {
    int[] reads = {0};
    AttributeTimes counting =
        new AttributeTimes(
            k -> {
              reads[0]++;
              return Optional.empty();
            });

    AttributeTimes.Prepared prepared =
        counting.prepare(
            List.of(write(Map.of("owner", "bob"), T2), write(Map.of("owner", "alice"), T1)));

    assertThat(prepared.mutations().get(0).entities().get(0).attributes())
        .containsEntry("owner", "bob");
    assertThat(prepared.mutations().get(1).entities().get(0).attributes()).isEmpty();
    assertThat(reads[0]).isEqualTo(1);
  }

  @Test
  void shouldNameEachAttributesTimeWithAKeyAtlasAccepts() {
    assertThat(AttributeTimes.key("owner")).isEqualTo("tributaryAsOf-owner");
    String odd = AttributeTimes.key("facets.tributary:statistics/with a very long name indeed");
    assertThat(odd).matches("[A-Za-z0-9_-]{1,50}").startsWith("tributaryAsOf-h");
    assertThat(odd).isNotEqualTo(AttributeTimes.key("facets.tributary:statistics/other"));
  }
}
