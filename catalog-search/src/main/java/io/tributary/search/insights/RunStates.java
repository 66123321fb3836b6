package io.tributary.search.insights;

import io.tributary.catalog.Catalog;
import io.tributary.catalog.ChangeEvent;
import io.tributary.catalog.ChangeFeed;
import io.tributary.catalog.Entity;
import io.tributary.catalog.Guid;
import io.tributary.catalog.SearchQuery;
import io.tributary.catalog.SearchResult;
import io.tributary.catalog.Types;
import io.tributary.catalog.Visibility;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Which runs are failed or active, kept from the change feed, so that "which jobs failed", "which
 * streams stopped reporting" and the home page's insights read those runs rather than every run of
 * the catalog (a scan of seconds at 100,000 entities, and wrong beyond its page size).
 *
 * <p>The feed's listener runs on the committing thread, so it only notes which runs may have
 * changed state (a new run, an update naming {@code state}: a RUNNING refresh does not); their
 * states are read at the next question. The first question after start reads every run once. Runs
 * in other states (completed, aborted) are not kept.
 */
public final class RunStates implements AutoCloseable {
  static final Set<String> KEPT = Set.of("FAIL", "START", "RUNNING");
  private static final Set<String> STATE = Set.of("state");
  private static final int PAGE = 1000;

  /** A kept run: its state and the event time of its newest observation. */
  public record Run(Guid guid, String state, Instant lastSeen) {}

  private record Known(String state, long lastSeenMillis) {}

  private final Catalog catalog;
  private final Map<Guid, Known> states = new ConcurrentHashMap<>();
  private final Set<Guid> unread = ConcurrentHashMap.newKeySet();
  private final ChangeFeed.Subscription subscription;
  private final Object loading = new Object();
  private volatile boolean loaded;
  private long reads;

  private RunStates(Catalog catalog) {
    this.catalog = Objects.requireNonNull(catalog, "catalog");
    this.subscription = catalog.changes().subscribe(0, this::observe);
  }

  public static RunStates observe(Catalog catalog) {
    return new RunStates(catalog);
  }

  private void observe(ChangeEvent event) {
    if (!Types.RUN.equals(event.subject().key().typeName())) {
      return;
    }
    Guid run = event.subject().guid();
    switch (event.kind()) {
      case ENTITY_DELETED -> {
        states.remove(run);
        unread.remove(run);
      }
      case ENTITY_CREATED -> unread.add(run);
      case ENTITY_UPDATED -> {
        if (event.mayChange(STATE) || event.asOf() == null) {
          unread.add(run);
        } else {
          long seen = event.asOf().toEpochMilli();
          states.computeIfPresent(
              run, (g, k) -> seen > k.lastSeenMillis() ? new Known(k.state(), seen) : k);
        }
      }
      default -> {}
    }
  }

  /** The runs whose state is one of {@code wanted} (of {@link #KEPT}), whoever may see them. */
  public List<Run> inState(Set<String> wanted) {
    if (!KEPT.containsAll(wanted)) {
      throw new IllegalArgumentException("only " + KEPT + " are kept, not " + wanted);
    }
    load();
    readChanged();
    List<Run> out = new ArrayList<>();
    states.forEach(
        (run, known) -> {
          if (wanted.contains(known.state())) {
            out.add(new Run(run, known.state(), Instant.ofEpochMilli(known.lastSeenMillis())));
          }
        });
    return out;
  }

  /** How many runs were read from the catalog since start (the load included). */
  public synchronized long reads() {
    return reads;
  }

  private void load() {
    if (loaded) {
      return;
    }
    synchronized (loading) {
      if (loaded) {
        return;
      }
      for (int offset = 0; ; offset += PAGE) {
        SearchResult page =
            catalog.search(
                new SearchQuery(null, Types.RUN, null, null, Map.of(), PAGE, offset),
                Visibility.all());
        for (Entity run : page.entities()) {
          note(run.guid(), Optional.of(run));
        }
        if (page.entities().size() < PAGE) {
          break;
        }
      }
      loaded = true;
    }
  }

  private void readChanged() {
    for (Guid run : List.copyOf(unread)) {
      // Taken off before the read: a change committed meanwhile marks it again.
      if (unread.remove(run)) {
        note(run, catalog.get(run, Visibility.all()));
      }
    }
  }

  private void note(Guid guid, Optional<Entity> run) {
    synchronized (this) {
      reads++;
    }
    String state = run.map(Runs::state).orElse(null);
    if (state != null && KEPT.contains(state)) {
      long seen = Runs.lastSeenMillis(run.get());
      states.merge(
          guid,
          new Known(state, seen),
          (old, now) -> new Known(now.state(), Math.max(old.lastSeenMillis(), seen)));
    } else {
      states.remove(guid);
    }
  }

  @Override
  public void close() {
    subscription.close();
  }
}
