package io.tributary.ingest;

import io.tributary.catalog.EntityKey;
import io.tributary.catalog.Guid;
import io.tributary.catalog.Mutation;
import io.tributary.catalog.MutationResult;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A large mutation cut into smaller ones as it is committed: its entities first, then its
 * relationships, whose ends the earlier chunks have committed. Each chunk's size is chosen when it
 * is cut, so the committer can fit chunks to a time budget. The chunks' results merge into the one
 * result the whole mutation would have had.
 */
final class MutationChunks {
  private final Mutation mutation;
  private final List<MutationResult> results = new ArrayList<>();
  private int entities;
  private int relationships;
  private int cut;

  MutationChunks(Mutation mutation) {
    this.mutation = mutation;
  }

  /** The number of writes in a mutation: what its cost grows with. */
  static int writes(Mutation m) {
    return m.entities().size() + m.relationships().size();
  }

  Mutation mutation() {
    return mutation;
  }

  boolean hasNext() {
    return entities < mutation.entities().size() || relationships < mutation.relationships().size();
  }

  /** The next chunk, of at most {@code size} writes. */
  Mutation next(int size) {
    int fromEntities = entities;
    int fromRelationships = relationships;
    int left = size;
    entities = Math.min(mutation.entities().size(), entities + left);
    left -= entities - fromEntities;
    if (entities == mutation.entities().size()) {
      relationships = Math.min(mutation.relationships().size(), relationships + left);
    }
    cut++;
    return new Mutation(
        mutation.source() + " [part " + cut + "]",
        mutation.entities().subList(fromEntities, entities),
        mutation.relationships().subList(fromRelationships, relationships));
  }

  /** Records the result of the chunk last cut. */
  void committed(MutationResult result) {
    results.add(result);
  }

  int chunks() {
    return cut;
  }

  /** The result of the whole mutation: what any chunk created is created, not updated. */
  MutationResult result() {
    Map<EntityKey, Guid> guids = new LinkedHashMap<>();
    Set<EntityKey> created = new LinkedHashSet<>();
    Set<EntityKey> updated = new LinkedHashSet<>();
    for (MutationResult r : results) {
      guids.putAll(r.guids());
      created.addAll(r.created());
      updated.addAll(r.updated());
    }
    updated.removeAll(created);
    return new MutationResult(guids, List.copyOf(created), List.copyOf(updated));
  }
}
