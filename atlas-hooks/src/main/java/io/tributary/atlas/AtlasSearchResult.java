package io.tributary.atlas;

import java.util.List;

/**
 * Atlas's {@code AtlasSearchResult} for a basic search.
 *
 * @param queryType {@code BASIC}
 * @param approximateCount how many entities matched in all
 */
public record AtlasSearchResult(
    String queryType,
    SearchParameters searchParameters,
    String queryText,
    String type,
    String classification,
    List<AtlasEntityHeader> entities,
    long approximateCount) {
  public AtlasSearchResult {
    entities = Copies.listOrNull(entities);
  }

  public List<AtlasEntityHeader> entitiesOrEmpty() {
    return entities == null ? List.of() : entities;
  }
}
