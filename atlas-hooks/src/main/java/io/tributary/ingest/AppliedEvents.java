package io.tributary.ingest;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.tributary.catalog.Catalog;
import io.tributary.catalog.Entity;
import io.tributary.catalog.EntityKey;
import io.tributary.catalog.Types;
import io.tributary.catalog.Visibility;
import io.tributary.contract.TenantId;
import io.tributary.contract.TributaryFacets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Which sequenced events the catalog has applied, so that a redelivered one is acknowledged without
 * being applied (and counted) again. An event is sequenced when it carries the {@value
 * TributaryFacets#EDGE_EVENT} run facet: an edge node numbers the events it journals, and sends the
 * events of one run in that order. So per run and node the catalog keeps only the highest sequence
 * it applied; one at or below it is a redelivery.
 *
 * <p>The highest sequences of recently written runs are kept in memory; for any other run the
 * stored run's facets are read (they hold the facet of the newest event applied), so that the rule
 * holds across catalog restarts too.
 */
final class AppliedEvents {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int RUNS_KEPT = 10_000;

  private record RunNode(TenantId tenant, UUID runId, String node) {}

  private final Catalog catalog;

  /** Least recently used first; guarded by itself. */
  private final Map<RunNode, Long> highest =
      new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<RunNode, Long> eldest) {
          return size() > RUNS_KEPT;
        }
      };

  /**
   * @param catalog where applied runs are read back after a restart, or null to remember only what
   *     this process applied
   */
  AppliedEvents(Catalog catalog) {
    this.catalog = catalog;
  }

  /** Whether an event of {@code runId} stamped {@code stamp} was applied already. */
  boolean applied(TenantId tenant, UUID runId, EventStamp stamp) {
    RunNode key = new RunNode(tenant, runId, stamp.node());
    Long known;
    synchronized (highest) {
      known = highest.get(key);
    }
    if (known == null) {
      known = stored(key).orElse(-1L);
      synchronized (highest) {
        known = highest.merge(key, known, Math::max);
      }
    }
    return stamp.sequence() <= known;
  }

  /** Records a committed event. */
  void record(TenantId tenant, UUID runId, EventStamp stamp) {
    synchronized (highest) {
      highest.merge(new RunNode(tenant, runId, stamp.node()), stamp.sequence(), Math::max);
    }
  }

  /** The sequence in the stored run's facets, when the same node wrote it. */
  private Optional<Long> stored(RunNode key) {
    if (catalog == null) {
      return Optional.empty();
    }
    Optional<Entity> run =
        catalog.get(
            new EntityKey(key.tenant(), Types.RUN, key.runId().toString()), Visibility.all());
    Object facets = run.map(e -> e.attributes().get("runFacets")).orElse(null);
    if (!(facets instanceof String text)) {
      return Optional.empty();
    }
    try {
      return EventStamp.fromFacet(JSON.readTree(text).path(TributaryFacets.EDGE_EVENT))
          .filter(s -> s.node().equals(key.node()))
          .map(EventStamp::sequence);
    } catch (java.io.IOException e) {
      return Optional.empty();
    }
  }
}
