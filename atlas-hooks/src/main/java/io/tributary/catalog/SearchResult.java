package io.tributary.catalog;

import java.util.List;

/**
 * One page of search hits.
 *
 * @param total how many visible entities matched in all
 */
public record SearchResult(List<Entity> entities, long total) {
  public SearchResult {
    entities = List.copyOf(entities);
  }
}
