package io.tributary.catalog.janus;

import io.tributary.catalog.ChangeFeed;
import io.tributary.catalog.types.TypeRegistry;
import java.nio.file.Path;
import java.util.List;

/**
 * Run in a second JVM by {@link DataDirectoryLockIT}: opens a BerkeleyJE catalog, commits one
 * mutation, says so on stdout and then holds the directory until it is killed.
 */
public final class CatalogHolder {
  static final String COMMITTED = "COMMITTED";

  private CatalogHolder() {}

  public static void main(String[] args) throws Exception {
    JanusCatalog catalog;
    try {
      catalog =
          JanusCatalog.open(
              JanusConfig.berkeley(Path.of(args[0])), TypeRegistry.builtIn(), new ChangeFeed());
    } catch (RuntimeException e) {
      e.printStackTrace();
      // JanusGraph's threads would keep the JVM alive: exit so that the parent sees EOF.
      System.exit(2);
      return;
    }
    catalog.apply(
        Fixtures.process(
            Fixtures.job("held"),
            List.of(Fixtures.topic("held-in")),
            List.of(Fixtures.topic("held-out"))));
    System.out.println(COMMITTED);
    System.out.flush();
    // Never closes: the parent kills this JVM to show that commits and the lock survive a crash.
    while (System.in.read() >= 0) {
      // wait for the parent
    }
  }
}
