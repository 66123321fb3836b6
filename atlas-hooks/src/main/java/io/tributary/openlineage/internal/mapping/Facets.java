package io.tributary.openlineage.internal.mapping;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.function.Consumer;

/** Reading facet content from the event's JSON, where the server model has only maps. */
final class Facets {
  private Facets() {}

  /**
   * Maps one facet onto an entity. A facet the event does not carry writes nothing, so an older
   * value stays; a facet marked {@code _deleted} removes the attributes it owns.
   *
   * @param containers facet objects to look in; a later one wins ({@code facets}, then {@code
   *     inputFacets} or {@code outputFacets})
   */
  static void apply(
      MutationDraft.EntityDraft entity,
      String facetKey,
      Consumer<JsonNode> mapper,
      String[] ownedAttributes,
      JsonNode... containers) {
    JsonNode facet = find(facetKey, containers);
    if (facet == null) {
      return;
    }
    if (deleted(facet)) {
      for (String attribute : ownedAttributes) {
        entity.put(attribute, null);
      }
      return;
    }
    mapper.accept(facet);
  }

  /** The facet named {@code key} in the last container that has it, or null. */
  static JsonNode find(String key, JsonNode... containers) {
    JsonNode found = null;
    for (JsonNode container : containers) {
      JsonNode facet = container.get(key);
      if (facet != null && facet.isObject()) {
        found = facet;
      }
    }
    return found;
  }

  static boolean deleted(JsonNode facet) {
    return facet.path("_deleted").asBoolean(false);
  }

  /** A string field, or null when absent or not text. */
  static String text(JsonNode node, String field) {
    JsonNode value = node.get(field);
    return value != null && value.isTextual() ? value.textValue() : null;
  }

  /** An integral field, or null when absent or not a number. */
  static Long number(JsonNode node, String field) {
    JsonNode value = node.get(field);
    return value != null && value.isNumber() ? value.longValue() : null;
  }

  static void putText(MutationDraft.EntityDraft entity, String attribute, JsonNode node, String f) {
    String value = text(node, f);
    if (value != null) {
      entity.put(attribute, value);
    }
  }

  static void putNumber(
      MutationDraft.EntityDraft entity, String attribute, JsonNode node, String f) {
    Long value = number(node, f);
    if (value != null) {
      entity.put(attribute, value);
    }
  }

  /** A timestamp field as epoch milliseconds; nothing when absent or not RFC 3339. */
  static void putTime(MutationDraft.EntityDraft entity, String attribute, JsonNode node, String f) {
    Long millis = epochMillis(text(node, f));
    if (millis != null) {
      entity.put(attribute, millis);
    }
  }

  /** Epoch milliseconds of an RFC 3339 timestamp, or null when it is not one. */
  static Long epochMillis(String timestamp) {
    java.time.Instant instant = Rfc3339.parse(timestamp);
    return instant == null ? null : instant.toEpochMilli();
  }

  /** Compact JSON of a node, as Jackson writes it: same input, same text. */
  static String json(JsonNode node) {
    return node.toString();
  }
}
