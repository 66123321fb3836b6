package io.tributary.ranger.tenancy.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.tributary.contract.TenantId;
import io.tributary.ranger.tenancy.LocalPolicyStore;
import io.tributary.ranger.tenancy.Share;
import io.tributary.ranger.tenancy.Tenant;
import io.tributary.ranger.tenancy.TenantConfig;
import io.tributary.ranger.tenancy.TenantExistsException;
import io.tributary.ranger.tenancy.TenantPolicies;
import io.tributary.ranger.tenancy.TenantRegistry;
import io.tributary.ranger.tenancy.TenantStoreUnavailableException;
import io.tributary.testkit.kafka.KafkaBroker;
import java.nio.file.Path;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Registries of several servers on one registry topic of a real (in-process KRaft) broker. */
class KafkaTenantStoreIT {
  private static final TenantId ACME = new TenantId("acme");
  private static final TenantId GLOBEX = new TenantId("globex");
  private static final AtomicInteger TOPICS = new AtomicInteger();

  private static KafkaBroker broker;

  @TempDir Path dir;
  private final List<TenantRegistry> open = new ArrayList<>();

  @BeforeAll
  static void startBroker() throws Exception {
    broker = KafkaBroker.start();
  }

  @AfterAll
  static void stopBroker() {
    broker.close();
  }

  @AfterEach
  void closeRegistries() {
    open.forEach(TenantRegistry::close);
  }

  private static String newTopic(KafkaBroker on) throws Exception {
    String topic = "tenants-" + TOPICS.incrementAndGet();
    on.createTopic(topic, 1);
    return topic;
  }

  private TenantRegistry server(KafkaBroker on, String topic, String name) {
    TenantRegistry registry =
        TenantRegistry.open(
            new KafkaTenantStore(
                new KafkaTenantStore.Settings(
                    on.bootstrapServers(), topic, Duration.ofSeconds(10), Map.of())),
            new LocalPolicyStore(dir.resolve(name), "tributary"),
            new TenantPolicies("tributary"),
            InstantSource.system());
    open.add(registry);
    return registry;
  }

  @Test
  void shouldShowOneServersTenantsAndSharesOnTheOtherAndReplayThemAtRestart() throws Exception {
    String topic = newTopic(broker);
    TenantRegistry one = server(broker, topic, "one");
    TenantRegistry two = server(broker, topic, "two");

    one.create(ACME, new TenantConfig("Acme", null, null, null, null));
    two.create(GLOBEX, TenantConfig.DEFAULT);
    Share share = two.share(GLOBEX, ACME, "prod", List.of("payments"));

    await()
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(
            () -> {
              assertThat(two.get(ACME)).map(t -> t.config().displayName()).contains("Acme");
              assertThat(one.shares(ACME)).containsExactly(share);
            });
    assertThat(dir.resolve("two").resolve("tenant-acme.json")).exists();
    assertThat(dir.resolve("one").resolve(share.policyName() + ".json")).exists();

    one.update(ACME, new TenantConfig("Acme Corp", null, null, null, null));
    two.delete(GLOBEX);
    await()
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(
            () -> {
              assertThat(one.get(GLOBEX)).isEmpty();
              assertThat(one.shares(ACME)).isEmpty();
              assertThat(two.require(ACME).config().displayName()).isEqualTo("Acme Corp");
            });
    assertThat(dir.resolve("one").resolve("tenant-globex.json")).doesNotExist();
    assertThat(dir.resolve("one").resolve(share.policyName() + ".json")).doesNotExist();

    TenantRegistry restarted = server(broker, topic, "restarted");

    assertThat(restarted.list()).isEqualTo(one.list());
    assertThat(restarted.list()).extracting(Tenant::id).containsExactly(ACME);
    assertThat(restarted.require(ACME).config().displayName()).isEqualTo("Acme Corp");
    assertThat(dir.resolve("restarted").resolve("tenant-acme.json")).exists();
  }

  @Test
  void shouldLetExactlyOneOfTwoRacingCreatesWin() throws Exception {
    String topic = newTopic(broker);
    TenantRegistry one = server(broker, topic, "one");
    TenantRegistry two = server(broker, topic, "two");
    ExecutorService threads = Executors.newFixedThreadPool(2);
    try {
      for (int i = 0; i < 10; i++) {
        TenantId id = new TenantId("race-" + i);
        List<Future<Tenant>> attempts =
            threads.invokeAll(
                List.<Callable<Tenant>>of(
                    () -> one.create(id, new TenantConfig("one", null, null, null, null)),
                    () -> two.create(id, new TenantConfig("two", null, null, null, null))));
        List<Tenant> won = new ArrayList<>();
        int conflicts = 0;
        for (Future<Tenant> attempt : attempts) {
          try {
            won.add(attempt.get());
          } catch (ExecutionException e) {
            assertThat(e.getCause()).isInstanceOf(TenantExistsException.class);
            conflicts++;
          }
        }
        assertThat(won).as("winners of %s", id).hasSize(1);
        assertThat(conflicts).as("conflicts of %s", id).isEqualTo(1);
        String winner = won.get(0).config().displayName();
        await()
            .atMost(Duration.ofSeconds(10))
            .untilAsserted(
                () -> {
                  assertThat(one.require(id).config().displayName()).isEqualTo(winner);
                  assertThat(two.require(id).config().displayName()).isEqualTo(winner);
                });
      }
    } finally {
      threads.shutdownNow();
    }

    TenantRegistry restarted = server(broker, topic, "restarted");
    assertThat(restarted.list()).isEqualTo(one.list());
  }

  @Test
  void shouldKeepServingReadsAndAnswerChangesUnavailableWhileKafkaIsAway() throws Exception {
    KafkaBroker own = KafkaBroker.start();
    TenantRegistry registry;
    try {
      String topic = newTopic(own);
      registry = server(own, topic, "one");
      registry.create(ACME, TenantConfig.DEFAULT);
    } finally {
      own.close();
    }

    assertThatThrownBy(() -> registry.create(GLOBEX, TenantConfig.DEFAULT))
        .isInstanceOf(TenantStoreUnavailableException.class)
        .hasMessageContaining("tenant/globex");
    assertThat(registry.get(ACME)).isPresent();
    assertThat(registry.get(GLOBEX)).isEmpty();
  }
}
