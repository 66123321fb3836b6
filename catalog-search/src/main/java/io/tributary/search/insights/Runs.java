package io.tributary.search.insights;

import io.tributary.catalog.Catalog;
import io.tributary.catalog.Direction;
import io.tributary.catalog.Entity;
import io.tributary.catalog.Types;
import io.tributary.catalog.Visibility;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** Reading a job's runs: the latest, its state and times. */
public final class Runs {
  private Runs() {}

  public static Optional<Entity> latest(Catalog catalog, Entity job, Visibility visibility) {
    List<Entity> runs =
        catalog.related(job.guid(), Types.REL_RUNS, Direction.DOWNSTREAM, visibility);
    return runs.stream()
        .max(Comparator.comparingLong(Runs::lastSeenMillis).thenComparing(Entity::qualifiedName));
  }

  public static long lastSeenMillis(Entity run) {
    long best = 0;
    for (String a : List.of("lastSeen", "endTime", "startTime")) {
      if (run.attributes().get(a) instanceof Number n) {
        best = Math.max(best, n.longValue());
      }
    }
    return best;
  }

  public static Instant lastSeen(Entity run) {
    return Instant.ofEpochMilli(lastSeenMillis(run));
  }

  public static String state(Entity run) {
    return run.attributes().get("state") instanceof String s ? s : "UNKNOWN";
  }

  public static boolean active(Entity run) {
    String s = state(run);
    return s.equals("START") || s.equals("RUNNING");
  }

  public static String error(Entity run) {
    return run.attributes().get("errorMessage") instanceof String s ? s : null;
  }

  public static String jobQualifiedName(Entity run) {
    return run.attributes().get("jobQualifiedName") instanceof String s ? s : null;
  }
}
