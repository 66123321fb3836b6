package io.tributary.catalog.janus;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.tributary.catalog.CatalogException;
import io.tributary.catalog.InvalidEntityException;
import java.util.Map;

/** Attribute values and their timestamps as stored: JSON objects in string properties. */
final class Json {
  private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {};

  private final ObjectMapper mapper =
      new ObjectMapper()
          .registerModule(new JavaTimeModule())
          .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

  ObjectNode parse(String json) {
    if (json == null || json.isEmpty()) {
      return mapper.createObjectNode();
    }
    try {
      return (ObjectNode) mapper.readTree(json);
    } catch (JsonProcessingException | ClassCastException e) {
      throw new CatalogException("Stored attributes are not a JSON object: " + e.getMessage(), e);
    }
  }

  String write(JsonNode node) {
    return node.toString();
  }

  /**
   * A written value in its stored form. Round-tripped through text so that equal values compare
   * equal whatever Java type carried them (5 and 5L).
   */
  JsonNode normalise(String attribute, Object value) {
    // The common kinds directly, as the text round trip would type them (an int-sized number reads
    // back as an int): a refresh normalises every attribute it carries.
    if (value instanceof String s) {
      return TextNode.valueOf(s);
    }
    if (value instanceof Integer || value instanceof Short || value instanceof Byte) {
      return IntNode.valueOf(((Number) value).intValue());
    }
    if (value instanceof Long l) {
      return l == l.intValue() ? IntNode.valueOf(l.intValue()) : LongNode.valueOf(l);
    }
    if (value instanceof Boolean b) {
      return BooleanNode.valueOf(b);
    }
    try {
      return mapper.readTree(mapper.writeValueAsString(value));
    } catch (JsonProcessingException e) {
      throw new InvalidEntityException(
          "Attribute '" + attribute + "' has a value that is not JSON-like: " + e.getMessage());
    }
  }

  Map<String, Object> toMap(ObjectNode node) {
    return mapper.convertValue(node, MAP);
  }

  /** The value as a search compares it with a string: text as is, anything else as JSON. */
  static String asComparable(JsonNode node) {
    return node.isValueNode() ? node.asText() : node.toString();
  }
}
