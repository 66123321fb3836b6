package io.tributary.ranger.tenancy;

import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Classifies entities: an entity (dataset, or column) that meets every condition the rule gives
 * gets {@code classification}, which tag policies then act on. At least one condition is required.
 *
 * @param pattern a regular expression found in the qualifiedName ({@code (?i)email|ssn|phone}), or
 *     null
 * @param appliesTo {@code dataset}, {@code column}, or null for both
 * @param fieldType a regular expression matching a column's whole type ({@code (?i)varchar.*}), or
 *     null; a rule with one applies to columns only
 * @param tag a tag key or value the entity carries (case-insensitively), or null
 * @param minDistinctRatio the least share of distinct values among a column's rows ({@code
 *     distinctCount / rowCount} of the dataset's {@code dataQualityMetrics} facet), or null; an
 *     identifier-like column is nearly all distinct
 * @param confidence how sure a match is, in (0, 1]; 1 when null
 */
public record ClassificationRule(
    String classification,
    String pattern,
    String appliesTo,
    String fieldType,
    String tag,
    Double minDistinctRatio,
    Double confidence) {
  public static final String DATASET = "dataset";
  public static final String COLUMN = "column";
  private static final Map<String, Pattern> PATTERNS = new ConcurrentHashMap<>();

  public ClassificationRule {
    Objects.requireNonNull(classification, "classification");
    if (classification.isBlank()) {
      throw new IllegalArgumentException("classification of pattern '" + pattern + "' is blank");
    }
    compile("pattern", pattern);
    compile("fieldType", fieldType);
    if (appliesTo != null && !appliesTo.equals(DATASET) && !appliesTo.equals(COLUMN)) {
      throw new IllegalArgumentException(
          "appliesTo '" + appliesTo + "' is neither 'dataset' nor 'column'");
    }
    if (tag != null && tag.isBlank()) {
      tag = null;
    }
    if (minDistinctRatio != null && (minDistinctRatio < 0 || minDistinctRatio > 1)) {
      throw new IllegalArgumentException(
          "minDistinctRatio " + minDistinctRatio + " is not in 0..1");
    }
    if (confidence != null && (confidence <= 0 || confidence > 1)) {
      throw new IllegalArgumentException("confidence " + confidence + " is not in (0, 1]");
    }
    if (pattern == null && fieldType == null && tag == null && minDistinctRatio == null) {
      throw new IllegalArgumentException(
          "classification rule for '"
              + classification
              + "' has no condition: give pattern, fieldType, tag or minDistinctRatio");
    }
  }

  /** A rule by name only, as tenants wrote them before rules had more conditions. */
  public ClassificationRule(String classification, String pattern) {
    this(classification, pattern, null, null, null, null, null);
  }

  /** Whether the qualifiedName alone decides it: the rule has no other condition. */
  public boolean matches(String qualifiedName) {
    return appliesTo == null
        && fieldType == null
        && tag == null
        && minDistinctRatio == null
        && pattern != null
        && regex(pattern).matcher(qualifiedName).find();
  }

  /**
   * Whether an entity meets every condition.
   *
   * @param column whether the entity is a column
   * @param type the column's type, or null
   * @param tags the entity's tags (key to value)
   * @param distinctRatio the column's distinct share, or null when no facet carried it
   */
  public boolean matches(
      String qualifiedName,
      boolean column,
      String type,
      Map<String, ?> tags,
      Double distinctRatio) {
    if (appliesTo != null && appliesTo.equals(COLUMN) != column) {
      return false;
    }
    if (fieldType != null
        && (!column || type == null || !regex(fieldType).matcher(type).matches())) {
      return false;
    }
    if (pattern != null && !regex(pattern).matcher(qualifiedName).find()) {
      return false;
    }
    if (tag != null && !hasTag(tags)) {
      return false;
    }
    return minDistinctRatio == null || (distinctRatio != null && distinctRatio >= minDistinctRatio);
  }

  /** The confidence of a match. */
  public double confidenceOrDefault() {
    return confidence == null ? 1.0 : confidence;
  }

  /** How audit records and classification sources name this rule. */
  public String describe() {
    StringBuilder out = new StringBuilder(classification);
    append(out, "pattern", pattern);
    append(out, "appliesTo", appliesTo);
    append(out, "fieldType", fieldType);
    append(out, "tag", tag);
    append(out, "minDistinctRatio", minDistinctRatio == null ? null : minDistinctRatio.toString());
    return out.toString();
  }

  private boolean hasTag(Map<String, ?> tags) {
    if (tags == null) {
      return false;
    }
    String wanted = tag.toLowerCase(Locale.ROOT);
    for (Map.Entry<String, ?> entry : tags.entrySet()) {
      if (entry.getKey().toLowerCase(Locale.ROOT).equals(wanted)
          || (entry.getValue() != null
              && String.valueOf(entry.getValue()).toLowerCase(Locale.ROOT).equals(wanted))) {
        return true;
      }
    }
    return false;
  }

  /** Rules are evaluated for every entity of every event: each pattern is compiled once. */
  private static Pattern regex(String regex) {
    return PATTERNS.computeIfAbsent(regex, Pattern::compile);
  }

  private static void append(StringBuilder out, String name, String value) {
    if (value != null) {
      out.append(' ').append(name).append('=').append(value);
    }
  }

  private static void compile(String name, String regex) {
    if (regex == null) {
      return;
    }
    try {
      Pattern.compile(regex);
    } catch (PatternSyntaxException e) {
      throw new IllegalArgumentException(
          "classification "
              + name
              + " '"
              + regex
              + "' is not a regular expression: "
              + e.getDescription());
    }
  }
}
