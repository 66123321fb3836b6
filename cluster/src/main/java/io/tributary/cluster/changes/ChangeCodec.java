package io.tributary.cluster.changes;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tributary.catalog.ChangeEvent;
import io.tributary.catalog.EntityKey;
import io.tributary.catalog.EntityRef;
import io.tributary.catalog.Guid;
import io.tributary.contract.TenantId;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * A {@link ChangeRecord} as JSON: {@code {"v":1,"origin","seq","kind","time","subject":{guid,
 * tenant,type,qualifiedName},"relationshipType","target","attributes":[...]}}. Version 1; a reader
 * skips versions it does not know, so servers can be upgraded one by one ({@code attributes} is
 * optional: a server that does not send it is read as "any attribute may have changed").
 */
public final class ChangeCodec {
  static final int VERSION = 1;
  private final ObjectMapper json = new ObjectMapper();

  public String write(ChangeRecord record) {
    ChangeEvent e = record.event();
    ObjectNode out = json.createObjectNode();
    out.put("v", VERSION);
    out.put("origin", record.origin());
    out.put("seq", e.sequence());
    out.put("kind", e.kind().name());
    out.put("time", e.time().toString());
    out.set("subject", ref(e.subject()));
    if (e.relationshipType() != null) {
      out.put("relationshipType", e.relationshipType());
    }
    if (e.target() != null) {
      out.set("target", ref(e.target()));
    }
    if (!e.attributes().isEmpty()) {
      ArrayNode names = out.putArray("attributes");
      e.attributes().forEach(names::add);
    }
    if (e.asOf() != null) {
      out.put("asOf", e.asOf().toString());
    }
    return out.toString();
  }

  /**
   * @return the record, or null for a version this reader does not know
   * @throws IllegalArgumentException when the text is not a change record
   */
  public ChangeRecord read(String text) {
    try {
      JsonNode in = json.readTree(text);
      if (in == null || in.path("v").asInt() != VERSION) {
        return null;
      }
      ChangeEvent event =
          new ChangeEvent(
              in.path("seq").asLong(),
              ChangeEvent.Kind.valueOf(in.path("kind").asText()),
              Instant.parse(in.path("time").asText()),
              ref(in.path("subject")),
              in.hasNonNull("relationshipType") ? in.get("relationshipType").asText() : null,
              in.hasNonNull("target") ? ref(in.get("target")) : null,
              names(in.path("attributes")),
              in.hasNonNull("asOf") ? Instant.parse(in.get("asOf").asText()) : null);
      return new ChangeRecord(in.path("origin").asText(), event);
    } catch (JsonProcessingException | RuntimeException e) {
      throw new IllegalArgumentException("not a change record: " + e.getMessage(), e);
    }
  }

  private static Set<String> names(JsonNode array) {
    Set<String> out = new LinkedHashSet<>();
    array.forEach(n -> out.add(n.asText()));
    return out;
  }

  private ObjectNode ref(EntityRef ref) {
    return json.createObjectNode()
        .put("guid", ref.guid().value())
        .put("tenant", ref.key().tenant().value())
        .put("type", ref.key().typeName())
        .put("qualifiedName", ref.key().qualifiedName());
  }

  private static EntityRef ref(JsonNode in) {
    return new EntityRef(
        new Guid(in.path("guid").asText()),
        new EntityKey(
            new TenantId(in.path("tenant").asText()),
            in.path("type").asText(),
            in.path("qualifiedName").asText()));
  }
}
