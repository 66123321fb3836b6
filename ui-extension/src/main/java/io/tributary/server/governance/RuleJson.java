package io.tributary.server.governance;

import static io.tributary.server.governance.GovernanceRequests.number;
import static io.tributary.server.governance.GovernanceRequests.text;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tributary.ranger.tenancy.ClassificationRule;
import io.tributary.server.problem.ApiException;

/** The JSON of a classification rule, read and written explicitly. */
public final class RuleJson {
  private RuleJson() {}

  /**
   * A rule from {@code {"classification", "pattern"?, "appliesTo"?, "fieldType"?, "tag"?,
   * "minDistinctRatio"?, "confidence"?}}.
   *
   * @throws ApiException 400 naming what is wrong
   */
  public static ClassificationRule read(JsonNode node) {
    if (!node.isObject()) {
      throw ApiException.badParameter("body", "a classification rule is a JSON object");
    }
    try {
      return new ClassificationRule(
          text(node, "classification"),
          text(node, "pattern"),
          text(node, "appliesTo"),
          text(node, "fieldType"),
          text(node, "tag"),
          number(node, "minDistinctRatio"),
          number(node, "confidence"));
    } catch (IllegalArgumentException | NullPointerException e) {
      throw ApiException.badParameter("body", String.valueOf(e.getMessage()));
    }
  }

  public static void write(ObjectNode out, ClassificationRule rule) {
    out.put("classification", rule.classification());
    putIfSet(out, "pattern", rule.pattern());
    putIfSet(out, "appliesTo", rule.appliesTo());
    putIfSet(out, "fieldType", rule.fieldType());
    putIfSet(out, "tag", rule.tag());
    if (rule.minDistinctRatio() != null) {
      out.put("minDistinctRatio", rule.minDistinctRatio());
    }
    if (rule.confidence() != null) {
      out.put("confidence", rule.confidence());
    }
  }

  private static void putIfSet(ObjectNode out, String name, String value) {
    if (value != null) {
      out.put(name, value);
    }
  }
}
