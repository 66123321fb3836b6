package io.tributary.server.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tributary.catalog.ChangeEvent;
import io.tributary.catalog.Entity;
import io.tributary.catalog.EntityKey;
import io.tributary.catalog.EntityRef;
import io.tributary.catalog.Guid;
import io.tributary.catalog.LineageEdge;
import java.time.Instant;
import java.util.Collection;
import java.util.Objects;
import java.util.TreeSet;

/**
 * The JSON shapes of the API, built explicitly from the catalog's records so that a change of a
 * record never changes the API by accident.
 */
public final class Views {
  private final ObjectMapper json;

  public Views(ObjectMapper json) {
    this.json = Objects.requireNonNull(json, "json");
  }

  public ObjectMapper mapper() {
    return json;
  }

  public ObjectNode object() {
    return json.createObjectNode();
  }

  /** guid, typeName, qualifiedName, name, tenant, attributes, classifications, times. */
  public ObjectNode entity(Entity e) {
    ObjectNode out = json.createObjectNode();
    out.put("guid", e.guid().value());
    out.put("typeName", e.typeName());
    out.put("qualifiedName", e.qualifiedName());
    out.put("name", e.name());
    out.put("tenant", e.tenant().value());
    out.set("attributes", json.valueToTree(e.attributes()));
    ArrayNode classifications = out.putArray("classifications");
    new TreeSet<>(e.classifications()).forEach(classifications::add);
    out.put("createTime", time(e.createTime()));
    out.put("updateTime", time(e.updateTime()));
    return out;
  }

  public ArrayNode entities(Collection<Entity> entities) {
    ArrayNode out = json.createArrayNode();
    entities.forEach(e -> out.add(entity(e)));
    return out;
  }

  public ObjectNode key(Guid guid, EntityKey key) {
    ObjectNode out = json.createObjectNode();
    out.put("guid", guid.value());
    out.put("typeName", key.typeName());
    out.put("qualifiedName", key.qualifiedName());
    out.put("tenant", key.tenant().value());
    return out;
  }

  public ObjectNode ref(EntityRef ref) {
    return key(ref.guid(), ref.key());
  }

  public ObjectNode edge(LineageEdge e) {
    ObjectNode out = json.createObjectNode();
    out.put("from", e.from().value());
    out.put("to", e.to().value());
    out.put("relationshipType", e.relationshipType());
    return out;
  }

  public ArrayNode edges(Collection<LineageEdge> edges) {
    ArrayNode out = json.createArrayNode();
    edges.forEach(e -> out.add(edge(e)));
    return out;
  }

  public ObjectNode change(ChangeEvent c) {
    ObjectNode out = json.createObjectNode();
    out.put("sequence", c.sequence());
    out.put("kind", c.kind().name());
    out.put("time", time(c.time()));
    out.set("subject", ref(c.subject()));
    if (c.relationshipType() != null) {
      out.put("relationshipType", c.relationshipType());
    }
    if (c.target() != null) {
      out.set("target", ref(c.target()));
    }
    if (!c.attributes().isEmpty()) {
      ArrayNode names = out.putArray("attributes");
      c.attributes().forEach(names::add);
    }
    if (c.asOf() != null) {
      out.put("asOf", time(c.asOf()));
    }
    return out;
  }

  private static String time(Instant t) {
    return t == null ? null : t.toString();
  }
}
