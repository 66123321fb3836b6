package io.tributary.atlas;

import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Atlas's {@code AtlasLineageInfo}. Relations point in data-flow direction: input dataset to
 * process, process to output dataset.
 *
 * @param lineageDirection {@code INPUT}, {@code OUTPUT} or {@code BOTH}
 */
public record AtlasLineageInfo(
    String baseEntityGuid,
    String lineageDirection,
    int lineageDepth,
    Map<String, AtlasEntityHeader> guidEntityMap,
    Set<LineageRelation> relations) {
  public AtlasLineageInfo {
    Objects.requireNonNull(baseEntityGuid, "baseEntityGuid");
    guidEntityMap = Copies.map(guidEntityMap);
    relations = Copies.set(relations);
  }

  /** One lineage edge. */
  public record LineageRelation(String fromEntityId, String toEntityId, String relationshipId) {}
}
