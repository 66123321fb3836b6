package io.tributary.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;

/** The size of a JSON tree as compact UTF-8 JSON, counted without writing it. */
final class JsonSize {
  private JsonSize() {}

  /**
   * The bytes of {@code node} written compactly, escapes aside; counting stops once past {@code
   * limit}, so the answer is exact only up to it.
   */
  static long compactBytes(JsonNode node, long limit) {
    return add(node, 0, limit);
  }

  private static long add(JsonNode node, long total, long limit) {
    if (total > limit) {
      return total;
    }
    return switch (node.getNodeType()) {
      case OBJECT -> object(node, total, limit);
      case ARRAY -> array(node, total, limit);
      case STRING -> total + utf8(node.textValue()) + 2;
      case BINARY, POJO -> total + node.asText().length() + 2;
      case NUMBER -> total + node.asText().length();
      case BOOLEAN -> total + (node.booleanValue() ? 4 : 5);
      case NULL, MISSING -> total + 4;
    };
  }

  private static long object(JsonNode node, long total, long limit) {
    long n = total + 2 + Math.max(0, node.size() - 1); // braces and commas
    for (Map.Entry<String, JsonNode> field : node.properties()) {
      n += utf8(field.getKey()) + 3; // quotes and colon
      n = add(field.getValue(), n, limit);
      if (n > limit) {
        return n;
      }
    }
    return n;
  }

  private static long array(JsonNode node, long total, long limit) {
    long n = total + 2 + Math.max(0, node.size() - 1);
    for (JsonNode element : node) {
      n = add(element, n, limit);
      if (n > limit) {
        return n;
      }
    }
    return n;
  }

  private static long utf8(String text) {
    long n = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c < 0x80) {
        n += 1;
      } else if (c < 0x800 || Character.isSurrogate(c)) {
        n += 2; // a surrogate pair is 4 bytes: 2 per half
      } else {
        n += 3;
      }
    }
    return n;
  }
}
