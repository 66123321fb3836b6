package io.tributary.catalog;

import java.util.Objects;

/**
 * A lineage request.
 *
 * @param depth how many process hops to walk: dataset → process → dataset is one hop
 */
public record LineageQuery(Guid start, Direction direction, int depth, LineageLevel level) {
  public static final int MAX_DEPTH = 50;

  public LineageQuery {
    Objects.requireNonNull(start, "start");
    Objects.requireNonNull(direction, "direction");
    Objects.requireNonNull(level, "level");
    if (depth < 0 || depth > MAX_DEPTH) {
      throw new IllegalArgumentException("depth " + depth + " is outside 0.." + MAX_DEPTH);
    }
  }
}
