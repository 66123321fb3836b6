package io.tributary.search.insights;

import io.tributary.catalog.ChangeEvent;
import io.tributary.catalog.ChangeFeed;
import io.tributary.catalog.Guid;
import io.tributary.catalog.Types;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * How often each run and dataset reports, learnt from the change feed (a moving average of the gaps
 * between its changes), and the recent schema changes (fields added to a dataset that existed
 * before). Cheap enough to run on the feed's delivering thread.
 */
public final class ReportingIntervals implements AutoCloseable {
  private static final int MAX_TRACKED = 500_000;
  private static final int MAX_SCHEMA_CHANGES = 200;
  private static final double WEIGHT = 0.3;

  private record Seen(long lastMillis, double intervalMillis, int gaps) {}

  /** A field added to a dataset. */
  public record SchemaChange(Guid dataset, Guid column, String columnName, Instant time) {}

  private final Map<Guid, Seen> seen = new ConcurrentHashMap<>();
  private final Deque<SchemaChange> schemaChanges = new ArrayDeque<>();
  private final ChangeFeed.Subscription subscription;

  private ReportingIntervals(ChangeFeed feed) {
    this.subscription = feed.subscribe(0, this::observe);
  }

  public static ReportingIntervals observe(ChangeFeed feed) {
    return new ReportingIntervals(feed);
  }

  private void observe(ChangeEvent event) {
    String type = event.subject().key().typeName();
    if (event.kind() == ChangeEvent.Kind.RELATIONSHIP_CREATED
        && Types.REL_COLUMNS.equals(event.relationshipType())
        && event.target() != null) {
      Seen dataset = seen.get(event.subject().guid());
      // A column of a dataset already seen before this commit is a schema change.
      if (dataset != null && dataset.lastMillis() < event.time().toEpochMilli()) {
        synchronized (schemaChanges) {
          schemaChanges.addFirst(
              new SchemaChange(
                  event.subject().guid(),
                  event.target().guid(),
                  event.target().key().qualifiedName(),
                  event.time()));
          while (schemaChanges.size() > MAX_SCHEMA_CHANGES) {
            schemaChanges.removeLast();
          }
        }
      }
    }
    if (event.kind() == ChangeEvent.Kind.RELATIONSHIP_CREATED
        || Types.COLUMN.equals(type)
        || Types.COLUMN_LINEAGE.equals(type)) {
      return;
    }
    if (event.kind() == ChangeEvent.Kind.ENTITY_DELETED) {
      seen.remove(event.subject().guid());
      return;
    }
    long now = event.time().toEpochMilli();
    seen.compute(
        event.subject().guid(),
        (guid, before) -> {
          if (before == null) {
            return seen.size() >= MAX_TRACKED ? null : new Seen(now, 0, 0);
          }
          long gap = now - before.lastMillis();
          if (gap <= 0) {
            return before;
          }
          double interval =
              before.gaps() == 0 ? gap : WEIGHT * gap + (1 - WEIGHT) * before.intervalMillis();
          return new Seen(now, interval, before.gaps() + 1);
        });
  }

  /** The entity's usual gap between changes, once two gaps were seen. */
  public Optional<Duration> interval(Guid guid) {
    Seen s = seen.get(guid);
    if (s == null || s.gaps() < 2) {
      return Optional.empty();
    }
    return Optional.of(Duration.ofMillis(Math.round(s.intervalMillis())));
  }

  /** Recent schema changes, newest first. */
  public List<SchemaChange> schemaChanges() {
    synchronized (schemaChanges) {
      return new ArrayList<>(schemaChanges);
    }
  }

  @Override
  public void close() {
    subscription.close();
  }
}
