package io.tributary.catalog.atlas;

import io.tributary.atlas.AtlasObjectId;
import io.tributary.atlas.AtlasWritePlan;
import io.tributary.catalog.EntityKey;
import io.tributary.catalog.MutationResult;
import java.util.List;

/** Where the remote backend sends its writes: Atlas's REST API or its {@code ATLAS_HOOK} topic. */
public interface AtlasSink extends AutoCloseable {
  /**
   * Whether one mutation's entities travel in one request, so that references between them may use
   * placeholder guids.
   */
  boolean oneRequestPerMutation();

  /**
   * Delivers the plans in order and returns one result per plan. Returns once Atlas (REST) or the
   * broker (notifications) has accepted everything.
   */
  List<MutationResult> write(List<AtlasWritePlan> plans);

  /** Deletes one entity, named by type and unique attribute ({@code entity}) and catalog key. */
  void delete(EntityKey key, AtlasObjectId entity);

  @Override
  void close();
}
