package io.tributary.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import io.tributary.contract.TributaryFacets;
import java.util.Objects;
import java.util.Optional;

/**
 * An event's place in the journal of the edge node that sent it, from its {@value
 * TributaryFacets#EDGE_EVENT} run facet.
 */
public record EventStamp(String node, long sequence) {
  public EventStamp {
    Objects.requireNonNull(node, "node");
  }

  /** The stamp of the event's facet, if it has a valid one. */
  static Optional<EventStamp> read(JsonNode event) {
    return fromFacet(event.path("run").path("facets").path(TributaryFacets.EDGE_EVENT));
  }

  static Optional<EventStamp> fromFacet(JsonNode facet) {
    JsonNode node = facet.path(TributaryFacets.EDGE_EVENT_NODE_FIELD);
    JsonNode sequence = facet.path(TributaryFacets.EDGE_EVENT_SEQUENCE_FIELD);
    if (!node.isTextual() || node.asText().isEmpty() || !sequence.canConvertToLong()) {
      return Optional.empty();
    }
    return Optional.of(new EventStamp(node.asText(), sequence.asLong()));
  }
}
