package io.tributary.atlas;

import java.util.List;
import java.util.Map;

/**
 * Atlas's {@code EntityMutationResponse}.
 *
 * @param mutatedEntities headers by operation: {@code CREATE}, {@code UPDATE}, {@code
 *     PARTIAL_UPDATE}, {@code DELETE}
 * @param guidAssignments the guid each placeholder guid of the request resolved to
 */
public record EntityMutationResponse(
    Map<String, List<AtlasEntityHeader>> mutatedEntities, Map<String, String> guidAssignments) {
  public EntityMutationResponse {
    mutatedEntities = Copies.mapOrNull(mutatedEntities);
    guidAssignments = Copies.mapOrNull(guidAssignments);
  }

  public List<AtlasEntityHeader> headers(String operation) {
    if (mutatedEntities == null) {
      return List.of();
    }
    List<AtlasEntityHeader> headers = mutatedEntities.get(operation);
    return headers == null ? List.of() : headers;
  }

  public Map<String, String> guidAssignmentsOrEmpty() {
    return guidAssignments == null ? Map.of() : guidAssignments;
  }
}
