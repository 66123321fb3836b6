package io.tributary.atlascompat;

import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.apache.atlas.model.instance.AtlasEntity;
import org.apache.atlas.model.instance.AtlasEntity.AtlasEntitiesWithExtInfo;
import org.apache.atlas.model.instance.AtlasEntityHeader;
import org.apache.atlas.model.instance.EntityMutationResponse;
import org.apache.atlas.model.instance.EntityMutations.EntityOperation;
import org.apache.atlas.type.AtlasType;

/**
 * Answers {@code POST /api/atlas/v2/entity/bulk} as Atlas 2.4 does: parses the body with Atlas's
 * own {@code AtlasEntitiesWithExtInfo} (a body Atlas could not read fails the test), assigns each
 * entity a guid derived from its type and qualifiedName, and returns Atlas's {@code
 * EntityMutationResponse} with {@code CREATE} headers and the {@code guidAssignments} of every
 * placeholder, serialised by Atlas's own {@code AtlasType.toJson}.
 */
final class AtlasBulkStub implements ResponseDefinitionTransformerV2 {
  static final String NAME = "atlas-bulk";

  @Override
  public ResponseDefinition transform(ServeEvent event) {
    String body = new String(event.getRequest().getBody(), StandardCharsets.UTF_8);
    AtlasEntitiesWithExtInfo request = AtlasType.fromJson(body, AtlasEntitiesWithExtInfo.class);
    if (request == null || request.getEntities() == null) {
      return new com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder()
          .withStatus(400)
          .withHeader("Content-Type", "application/json")
          .withBody("{\"errorCode\":\"ATLAS-400-00-029\",\"errorMessage\":\"unreadable request\"}")
          .build();
    }
    EntityMutationResponse response = new EntityMutationResponse();
    Map<String, String> assignments = new LinkedHashMap<>();
    for (AtlasEntity entity : request.getEntities()) {
      String guid =
          guidOf(entity.getTypeName(), String.valueOf(entity.getAttribute("qualifiedName")));
      assignments.put(entity.getGuid(), guid);
      AtlasEntityHeader header =
          new AtlasEntityHeader(
              entity.getTypeName(),
              guid,
              Map.of("qualifiedName", entity.getAttribute("qualifiedName")));
      response.addEntity(EntityOperation.CREATE, header);
    }
    response.setGuidAssignments(assignments);
    return new com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder()
        .withStatus(200)
        .withHeader("Content-Type", "application/json;charset=UTF-8")
        .withBody(AtlasType.toJson(response))
        .build();
  }

  static String guidOf(String typeName, String qualifiedName) {
    return UUID.nameUUIDFromBytes((typeName + "|" + qualifiedName).getBytes(StandardCharsets.UTF_8))
        .toString();
  }

  @Override
  public boolean applyGlobally() {
    return false;
  }

  @Override
  public String getName() {
    return NAME;
  }
}
