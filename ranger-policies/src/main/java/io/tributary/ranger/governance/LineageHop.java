package io.tributary.ranger.governance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One column lineage entry as propagation reads it: per input, the transformations of OpenLineage's
 * {@code columnLineage} facet (type {@code DIRECT} or {@code INDIRECT}, a subtype, a {@code
 * masking} flag; or the deprecated field-level {@code transformationType} {@code MASKED}).
 */
final class LineageHop {
  private static final ObjectMapper JSON = new ObjectMapper();

  private record Step(String name, String field, String type, boolean masking) {}

  private final List<Step> steps;
  private final boolean masking;

  private LineageHop(List<Step> steps, boolean masking) {
    this.steps = steps;
    this.masking = masking;
  }

  /** From the entry's attributes ({@code transformations}, {@code masking}). */
  static LineageHop of(Map<String, Object> attributes) {
    List<Step> steps = new ArrayList<>();
    Object value = attributes.get("transformations");
    try {
      JsonNode node =
          value instanceof String s
              ? JSON.readTree(s)
              : value == null ? JSON.createArrayNode() : JSON.valueToTree(value);
      for (JsonNode step : node) {
        steps.add(
            new Step(
                step.path("name").asText(null),
                step.path("field").asText(null),
                step.path("type").asText(null),
                step.path("masking").asBoolean(false)));
      }
    } catch (IOException | IllegalArgumentException e) {
      // Unreadable transformations say nothing: the entry's own masking flag decides alone.
    }
    return new LineageHop(steps, Boolean.TRUE.equals(attributes.get("masking")));
  }

  /**
   * Whether the input column's values reach the outputs: not when one of its transformations masks,
   * nor when all are {@code INDIRECT}. An input the entry names no transformation for is carried
   * unless the whole entry is marked masking (the deprecated {@code MASKED} form).
   */
  boolean carries(String inputQualifiedName, String inputField) {
    List<Step> mine = new ArrayList<>();
    for (Step step : steps) {
      if (step.field() != null
          && (step.field().equals(inputField) || inputQualifiedName.endsWith("." + step.field()))
          && (step.name() == null || inputQualifiedName.contains(step.name()))) {
        mine.add(step);
      }
    }
    boolean typed = mine.stream().anyMatch(s -> s.type() != null);
    if (!typed) {
      return !masking;
    }
    if (mine.stream().anyMatch(Step::masking)) {
      return false;
    }
    return mine.stream().anyMatch(s -> !"INDIRECT".equalsIgnoreCase(s.type()));
  }
}
