package io.tributary.ranger.tenancy;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.contract.TenantId;
import io.tributary.ranger.tenancy.RegistryChange.ShareGranted;
import io.tributary.ranger.tenancy.RegistryChange.ShareRevoked;
import io.tributary.ranger.tenancy.RegistryChange.TenantCreated;
import io.tributary.ranger.tenancy.RegistryChange.TenantDeleted;
import io.tributary.ranger.tenancy.RegistryChange.TenantRestated;
import io.tributary.ranger.tenancy.RegistryChange.TenantUpdated;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RegistryStateTest {
  private static final TenantId ACME = new TenantId("acme");
  private static final TenantId GLOBEX = new TenantId("globex");
  private static final Instant T0 = Instant.parse("2026-03-01T12:00:00Z");
  private static final Instant T1 = Instant.parse("2026-03-01T12:05:00Z");

  private static Tenant tenant(TenantId id, String displayName, Instant at) {
    return new Tenant(id, new TenantConfig(displayName, null, null, null, null), at, at);
  }

  private static final Share SHARE =
      new Share("a7a5cbb09c", ACME, GLOBEX, "prod", List.of("orders"), T0);

  /** Applies in order, skipping refused changes, as every server does. */
  private static RegistryState replay(List<RegistryChange> log) {
    RegistryState state = RegistryState.EMPTY;
    for (RegistryChange change : log) {
      state = state.apply(change).orElse(state);
    }
    return state;
  }

  /** What log compaction keeps: the last record of each key, in log order, without tombstones. */
  private static List<RegistryChange> compact(List<RegistryChange> log) {
    Map<String, Integer> last = new LinkedHashMap<>();
    for (int i = 0; i < log.size(); i++) {
      last.put(log.get(i).key(), i);
    }
    List<RegistryChange> kept = new ArrayList<>();
    for (int i = 0; i < log.size(); i++) {
      RegistryChange change = log.get(i);
      boolean tombstone = change instanceof TenantDeleted || change instanceof ShareRevoked;
      if (last.get(change.key()) == i && !tombstone) {
        kept.add(change);
      }
    }
    return kept;
  }

  @Test
  void shouldLetTheFirstCreateOfAnIdWinAndRefuseTheSecond() {
    Tenant first = tenant(ACME, "first", T0);
    Tenant second = tenant(ACME, "second", T1);
    RegistryState afterFirst = RegistryState.EMPTY.apply(new TenantCreated(first)).orElseThrow();

    assertThat(afterFirst.apply(new TenantCreated(second))).isEmpty();
    assertThat(afterFirst.tenants()).containsEntry(ACME, first);
  }

  @Test
  void shouldDropATenantsSharesWithItsTombstone() {
    RegistryState state =
        replay(
            List.of(
                new TenantCreated(tenant(ACME, "Acme", T0)),
                new TenantCreated(tenant(GLOBEX, "Globex", T0)),
                new ShareGranted(SHARE),
                new TenantDeleted(GLOBEX)));

    assertThat(state.tenants()).containsOnlyKeys(ACME);
    assertThat(state.shares()).isEmpty();
  }

  @Test
  void shouldRefuseAShareWhoseGranteeIsMissing() {
    RegistryState state = replay(List.of(new TenantCreated(tenant(ACME, "Acme", T0))));

    assertThat(state.apply(new ShareGranted(SHARE))).isEmpty();
  }

  @Test
  void shouldTreatARemovalOfSomethingMissingAsNoChange() {
    RegistryState state = replay(List.of(new TenantCreated(tenant(ACME, "Acme", T0))));

    assertThat(state.apply(new ShareRevoked("nope"))).contains(state);
    assertThat(state.apply(new TenantDeleted(GLOBEX))).contains(state);
  }

  @Test
  void shouldReplayTheSameContentsFromTheWholeLogAndFromItsCompaction() {
    Tenant winner = tenant(ACME, "winner", T0);
    List<RegistryChange> log =
        List.of(
            new TenantCreated(winner),
            new TenantCreated(tenant(GLOBEX, "Globex", T0)),
            // A create racing the first, refused; its writer restates the winner.
            new TenantCreated(tenant(ACME, "loser", T1)),
            new TenantRestated(winner),
            new ShareGranted(SHARE),
            new TenantUpdated(tenant(GLOBEX, "Globex Corp", T1)),
            new TenantCreated(tenant(new TenantId("initech"), "Initech", T0)),
            new ShareRevoked(SHARE.id()),
            new TenantDeleted(new TenantId("initech")),
            new ShareGranted(SHARE));

    RegistryState whole = replay(log);
    RegistryState compacted = replay(compact(log));

    assertThat(compacted).isEqualTo(whole);
    assertThat(whole.tenants().get(ACME).config().displayName()).isEqualTo("winner");
    assertThat(whole.tenants().get(GLOBEX).config().displayName()).isEqualTo("Globex Corp");
    assertThat(whole.tenants()).doesNotContainKey(new TenantId("initech"));
    assertThat(whole.shares()).containsOnlyKeys(SHARE.id());
  }

  @Test
  void shouldCarryEveryChangeThroughTheRecordCodec() {
    List<RegistryChange> changes =
        List.of(
            new TenantCreated(tenant(ACME, "Acme", T0)),
            new TenantUpdated(tenant(ACME, "Acme Corp", T1)),
            new TenantRestated(tenant(ACME, "Acme", T0)),
            new TenantDeleted(ACME),
            new ShareGranted(SHARE),
            new ShareRevoked(SHARE.id()));

    for (RegistryChange change : changes) {
      assertThat(RegistryCodec.decode(change.key(), RegistryCodec.encode(change)))
          .isEqualTo(change);
    }
    assertThat(RegistryCodec.encode(new TenantDeleted(ACME))).isNull();
  }
}
