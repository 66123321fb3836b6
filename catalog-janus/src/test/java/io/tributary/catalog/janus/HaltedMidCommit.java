package io.tributary.catalog.janus;

import io.tributary.catalog.ChangeFeed;
import io.tributary.catalog.EntityKey;
import io.tributary.catalog.Mutation;
import io.tributary.catalog.types.TypeRegistry;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The body of a catalog server that dies in the middle of a commit, for {@link StaleLockIT}: it
 * opens the catalog on the keyspace its arguments name ({@code key=value} JanusGraph settings),
 * starts writing {@link #KEYS} new topics, and halts the JVM while the commit holds its lock
 * claims. The JVM halts as {@code kill -9} ends a process: no shutdown hook, no finally block, no
 * release of the claims.
 */
final class HaltedMidCommit {
  static final int KEYS = 20;
  static final int HALTED = 137;

  private HaltedMidCommit() {}

  static List<EntityKey> keys() {
    List<EntityKey> keys = new ArrayList<>();
    for (int i = 0; i < KEYS; i++) {
      keys.add(Fixtures.topic("stale-" + i));
    }
    return keys;
  }

  public static void main(String[] args) {
    Map<String, String> settings = new HashMap<>();
    for (String arg : args) {
      int eq = arg.indexOf('=');
      settings.put(arg.substring(0, eq), arg.substring(eq + 1));
    }
    // The commit waits this long between writing its lock claims and checking them: the halt
    // below falls inside that wait, so the claims are written and never released.
    settings.put("storage.lock.wait-time", "20000");
    JanusCatalog catalog =
        JanusCatalog.open(JanusConfig.cql(settings), TypeRegistry.builtIn(), new ChangeFeed());
    Mutation writes = Fixtures.mutation(keys().stream().map(Fixtures::entity).toList(), List.of());
    Thread halt =
        new Thread(
            () -> {
              try {
                Thread.sleep(5_000);
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
              Runtime.getRuntime().halt(HALTED);
            },
            "halt");
    halt.setDaemon(true);
    System.out.println("committing");
    halt.start();
    catalog.apply(writes);
    // Reached only if the commit ended before the halt: the parent sees exit code 0.
    System.out.println("committed");
    System.exit(0);
  }
}
