package io.tributary.catalog.atlas;

import io.tributary.atlas.AtlasEntitiesWithExtInfo;
import io.tributary.atlas.AtlasEntity;
import io.tributary.atlas.AtlasEntityHeader;
import io.tributary.atlas.AtlasNames;
import io.tributary.atlas.AtlasObjectId;
import io.tributary.atlas.AtlasRelationship;
import io.tributary.atlas.AtlasWritePlan;
import io.tributary.atlas.EntityMutationResponse;
import io.tributary.catalog.EntityKey;
import io.tributary.catalog.Guid;
import io.tributary.catalog.MutationResult;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Writes through Atlas's REST API: consecutive plans are merged into {@code POST /v2/entity/bulk}
 * requests of up to {@code batchSize} entities (a plan is never split, and a batch never names an
 * entity twice, which Atlas would create twice); then each plan's partial updates and loose
 * relationships follow.
 */
public final class AtlasRestSink implements AtlasSink {
  private final AtlasRestClient client;
  private final int batchSize;

  public AtlasRestSink(AtlasRestClient client, int batchSize) {
    this.client = Objects.requireNonNull(client, "client");
    if (batchSize < 1) {
      throw new IllegalArgumentException("batch size " + batchSize + " must be positive");
    }
    this.batchSize = batchSize;
  }

  @Override
  public boolean oneRequestPerMutation() {
    return true;
  }

  @Override
  public List<MutationResult> write(List<AtlasWritePlan> plans) {
    List<MutationResult> results = new ArrayList<>(plans.size());
    List<AtlasWritePlan> batch = new ArrayList<>();
    Set<EntityKey> batchKeys = new HashSet<>();
    int batchEntities = 0;
    for (AtlasWritePlan plan : plans) {
      Set<EntityKey> keys = keys(plan.creates());
      boolean fits = batchEntities + plan.creates().size() <= batchSize;
      boolean overlaps = keys.stream().anyMatch(batchKeys::contains);
      if (!batch.isEmpty() && (!fits || overlaps)) {
        results.addAll(flush(batch));
        batch.clear();
        batchKeys.clear();
        batchEntities = 0;
      }
      batch.add(plan);
      batchKeys.addAll(keys);
      batchEntities += plan.creates().size();
    }
    if (!batch.isEmpty()) {
      results.addAll(flush(batch));
    }
    return results;
  }

  @Override
  public void delete(EntityKey key, AtlasObjectId entity) {
    client
        .entity(entity.typeName(), entity.qualifiedName())
        .ifPresent(found -> client.delete(found.entity().guid()));
  }

  @Override
  public void close() {
    // java.net.http's client holds no resource that needs closing on Java 17.
  }

  private List<MutationResult> flush(List<AtlasWritePlan> batch) {
    List<AtlasEntity> creates = new ArrayList<>();
    batch.forEach(p -> p.creates().forEach(k -> creates.add(k.entity())));
    EntityMutationResponse response =
        creates.isEmpty()
            ? new EntityMutationResponse(null, null)
            : client.createOrUpdate(AtlasEntitiesWithExtInfo.of(creates));
    Set<String> created = guids(response, AtlasNames.OP_CREATE);
    Set<String> updated = guids(response, AtlasNames.OP_UPDATE);
    updated.addAll(guids(response, AtlasNames.OP_PARTIAL_UPDATE));
    List<MutationResult> out = new ArrayList<>(batch.size());
    for (AtlasWritePlan plan : batch) {
      Map<EntityKey, Guid> guids = new LinkedHashMap<>();
      List<EntityKey> createdKeys = new ArrayList<>();
      List<EntityKey> updatedKeys = new ArrayList<>();
      for (AtlasWritePlan.Keyed create : plan.creates()) {
        String guid = response.guidAssignmentsOrEmpty().get(create.entity().guid());
        if (guid != null) {
          guids.put(create.key(), new Guid(guid));
          if (created.contains(guid)) {
            createdKeys.add(create.key());
          } else if (updated.contains(guid)) {
            updatedKeys.add(create.key());
          }
        }
      }
      for (AtlasWritePlan.Keyed partial : plan.partialUpdates()) {
        EntityMutationResponse r = client.partialUpdate(partial.entity());
        for (AtlasEntityHeader h : r.headers(AtlasNames.OP_PARTIAL_UPDATE)) {
          if (h.guid() != null) {
            guids.put(partial.key(), new Guid(h.guid()));
            updatedKeys.add(partial.key());
          }
        }
      }
      for (AtlasRelationship relationship : plan.relationships()) {
        client.createRelationship(relationship);
      }
      out.add(new MutationResult(guids, createdKeys, updatedKeys));
    }
    return out;
  }

  private static Set<String> guids(EntityMutationResponse response, String operation) {
    Set<String> out = new HashSet<>();
    for (AtlasEntityHeader h : response.headers(operation)) {
      out.add(h.guid());
    }
    return out;
  }

  private static Set<EntityKey> keys(List<AtlasWritePlan.Keyed> entities) {
    Set<EntityKey> out = new HashSet<>();
    entities.forEach(k -> out.add(k.key()));
    return out;
  }
}
