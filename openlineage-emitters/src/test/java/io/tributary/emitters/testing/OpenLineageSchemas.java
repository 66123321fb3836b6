package io.tributary.emitters.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.openlineage.client.OpenLineage;
import io.openlineage.client.OpenLineageClientUtils;
import io.tributary.contract.schema.EventValidator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Checks what an emitter sends against the wire contract, as a producer should be checked: with the
 * validator the catalog uses, and more strictly than the catalog reads. Every violation, every
 * format warning and every facet whose {@code _schemaURL} names no shipped schema (OpenLineage's or
 * Tributary's) is a problem.
 */
public final class OpenLineageSchemas {
  private static final EventValidator VALIDATOR = EventValidator.load();

  private final ObjectMapper mapper = new ObjectMapper();

  /** Every problem of the event and its facets; empty when it conforms. */
  public List<String> violations(OpenLineage.RunEvent event) {
    return violations(OpenLineageClientUtils.toJson(event));
  }

  public List<String> violations(String json) {
    JsonNode event;
    try {
      event = mapper.readTree(json);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    EventValidator.Result result = VALIDATOR.validate(event);
    List<String> problems = new ArrayList<>();
    result.violations().forEach(v -> problems.add(v.toString()));
    result.warnings().forEach(w -> problems.add(w.kind() + " " + w));
    result.unknownFacets().forEach(f -> problems.add(f + ": no shipped schema for its _schemaURL"));
    return problems;
  }
}
