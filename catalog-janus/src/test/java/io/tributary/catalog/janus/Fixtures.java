package io.tributary.catalog.janus;

import io.tributary.catalog.EntityKey;
import io.tributary.catalog.EntityWrite;
import io.tributary.catalog.Mutation;
import io.tributary.catalog.RelationshipWrite;
import io.tributary.catalog.Types;
import io.tributary.contract.TenantId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Deterministic keys, times and mutations for the catalog tests. */
final class Fixtures {
  static final TenantId ACME = new TenantId("acme");
  static final TenantId GLOBEX = new TenantId("globex");
  static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
  static final Instant T1 = T0.plusSeconds(60);
  static final Instant T2 = T0.plusSeconds(120);

  private Fixtures() {}

  static EntityKey topic(String name) {
    return topic(ACME, name);
  }

  static EntityKey topic(TenantId tenant, String name) {
    return new EntityKey(tenant, Types.KAFKA_TOPIC, name + "@prod");
  }

  static EntityKey job(String name) {
    return job(ACME, name);
  }

  static EntityKey job(TenantId tenant, String name) {
    return new EntityKey(tenant, Types.FLINK_APPLICATION, name + "@flink");
  }

  static EntityKey column(EntityKey dataset, String column) {
    return new EntityKey(dataset.tenant(), Types.COLUMN, dataset.qualifiedName() + "#" + column);
  }

  static EntityKey columnLineage(EntityKey job, String name) {
    return new EntityKey(job.tenant(), Types.COLUMN_LINEAGE, job.qualifiedName() + "#" + name);
  }

  static EntityWrite entity(EntityKey key, String name, Map<String, Object> attributes) {
    return new EntityWrite(key, name, attributes, Set.of(), T0);
  }

  static EntityWrite entity(EntityKey key) {
    return entity(key, nameOf(key), Map.of());
  }

  static String nameOf(EntityKey key) {
    String qn = key.qualifiedName();
    int at = qn.indexOf('@');
    return at < 0 ? qn : qn.substring(0, at);
  }

  static RelationshipWrite rel(String type, EntityKey from, EntityKey to) {
    return new RelationshipWrite(type, from, to, Map.of(), T0);
  }

  static Mutation mutation(List<EntityWrite> entities, List<RelationshipWrite> relationships) {
    return new Mutation("test", entities, relationships);
  }

  /**
   * One job reading {@code inputs} and writing {@code outputs}: every entity and both kinds of
   * lineage relationship in one mutation.
   */
  static Mutation process(EntityKey job, List<EntityKey> inputs, List<EntityKey> outputs) {
    List<EntityWrite> entities = new ArrayList<>();
    List<RelationshipWrite> rels = new ArrayList<>();
    entities.add(entity(job));
    for (EntityKey in : inputs) {
      entities.add(entity(in));
      rels.add(rel(Types.REL_INPUTS, in, job));
    }
    for (EntityKey out : outputs) {
      entities.add(entity(out));
      rels.add(rel(Types.REL_OUTPUTS, job, out));
    }
    return mutation(entities, rels);
  }
}
