package io.tributary.catalog.janus;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.Map;

/**
 * Newest-wins per attribute: a write applies to an attribute only when its {@code asOf} is after
 * the time stored for that attribute. An equal time is a redelivery and changes nothing, so writes
 * commute: any delivery order ends in the same state.
 */
final class AttributeMerge {
  private final Json json;

  /** What a merge did: whether any value changed, and whether any stored time moved. */
  record Outcome(boolean valuesChanged, boolean timesChanged) {
    Outcome or(Outcome other) {
      return new Outcome(valuesChanged || other.valuesChanged, timesChanged || other.timesChanged);
    }
  }

  static final Outcome NOTHING = new Outcome(false, false);

  AttributeMerge(Json json) {
    this.json = json;
  }

  /** Whether a write at {@code asOf} wins over what is stored for {@code attribute}. */
  static boolean wins(ObjectNode times, String attribute, Instant asOf) {
    JsonNode stored = times.get(attribute);
    return stored == null || asOf.isAfter(Instant.parse(stored.asText()));
  }

  /**
   * Applies {@code written} to {@code attributes} in place; a null value removes the attribute (and
   * its time stays, so an older write cannot bring it back).
   */
  Outcome merge(
      ObjectNode attributes, ObjectNode times, Map<String, Object> written, Instant asOf) {
    boolean valuesChanged = false;
    boolean timesChanged = false;
    for (Map.Entry<String, Object> e : written.entrySet()) {
      String name = e.getKey();
      if (!wins(times, name, asOf)) {
        continue;
      }
      times.put(name, asOf.toString());
      timesChanged = true;
      if (e.getValue() == null) {
        valuesChanged |= attributes.remove(name) != null;
      } else {
        JsonNode value = json.normalise(name, e.getValue());
        if (!value.equals(attributes.get(name))) {
          attributes.set(name, value);
          valuesChanged = true;
        }
      }
    }
    return new Outcome(valuesChanged, timesChanged);
  }
}
