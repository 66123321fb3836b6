package io.tributary.ranger.tenancy;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * A tenant's configuration.
 *
 * @param displayName a human name
 * @param retention how long entities not updated are kept; null keeps them forever
 * @param quotas ingest rate and entity count limits
 * @param namespaceRules OpenLineage namespace to namespace resolution, first match wins
 * @param classificationRules name-based classification (PII, ...)
 */
public record TenantConfig(
    String displayName,
    Duration retention,
    Quotas quotas,
    List<NamespaceRule> namespaceRules,
    List<ClassificationRule> classificationRules) {
  public static final TenantConfig DEFAULT = new TenantConfig(null, null, null, null, null);

  public TenantConfig {
    quotas = quotas == null ? Quotas.UNLIMITED : quotas;
    namespaceRules = namespaceRules == null ? List.of() : List.copyOf(namespaceRules);
    classificationRules =
        classificationRules == null ? List.of() : List.copyOf(classificationRules);
    if (retention != null && (retention.isNegative() || retention.isZero())) {
      throw new IllegalArgumentException("retention " + retention + " is not positive");
    }
  }

  /** The namespace of an OpenLineage namespace: the first matching rule's, else itself. */
  public String resolveNamespace(String openLineageNamespace) {
    for (NamespaceRule rule : namespaceRules) {
      Optional<String> resolved = rule.resolve(openLineageNamespace);
      if (resolved.isPresent()) {
        return resolved.get();
      }
    }
    return openLineageNamespace;
  }

  /** Classifications the rules give an entity of this qualifiedName. */
  public List<String> classify(String qualifiedName) {
    return classificationRules.stream()
        .filter(rule -> rule.matches(qualifiedName))
        .map(ClassificationRule::classification)
        .distinct()
        .toList();
  }
}
