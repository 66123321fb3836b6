package io.tributary.ui;

import io.tributary.catalog.Direction;
import io.tributary.catalog.Entity;
import io.tributary.catalog.EntityKey;
import io.tributary.catalog.Guid;
import io.tributary.catalog.LineageEdge;
import io.tributary.catalog.LineageGraph;
import io.tributary.catalog.LineageLevel;
import io.tributary.catalog.LineageQuery;
import io.tributary.catalog.Types;
import io.tributary.catalog.types.TypeRegistry;
import io.tributary.contract.TenantId;
import io.tributary.server.export.Drawing;
import io.tributary.server.export.LineageExport;
import io.tributary.server.export.NodeKinds;
import io.tributary.server.layout.LayeredLayout;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;

/**
 * orders@prod → enrich (flink) → enriched@prod → a job the caller may not see → alerts@prod, with a
 * name that needs escaping in every format.
 */
final class ExportFixtures {
  static final TenantId TENANT = new TenantId("acme");
  static final Instant T = Instant.parse("2026-11-28T10:00:00Z");
  static final Entity ORDERS = entity(Types.KAFKA_TOPIC, "orders@prod", "orders", Set.of("PII"));
  static final Entity ENRICH =
      entity(Types.FLINK_APPLICATION, "flink/enrich", "enrich \"orders\", <fast> & co", Set.of());
  static final Entity ENRICHED = entity(Types.KAFKA_TOPIC, "enriched@prod", "enriched", Set.of());
  static final Guid HIDDEN = new Guid("00000000-0000-0000-0000-00000000beef");
  static final Entity ALERTS = entity(Types.KAFKA_TOPIC, "alerts@prod", "alerts", Set.of());

  private ExportFixtures() {}

  static Entity entity(String type, String qn, String name, Set<String> classifications) {
    EntityKey key = new EntityKey(TENANT, type, qn);
    return new Entity(
        Guid.forKey(key), key, name, Map.of("owner", "team-a"), classifications, T, T);
  }

  static LineageGraph graph() {
    return new LineageGraph(
        ORDERS.guid(),
        Map.of(
            ORDERS.guid(), ORDERS,
            ENRICH.guid(), ENRICH,
            ENRICHED.guid(), ENRICHED,
            ALERTS.guid(), ALERTS),
        List.of(
            new LineageEdge(ORDERS.guid(), ENRICH.guid(), Types.REL_INPUTS),
            new LineageEdge(ENRICH.guid(), ENRICHED.guid(), Types.REL_OUTPUTS),
            new LineageEdge(ENRICHED.guid(), HIDDEN, Types.REL_INPUTS),
            new LineageEdge(HIDDEN, ALERTS.guid(), Types.REL_OUTPUTS)),
        Set.of(HIDDEN),
        Map.of(
            ORDERS.guid(), 0, ENRICH.guid(), 1, ENRICHED.guid(), 1, HIDDEN, 2, ALERTS.guid(), 2));
  }

  static LineageExport export() {
    LineageGraph graph = graph();
    NodeKinds kinds = new NodeKinds(TypeRegistry.builtIn());
    AtomicReference<LineageExport> self = new AtomicReference<>();
    LineageExport export =
        new LineageExport(
            graph,
            new LineageQuery(ORDERS.guid(), Direction.DOWNSTREAM, 3, LineageLevel.DATASET),
            kinds,
            () -> Drawing.layOut(self.get().nodes(), graph.edges(), new LayeredLayout()));
    self.set(export);
    return export;
  }
}
