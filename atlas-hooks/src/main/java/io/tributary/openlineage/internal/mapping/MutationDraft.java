package io.tributary.openlineage.internal.mapping;

import io.tributary.catalog.EntityKey;
import io.tributary.catalog.EntityWrite;
import io.tributary.catalog.Mutation;
import io.tributary.catalog.RelationshipWrite;
import io.tributary.contract.TenantId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Collects the writes of one event. An entity named twice (a topic both read and written, a column
 * referenced by several lineage entries) becomes one write whose attributes merge, the later value
 * winning; relationships are deduplicated. Insertion order is kept, so one event always yields the
 * same mutation.
 */
final class MutationDraft {
  private final TenantId tenant;
  private final Instant asOf;
  private final Map<EntityKey, EntityDraft> entities = new LinkedHashMap<>();
  private final Map<RelationshipKey, RelationshipWrite> relationships = new LinkedHashMap<>();
  private final Map<String, String> clusterHints = new LinkedHashMap<>();

  MutationDraft(TenantId tenant, Instant asOf) {
    this.tenant = tenant;
    this.asOf = asOf;
  }

  EntityKey key(String typeName, String qualifiedName) {
    return new EntityKey(tenant, typeName, qualifiedName);
  }

  /**
   * Records the cluster a producer names for a namespace, so that every dataset of that namespace
   * in this event (column lineage inputs too, which carry no facets) lands in the same cluster. The
   * first hint for a namespace wins.
   */
  void hintCluster(String namespace, String cluster) {
    clusterHints.putIfAbsent(namespace, cluster);
  }

  /** The producer's cluster for a namespace, or null. */
  String clusterHint(String namespace) {
    return clusterHints.get(namespace);
  }

  /** The draft of an entity, created on first use. */
  EntityDraft entity(EntityKey key) {
    return entities.computeIfAbsent(key, EntityDraft::new);
  }

  void relate(String typeName, EntityKey from, EntityKey to) {
    relationships.putIfAbsent(
        new RelationshipKey(typeName, from, to),
        new RelationshipWrite(typeName, from, to, Map.of(), asOf));
  }

  Mutation build(String source) {
    List<EntityWrite> writes = new ArrayList<>(entities.size());
    for (EntityDraft draft : entities.values()) {
      writes.add(
          new EntityWrite(draft.key, draft.name, draft.attributes, draft.classifications, asOf));
    }
    return new Mutation(source, writes, new ArrayList<>(relationships.values()));
  }

  /** One entity's pending write. */
  static final class EntityDraft {
    private final EntityKey key;
    private String name;
    private final Map<String, Object> attributes = new LinkedHashMap<>();
    private final Set<String> classifications = new LinkedHashSet<>();

    private EntityDraft(EntityKey key) {
      this.key = key;
    }

    EntityKey key() {
      return key;
    }

    EntityDraft name(String value) {
      this.name = value;
      return this;
    }

    /** Sets an attribute; null removes it in the catalog. */
    EntityDraft put(String attribute, Object value) {
      attributes.put(attribute, value);
      return this;
    }

    EntityDraft classify(String classification) {
      classifications.add(classification);
      return this;
    }
  }

  private record RelationshipKey(String typeName, EntityKey from, EntityKey to) {}
}
