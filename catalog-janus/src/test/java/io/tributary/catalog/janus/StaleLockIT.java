package io.tributary.catalog.janus;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.catalog.ChangeFeed;
import io.tributary.catalog.Entity;
import io.tributary.catalog.EntityKey;
import io.tributary.catalog.EntityWrite;
import io.tributary.catalog.Visibility;
import io.tributary.catalog.types.TypeRegistry;
import io.tributary.testkit.process.JavaProcess;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * A server killed in the middle of a commit leaves its lock claims in the keyspace. The servers
 * that take over its work write the same keys: they must get through once the claims expire, not
 * fail after JanusGraph's retries give up (100 s) while its 5-minute default expiry runs.
 */
class StaleLockIT {
  private static final CqlKeyspace KEYSPACE = new CqlKeyspace("stale_lock");

  @AfterAll
  static void closeKeyspace() {
    KEYSPACE.close();
  }

  @Test
  void keysLockedByAServerKilledMidCommitAreWritableOnceItsClaimsExpire() throws Exception {
    try (JanusCatalog survivor =
        JanusCatalog.open(KEYSPACE.config(), TypeRegistry.builtIn(), new ChangeFeed())) {
      try (JavaProcess dead = startHaltingServer()) {
        assertThat(dead.awaitExit(Duration.ofMinutes(3)))
            .as("halted inside its commit: %s", dead.output())
            .isEqualTo(HaltedMidCommit.HALTED);
      }

      List<EntityWrite> writes = new ArrayList<>();
      for (EntityKey key : HaltedMidCommit.keys()) {
        writes.add(
            new EntityWrite(
                key, Fixtures.nameOf(key), Map.of("writtenBy", "survivor"), Set.of(), Fixtures.T1));
      }
      CompletableFuture<?> taken =
          CompletableFuture.runAsync(() -> survivor.apply(Fixtures.mutation(writes, List.of())));
      // Claims expire 30 s after they were written, but JanusGraph's retries back off by doubling
      // (their waits add up to 51 s, then 102 s), so the write gets through within its 100 s retry
      // window, not at once. With JanusGraph's 5-minute expiry it fails when the window ends.
      taken.get(Duration.ofMinutes(3).toSeconds(), TimeUnit.SECONDS);

      assertThat(KEYSPACE.entityVertices()).isEqualTo(HaltedMidCommit.KEYS);
      for (EntityKey key : HaltedMidCommit.keys()) {
        Entity entity = survivor.get(key, Visibility.all()).orElseThrow();
        assertThat(entity.attributes()).containsEntry("writtenBy", "survivor");
      }
    }
  }

  private JavaProcess startHaltingServer() throws Exception {
    List<String> args = new ArrayList<>();
    KEYSPACE.config().properties().forEach((k, v) -> args.add(k + "=" + v));
    return JavaProcess.start(
        "halting catalog",
        Pattern.compile("(committing)"),
        List.of("-Xmx384m"),
        HaltedMidCommit.class.getName(),
        args);
  }
}
