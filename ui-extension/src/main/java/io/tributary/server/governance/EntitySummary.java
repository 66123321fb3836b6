package io.tributary.server.governance;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tributary.catalog.Entity;

/** The few fields of an entity that a task or proposal shows beside its guid. */
final class EntitySummary {
  private EntitySummary() {}

  static ObjectNode of(ObjectMapper json, Entity e) {
    ObjectNode out = json.createObjectNode();
    out.put("guid", e.guid().value());
    out.put("typeName", e.typeName());
    out.put("qualifiedName", e.qualifiedName());
    out.put("name", e.name());
    return out;
  }
}
