package io.tributary.ranger.tenancy;

import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Resolves an OpenLineage namespace to a Tributary namespace (a cluster name), as OpenLineage's own
 * namespace resolvers do: {@code kafka://broker-[0-9]+\.prod:9092} to {@code prod}.
 *
 * @param pattern a regular expression matched against the whole OpenLineage namespace
 * @param namespace the resulting namespace; {@code $1}... refer to the pattern's groups
 */
public record NamespaceRule(String pattern, String namespace) {
  public NamespaceRule {
    Objects.requireNonNull(pattern, "pattern");
    Objects.requireNonNull(namespace, "namespace");
    try {
      Pattern.compile(pattern);
    } catch (PatternSyntaxException e) {
      throw new IllegalArgumentException(
          "namespace pattern '" + pattern + "' is not a regular expression: " + e.getDescription());
    }
    if (namespace.isBlank()) {
      throw new IllegalArgumentException("namespace of pattern '" + pattern + "' is blank");
    }
  }

  public Optional<String> resolve(String openLineageNamespace) {
    Matcher matcher = Pattern.compile(pattern).matcher(openLineageNamespace);
    return matcher.matches() ? Optional.of(matcher.replaceFirst(namespace)) : Optional.empty();
  }
}
