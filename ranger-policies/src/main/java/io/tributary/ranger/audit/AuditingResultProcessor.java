package io.tributary.ranger.audit;

import java.time.Instant;
import java.util.Objects;
import org.apache.ranger.audit.model.AuthzAuditEvent;
import org.apache.ranger.plugin.audit.RangerDefaultAuditHandler;

/**
 * Ranger's result processor, writing the audit events Ranger decides to audit (per policy and the
 * service's audit filters) to an {@link AuditSink} instead of Ranger's global audit providers.
 */
public final class AuditingResultProcessor extends RangerDefaultAuditHandler {
  private final AuditSink sink;

  public AuditingResultProcessor(AuditSink sink) {
    this.sink = Objects.requireNonNull(sink, "sink");
  }

  @Override
  public void logAuthzAudit(AuthzAuditEvent event) {
    if (event != null) {
      sink.send(record(event));
    }
  }

  /** Writes a record made elsewhere (a summary of repeated decisions) to the same sink. */
  public void send(AuditRecord record) {
    sink.send(record);
  }

  /** The record of one Ranger audit event. */
  public static AuditRecord record(AuthzAuditEvent event) {
    return AuditRecord.decision(
        event.getEventId(),
        event.getEventTime() == null ? Instant.now() : event.getEventTime().toInstant(),
        event.getRepositoryName(),
        event.getUser(),
        event.getAccessType(),
        event.getResourceType(),
        event.getResourcePath(),
        event.getAccessResult() == 1,
        event.getPolicyId(),
        event.getPolicyVersion(),
        event.getTags(),
        event.getClientIP(),
        event.getZoneName());
  }
}
