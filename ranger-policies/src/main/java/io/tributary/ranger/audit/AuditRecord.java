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
 *     repeat's
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
    long eventCount) {
  public AuditRecord {
    Objects.requireNonNull(eventTime, "eventTime");
    if (eventCount < 1) {
      throw new IllegalArgumentException("eventCount must be at least 1: " + eventCount);
    }
    tags = tags == null ? Set.of() : Set.copyOf(tags);
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
        count);
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
