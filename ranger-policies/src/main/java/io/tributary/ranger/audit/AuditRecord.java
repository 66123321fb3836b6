package io.tributary.ranger.audit;

import java.time.Instant;
import java.util.Objects;
import java.util.Set;

/**
 * One access decision, as written to the audit destination.
 *
 * @param resource the resource path as Ranger prints it ({@code acme/prod/orders})
 * @param policyId the deciding policy, or -1 when none matched (denied by default)
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
    String zone) {
  public AuditRecord {
    Objects.requireNonNull(eventTime, "eventTime");
    tags = tags == null ? Set.of() : Set.copyOf(tags);
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
