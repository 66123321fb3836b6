package io.tributary.catalog;

import io.tributary.contract.TenantId;
import java.util.Map;

/**
 * A basic search: every criterion given must match.
 *
 * @param namePrefix matches the start of {@code name} or {@code qualifiedName}, case-insensitively
 * @param typeName a type; its subtypes match too
 * @param attributes attributes that must equal the given string values
 */
public record SearchQuery(
    String namePrefix,
    String typeName,
    String classification,
    TenantId tenant,
    Map<String, String> attributes,
    int limit,
    int offset) {
  public static final int MAX_LIMIT = 1000;

  public SearchQuery {
    attributes = attributes == null ? Map.of() : Map.copyOf(attributes);
    if (limit < 1 || limit > MAX_LIMIT) {
      throw new IllegalArgumentException("limit " + limit + " is outside 1.." + MAX_LIMIT);
    }
    if (offset < 0) {
      throw new IllegalArgumentException("offset " + offset + " is negative");
    }
  }

  public static SearchQuery byName(String prefix) {
    return new SearchQuery(prefix, null, null, null, Map.of(), 100, 0);
  }

  public static SearchQuery byType(String typeName) {
    return new SearchQuery(null, typeName, null, null, Map.of(), 100, 0);
  }
}
