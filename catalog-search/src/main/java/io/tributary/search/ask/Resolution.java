package io.tributary.search.ask;

import io.tributary.catalog.Entity;
import java.util.List;

/**
 * What a phrase of a question names.
 *
 * @param entity the one entity it names, or null when none or several fit
 * @param candidates when several fit about equally: all of them, best first; else empty
 */
public record Resolution(String phrase, Entity entity, List<Entity> candidates) {
  public Resolution {
    candidates = List.copyOf(candidates);
  }

  public boolean resolved() {
    return entity != null;
  }

  public boolean ambiguous() {
    return entity == null && !candidates.isEmpty();
  }
}
