package io.tributary.openlineage;

import io.tributary.catalog.Mutation;
import io.tributary.contract.schema.EventKind;
import io.tributary.contract.schema.EventWarning;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * An accepted OpenLineage event and the catalog mutation it maps to.
 *
 * @param eventType the event's {@code eventType}, or null when it has none
 * @param runId the run's id for a {@link EventKind#RUN} event, null otherwise
 * @param eventTime the event's {@code eventTime}; every write of the mutation is as of this time
 * @param warnings what the producer should fix, though the event was accepted
 */
public record TranslatedEvent(
    EventKind kind,
    String eventType,
    UUID runId,
    Instant eventTime,
    Mutation mutation,
    List<EventWarning> warnings) {
  public TranslatedEvent {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(eventTime, "eventTime");
    Objects.requireNonNull(mutation, "mutation");
    warnings = warnings == null ? List.of() : List.copyOf(warnings);
    if ((kind == EventKind.RUN) != (runId != null)) {
      throw new IllegalArgumentException("runId must be set exactly for RUN events, kind " + kind);
    }
  }
}
