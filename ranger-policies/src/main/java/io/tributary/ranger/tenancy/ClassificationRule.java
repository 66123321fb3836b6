package io.tributary.ranger.tenancy;

import java.util.Objects;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Classifies entities by name: an entity (dataset, or column) whose qualifiedName matches {@code
 * pattern} gets {@code classification}, which tag policies then act on.
 *
 * @param pattern a regular expression matched against part of the qualifiedName ({@code
 *     (?i)email|ssn|phone})
 */
public record ClassificationRule(String classification, String pattern) {
  public ClassificationRule {
    Objects.requireNonNull(classification, "classification");
    Objects.requireNonNull(pattern, "pattern");
    if (classification.isBlank()) {
      throw new IllegalArgumentException("classification of pattern '" + pattern + "' is blank");
    }
    try {
      Pattern.compile(pattern);
    } catch (PatternSyntaxException e) {
      throw new IllegalArgumentException(
          "classification pattern '"
              + pattern
              + "' is not a regular expression: "
              + e.getDescription());
    }
  }

  public boolean matches(String qualifiedName) {
    return Pattern.compile(pattern).matcher(qualifiedName).find();
  }
}
