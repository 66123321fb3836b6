package io.tributary.server.problem;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tributary.contract.schema.Violation;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One RFC 9457 problem.
 *
 * @param type a URI naming the kind of problem; relative to the API's documentation
 * @param violations where and why a request was invalid; may be empty
 * @param errorId set for server errors: the id under which the details were logged
 * @param extensions further members, such as the batch endpoint's {@code failed_events}
 */
public record Problem(
    String type,
    String title,
    int status,
    String detail,
    List<Violation> violations,
    String errorId,
    Map<String, JsonNode> extensions) {
  public static final String MEDIA_TYPE = "application/problem+json";

  public Problem {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(title, "title");
    violations = violations == null ? List.of() : List.copyOf(violations);
    extensions =
        extensions == null
            ? Map.of()
            : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(extensions));
  }

  public static Problem of(int status, String type, String title, String detail) {
    return new Problem(type, title, status, detail, List.of(), null, Map.of());
  }

  public Problem withViolations(List<Violation> newViolations) {
    return new Problem(type, title, status, detail, newViolations, errorId, extensions);
  }

  public Problem withExtension(String name, JsonNode value) {
    Map<String, JsonNode> copy = new LinkedHashMap<>(extensions);
    copy.put(name, value);
    return new Problem(type, title, status, detail, violations, errorId, copy);
  }

  public ObjectNode toJson(ObjectMapper mapper) {
    ObjectNode out = mapper.createObjectNode();
    out.put("type", type);
    out.put("title", title);
    out.put("status", status);
    if (detail != null) {
      out.put("detail", detail);
    }
    if (!violations.isEmpty()) {
      ArrayNode list = out.putArray("violations");
      for (Violation v : violations) {
        list.addObject().put("pointer", v.pointer()).put("message", v.message());
      }
    }
    if (errorId != null) {
      out.put("errorId", errorId);
    }
    extensions.forEach(out::set);
    return out;
  }
}
