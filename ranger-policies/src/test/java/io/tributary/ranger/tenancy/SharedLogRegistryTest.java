package io.tributary.ranger.tenancy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tributary.contract.TenantId;
import io.tributary.ranger.tenancy.RegistryChange.TenantCreated;
import io.tributary.ranger.tenancy.RegistryChange.TenantRestated;
import java.nio.file.Path;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Registries of several servers on one shared, ordered log (what the Kafka topic gives them). */
class SharedLogRegistryTest {
  private static final TenantId ACME = new TenantId("acme");
  private static final TenantId GLOBEX = new TenantId("globex");
  private static final InstantSource CLOCK =
      InstantSource.fixed(Instant.parse("2026-03-01T12:00:00Z"));

  @TempDir Path dir;

  /** One log, delivered synchronously and in order to every server's registry. */
  static final class SharedLog {
    final List<RegistryChange> records = new ArrayList<>();
    final List<TenantStore.Applier> readers = new ArrayList<>();
    RegistryChange racing;

    boolean append(RegistryChange change, TenantStore.Applier own) {
      if (racing != null) {
        RegistryChange first = racing;
        racing = null;
        append(first, null);
      }
      records.add(change);
      boolean ownResult = false;
      for (TenantStore.Applier reader : readers) {
        boolean applied = reader.apply(change);
        if (reader == own) {
          ownResult = applied;
        }
      }
      return ownResult;
    }

    TenantStore store() {
      return new TenantStore() {
        private Applier applier;

        @Override
        public void start(Applier applier) {
          this.applier = applier;
          records.forEach(applier::apply);
          readers.add(applier);
        }

        @Override
        public boolean write(RegistryChange change) {
          return append(change, applier);
        }

        @Override
        public boolean shared() {
          return true;
        }

        @Override
        public void close() {
          readers.remove(applier);
        }
      };
    }
  }

  private TenantRegistry server(SharedLog log, String name) {
    return TenantRegistry.open(
        log.store(),
        new LocalPolicyStore(dir.resolve(name), "tributary"),
        new TenantPolicies("tributary"),
        CLOCK);
  }

  @Test
  void shouldApplyEveryServersChangesWithTheirPoliciesOnEveryServer() {
    SharedLog log = new SharedLog();
    TenantRegistry one = server(log, "one");
    TenantRegistry two = server(log, "two");

    one.create(ACME, TenantConfig.DEFAULT);
    two.create(GLOBEX, TenantConfig.DEFAULT);
    Share share = one.share(ACME, GLOBEX, "prod", List.of("orders"));

    assertThat(two.get(ACME)).isPresent();
    assertThat(one.get(GLOBEX)).isPresent();
    assertThat(two.shares(GLOBEX)).containsExactly(share);
    assertThat(dir.resolve("two").resolve("tenant-acme.json")).exists();
    assertThat(dir.resolve("two").resolve(share.policyName() + ".json")).exists();

    two.delete(ACME);

    assertThat(one.get(ACME)).isEmpty();
    assertThat(one.shares(GLOBEX)).isEmpty();
    assertThat(dir.resolve("one").resolve("tenant-acme.json")).doesNotExist();
    assertThat(dir.resolve("one").resolve(share.policyName() + ".json")).doesNotExist();
  }

  @Test
  void shouldRefuseTheLaterOfTwoRacingCreatesAndRestateTheWinner() {
    SharedLog log = new SharedLog();
    TenantRegistry one = server(log, "one");
    TenantRegistry two = server(log, "two");
    Tenant winner =
        new Tenant(
            ACME,
            new TenantConfig("first", null, null, null, null),
            CLOCK.instant(),
            CLOCK.instant());
    // Server one's create reaches the log just before server two's.
    log.racing = new TenantCreated(winner);

    assertThatThrownBy(() -> two.create(ACME, new TenantConfig("second", null, null, null, null)))
        .isInstanceOf(TenantExistsException.class);

    assertThat(one.require(ACME).config().displayName()).isEqualTo("first");
    assertThat(two.require(ACME).config().displayName()).isEqualTo("first");
    assertThat(log.records.get(log.records.size() - 1)).isEqualTo(new TenantRestated(winner));
  }

  @Test
  void shouldReplayTheLogIntoTheSameRegistryAtStart() {
    SharedLog log = new SharedLog();
    TenantRegistry one = server(log, "one");
    one.create(ACME, TenantConfig.DEFAULT);
    one.create(GLOBEX, TenantConfig.DEFAULT);
    one.share(ACME, GLOBEX, "prod", List.of("orders"));
    one.update(GLOBEX, new TenantConfig("Globex", null, null, null, null));

    TenantRegistry restarted = server(log, "restarted");

    assertThat(restarted.list()).isEqualTo(one.list());
    assertThat(restarted.shares(ACME)).isEqualTo(one.shares(ACME));
    assertThat(dir.resolve("restarted").resolve("tenant-globex.json")).exists();
  }
}
