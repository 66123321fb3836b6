package io.tributary.atlascompat;

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

/** Deterministic catalog writes: a streaming job reading topics and writing one. */
final class Fixtures {
  static final Instant T0 = Instant.parse("2026-11-28T10:00:00Z");

  private Fixtures() {}

  static EntityKey topic(TenantId tenant, String name) {
    return new EntityKey(tenant, Types.KAFKA_TOPIC, name + "@prod");
  }

  static EntityKey job(TenantId tenant, String name) {
    return new EntityKey(tenant, Types.FLINK_APPLICATION, "flink://" + name);
  }

  /** A job reading {@code inputs} topics and writing one output topic, named after the job. */
  static Mutation job(TenantId tenant, String name, int inputs) {
    List<EntityWrite> writes = new ArrayList<>();
    List<RelationshipWrite> relationships = new ArrayList<>();
    EntityKey job = job(tenant, name);
    writes.add(new EntityWrite(job, name, Map.of("processingType", "STREAMING"), Set.of(), T0));
    for (int i = 0; i < inputs; i++) {
      EntityKey in = topic(tenant, name + "-in-" + i);
      writes.add(new EntityWrite(in, name + "-in-" + i, Map.of(), Set.of(), T0));
      relationships.add(new RelationshipWrite(Types.REL_INPUTS, in, job, Map.of(), T0));
    }
    EntityKey out = topic(tenant, name + "-out");
    writes.add(new EntityWrite(out, name + "-out", Map.of(), Set.of("PII"), T0));
    relationships.add(new RelationshipWrite(Types.REL_OUTPUTS, job, out, Map.of(), T0));
    return new Mutation("test:" + name, writes, relationships);
  }
}
