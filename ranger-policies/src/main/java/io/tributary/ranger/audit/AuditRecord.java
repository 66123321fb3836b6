package io.tributary.ranger.audit;

import java.time.Instant;
import java.util.Objects;
import java.util.Set;

/**
 * One access decision, as written to the audit destination.
 *
 * @param resource the resource path as Ranger prints it ({@code acme/prod/orders})
 * @param policyId the deciding policy, or -1 when none matched (denied by default)
 * @param eventCount how many accesses the record stands for: 1, or more for a summary of the same
 *     decision repeated (Ranger's {@code event_count}), whose {@code eventTime} is the first
 *     repeat's; for a read request, 1
 * @param request what was asked, for a read request ({@code GET /api/v1/lineage/…}), else null
 * @param entities how many entities a read request decided, 0 for a single decision
 * @param denied how many of them were denied
 */
public record AuditRecord(
    String eventId,
    Instant eventTime,
    String service,
    String user,
    String accessType,
    String resourceType,
    String resource,
    boolean allowed,
    long policyId,
    Long policyVersion,
    Set<String> tags,
    String clientIp,
    String zone,
    long eventCount,
    String request,
    long entities,
    long denied) {
  public AuditRecord {
    Objects.requireNonNull(eventTime, "eventTime");
    if (eventCount < 1) {
      throw new IllegalArgumentException("eventCount must be at least 1: " + eventCount);
    }
    tags = tags == null ? Set.of() : Set.copyOf(tags);
    if (entities < 0 || denied < 0 || denied > Math.max(entities, 1)) {
      throw new IllegalArgumentException(
          "denied " + denied + " of " + entities + " entities is not a count");
    }
  }

  /** One decision as Ranger audits it. */
  public static AuditRecord decision(
      String eventId,
      Instant eventTime,
      String service,
      String user,
      String accessType,
      String resourceType,
      String resource,
      boolean allowed,
      long policyId,
      Long policyVersion,
      Set<String> tags,
      String clientIp,
      String zone) {
    return new AuditRecord(
        eventId,
        eventTime,
        service,
        user,
        accessType,
        resourceType,
        resource,
        allowed,
        policyId,
        policyVersion,
        tags,
        clientIp,
        zone,
        1,
        null,
        0,
        0);
  }

  /** The same decision repeated {@code count} times from {@code first} on: one record for all. */
  public AuditRecord summary(String id, Instant first, long count) {
    return new AuditRecord(
        id,
        first,
        service,
        user,
        accessType,
        resourceType,
        resource,
        allowed,
        policyId,
        policyVersion,
        tags,
        clientIp,
        zone,
        count,
        request,
        entities,
        denied);
  }

  /** The tenant of the resource: the first path element. */
  public String tenant() {
    if (resource == null) {
      return null;
    }
    int slash = resource.indexOf('/');
    return slash < 0 ? resource : resource.substring(0, slash);
  }
}
