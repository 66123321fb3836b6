package io.tributary.ranger;

import io.tributary.catalog.Entity;
import io.tributary.catalog.Visibility;
import io.tributary.ranger.audit.AuditRecord;
import io.tributary.ranger.audit.ReadAudit;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The read decisions of one request: what its caller may see, decided per resource path (remembered
 * across requests by {@link ReadDecisions}), counted, and audited once at {@link #finish} as one
 * record standing for every entity it decided. Thread-safe: a lineage walk may decide in parallel.
 */
public final class ReadRequest {
  private record Denial(AccessType access, ResourcePath resource, long policyId) {}

  private final ReadDecisions.OfPrincipal decisions;
  private final EntityResources resources;
  private final String service;
  private final long policyVersion;
  private final long started;
  private final AtomicLong entities = new AtomicLong();
  private final AtomicLong denied = new AtomicLong();
  private final AtomicReference<Denial> firstDenial = new AtomicReference<>();
  private volatile boolean walked;

  ReadRequest(
      ReadDecisions.OfPrincipal decisions,
      EntityResources resources,
      String service,
      long policyVersion,
      long started) {
    this.decisions = decisions;
    this.resources = resources;
    this.service = service;
    this.policyVersion = policyVersion;
    this.started = started;
  }

  /** The entities the caller may {@code access}. */
  public Visibility visibility(AccessType access) {
    return entity -> decide(access, entity);
  }

  /** The entities the caller may both walk in lineage and read; others stay placeholders. */
  public Visibility lineage() {
    walked = true;
    return entity -> {
      entities.incrementAndGet();
      ResourcePath resource = resources.of(entity);
      return allowed(AccessType.LINEAGE, resource, entity.classifications())
          && allowed(AccessType.READ, resource, entity.classifications());
    };
  }

  /** How many entities were decided so far, and how many of them denied. */
  public long entities() {
    return entities.get();
  }

  public long denied() {
    return denied.get();
  }

  /**
   * Audits the request as one record when {@code audit} says so: always with a denial (naming the
   * first resource denied), allowed reads as configured.
   *
   * @param request what was asked, such as {@code GET /api/v1/lineage/…}
   */
  public void finish(String request, ReadAudit audit) {
    long decided = entities.get();
    if (decided == 0) {
      return;
    }
    Denial denial = firstDenial.get();
    boolean allowed = denial == null;
    if (!audit.writes(allowed)) {
      return;
    }
    Principal principal = decisions.principal();
    ResourcePath resource = allowed ? ResourcePath.tenant(principal.tenant()) : denial.resource();
    AccessType access = allowed ? (walked ? AccessType.LINEAGE : AccessType.READ) : denial.access();
    audit
        .sink()
        .send(
            new AuditRecord(
                UUID.randomUUID().toString(),
                Instant.now(),
                service,
                principal.user(),
                access.rangerName(),
                resource.kind() == null
                    ? (resource.namespace() == null ? "tenant" : "namespace")
                    : resource.kind().resourceName(),
                resource.rangerPath(),
                allowed,
                allowed ? -1 : denial.policyId(),
                policyVersion,
                Set.of(),
                null,
                null,
                1,
                request,
                decided,
                denied.get()));
  }

  private boolean decide(AccessType access, Entity entity) {
    entities.incrementAndGet();
    return allowed(access, resources.of(entity), entity.classifications());
  }

  private boolean allowed(AccessType access, ResourcePath resource, Set<String> classifications) {
    ReadDecisions.Decided decided =
        decisions.decide(access, resource, classifications, policyVersion, started);
    if (!decided.allowed()) {
      if (denied.getAndIncrement() == 0) {
        firstDenial.compareAndSet(null, new Denial(access, resource, decided.policyId()));
      }
    }
    return decided.allowed();
  }
}
