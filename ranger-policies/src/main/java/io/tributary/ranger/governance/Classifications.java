package io.tributary.ranger.governance;

import io.tributary.catalog.Catalog;
import io.tributary.catalog.Entity;
import io.tributary.catalog.EntityWrite;
import io.tributary.catalog.Mutation;
import java.time.Clock;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Classifications given or taken away by a person (the governance API, Atlas's classification
 * endpoints). Callers decide who may; this only writes, and records {@code manual} as the source.
 */
public final class Classifications {
  private final Catalog catalog;
  private final Clock clock;

  public Classifications(Catalog catalog) {
    this(catalog, Clock.systemUTC());
  }

  public Classifications(Catalog catalog, Clock clock) {
    this.catalog = Objects.requireNonNull(catalog, "catalog");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /** Adds classifications by hand; one it already carries becomes a manual one. */
  public void addManual(Entity entity, Collection<String> names) {
    Map<String, ClassificationSource> sources =
        new LinkedHashMap<>(ClassificationSource.of(entity));
    for (String name : names) {
      sources.put(name, new ClassificationSource(ClassificationSource.MANUAL, 1.0, null, null));
    }
    catalog.apply(
        new Mutation(
            "manual classification",
            List.of(
                new EntityWrite(
                    entity.key(),
                    null,
                    Map.of(ClassificationSource.ATTRIBUTE, ClassificationSource.write(sources)),
                    Set.copyOf(names),
                    clock.instant())),
            List.of()));
  }

  /**
   * Removes a classification, whatever gave it; returns whether the entity carried it. A rule's or
   * propagation's comes back at the next event or re-evaluation unless the rule or lineage changed.
   */
  public boolean remove(Entity entity, String name) {
    if (!entity.classifications().contains(name)) {
      return false;
    }
    boolean removed = catalog.removeClassification(entity.guid(), name);
    Map<String, ClassificationSource> sources =
        new LinkedHashMap<>(ClassificationSource.of(entity));
    if (sources.remove(name) != null) {
      catalog.apply(
          new Mutation(
              "manual declassification",
              List.of(
                  new EntityWrite(
                      entity.key(),
                      null,
                      Map.of(ClassificationSource.ATTRIBUTE, ClassificationSource.write(sources)),
                      Set.of(),
                      clock.instant())),
              List.of()));
    }
    return removed;
  }
}
