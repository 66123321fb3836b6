package io.tributary.server.dashboards;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tributary.contract.schema.Violation;
import io.tributary.server.problem.ApiException;
import io.tributary.server.problem.Problem;
import io.tributary.server.problem.ProblemTypes;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A dashboard's JSON: the request bodies of create, update and import (checked member by member,
 * each fault reported with its JSON pointer), and the answers.
 */
public final class DashboardJson {
  /** The {@code format} member of an exported dashboard. */
  public static final String FORMAT = "tributary.dashboard/v1";

  /** The widgets the web UI knows. */
  public static final Set<String> WIDGET_TYPES =
      Set.of(
          "lineage",
          "streaming-health",
          "ingest-rate",
          "quality",
          "classification-coverage",
          "freshness",
          "top-producers-consumers",
          "recent-changes",
          "edge-backlog");

  static final int MAX_BODY_BYTES = 256 * 1024;
  static final int MAX_WIDGETS = 48;
  static final int MAX_TITLE = 120;
  static final int MAX_CONFIG_BYTES = 8 * 1024;
  static final int COLUMNS = 12;
  static final int MAX_ROW = 1_000;
  static final int MAX_HEIGHT = 24;

  private final ObjectMapper json;

  public DashboardJson(ObjectMapper json) {
    this.json = Objects.requireNonNull(json, "json");
  }

  ObjectNode object() {
    return json.createObjectNode();
  }

  /**
   * A body as a draft.
   *
   * @param sharedDefault {@code shared} when the body does not say
   * @throws ApiException 413 when too large, 400 when not a JSON object, 422 naming each invalid
   *     member otherwise
   */
  DashboardDraft draft(String body, boolean sharedDefault) {
    if (body != null && body.getBytes(StandardCharsets.UTF_8).length > MAX_BODY_BYTES) {
      throw new ApiException(
          Problem.of(
              413,
              ProblemTypes.PAYLOAD_TOO_LARGE,
              "Dashboard too large",
              "A dashboard is at most " + MAX_BODY_BYTES + " bytes of JSON"));
    }
    JsonNode node = parse(body);
    List<Violation> faults = new ArrayList<>();
    JsonNode format = node.get("format");
    if (format != null && !FORMAT.equals(format.asText(null))) {
      faults.add(new Violation("/format", "must be '" + FORMAT + "' when given"));
    }
    JsonNode titleNode = node.get("title");
    String title = titleNode != null && titleNode.isTextual() ? titleNode.asText().strip() : null;
    if (title == null || title.isEmpty() || title.length() > MAX_TITLE) {
      faults.add(new Violation("/title", "must be text of 1 to " + MAX_TITLE + " characters"));
    }
    JsonNode sharedNode = node.get("shared");
    boolean shared = sharedDefault;
    if (sharedNode != null && !sharedNode.isNull()) {
      if (sharedNode.isBoolean()) {
        shared = sharedNode.booleanValue();
      } else {
        faults.add(new Violation("/shared", "must be true or false"));
      }
    }
    ArrayNode widgets = widgets(node.get("widgets"), faults);
    if (!faults.isEmpty()) {
      throw new ApiException(
          Problem.of(
                  422,
                  ProblemTypes.INVALID_ENTITY,
                  "Invalid dashboard",
                  faults.size() + " member(s) of the dashboard are invalid")
              .withViolations(faults));
    }
    return new DashboardDraft(title, shared, widgets);
  }

  private JsonNode parse(String body) {
    if (body == null || body.isBlank()) {
      throw invalidJson("a JSON object is required");
    }
    try {
      JsonNode node = json.readTree(body);
      if (node == null || !node.isObject()) {
        throw invalidJson("a JSON object is required");
      }
      return node;
    } catch (JsonProcessingException e) {
      throw invalidJson("not JSON: " + e.getOriginalMessage());
    }
  }

  private static ApiException invalidJson(String detail) {
    return new ApiException(Problem.of(400, ProblemTypes.INVALID_JSON, "Invalid JSON", detail));
  }

  private ArrayNode widgets(JsonNode node, List<Violation> faults) {
    ArrayNode out = json.createArrayNode();
    if (node == null || node.isNull()) {
      return out;
    }
    if (!node.isArray()) {
      faults.add(new Violation("/widgets", "must be an array"));
      return out;
    }
    if (node.size() > MAX_WIDGETS) {
      faults.add(new Violation("/widgets", "at most " + MAX_WIDGETS + " widgets"));
      return out;
    }
    Set<String> ids = new HashSet<>();
    for (int i = 0; i < node.size(); i++) {
      String at = "/widgets/" + i;
      JsonNode w = node.get(i);
      if (!w.isObject()) {
        faults.add(new Violation(at, "must be an object"));
        continue;
      }
      ObjectNode widget = json.createObjectNode();
      String id = w.path("id").isTextual() ? w.path("id").asText() : null;
      if (id == null || !id.matches("[A-Za-z0-9_-]{1,64}")) {
        faults.add(new Violation(at + "/id", "must be 1 to 64 letters, digits, '-' or '_'"));
      } else if (!ids.add(id)) {
        faults.add(new Violation(at + "/id", "'" + id + "' is used by another widget"));
      }
      widget.put("id", id);
      String type = w.path("type").asText(null);
      if (type == null || !WIDGET_TYPES.contains(type)) {
        faults.add(
            new Violation(at + "/type", "must be one of " + new java.util.TreeSet<>(WIDGET_TYPES)));
      }
      widget.put("type", type);
      int x = integer(w, "x", at, 0, COLUMNS - 1, faults);
      int width = integer(w, "w", at, 1, COLUMNS, faults);
      integer(w, "y", at, 0, MAX_ROW, faults);
      integer(w, "h", at, 1, MAX_HEIGHT, faults);
      if (x >= 0 && width > 0 && x + width > COLUMNS) {
        faults.add(new Violation(at + "/w", "x + w must be at most " + COLUMNS));
      }
      for (String member : List.of("x", "y", "w", "h")) {
        widget.set(member, w.get(member));
      }
      JsonNode config = w.get("config");
      if (config == null || config.isNull()) {
        widget.putObject("config");
      } else if (!config.isObject()) {
        faults.add(new Violation(at + "/config", "must be an object"));
      } else if (config.toString().length() > MAX_CONFIG_BYTES) {
        faults.add(new Violation(at + "/config", "at most " + MAX_CONFIG_BYTES + " characters"));
      } else {
        widget.set("config", config);
      }
      out.add(widget);
    }
    return out;
  }

  private static int integer(
      JsonNode widget, String member, String at, int min, int max, List<Violation> faults) {
    JsonNode n = widget.get(member);
    if (n == null || !n.canConvertToInt() || !n.isIntegralNumber()) {
      faults.add(new Violation(at + "/" + member, "must be an integer " + min + ".." + max));
      return -1;
    }
    int v = n.intValue();
    if (v < min || v > max) {
      faults.add(new Violation(at + "/" + member, "must be an integer " + min + ".." + max));
      return -1;
    }
    return v;
  }

  /** The widgets as stored: their JSON text. */
  String text(ArrayNode widgets) {
    return widgets.toString();
  }

  /** Widgets stored as text; an empty list if the text was damaged. */
  ArrayNode widgets(String text) {
    try {
      JsonNode node = text == null ? null : json.readTree(text);
      return node instanceof ArrayNode array ? array : json.createArrayNode();
    } catch (JsonProcessingException e) {
      return json.createArrayNode();
    }
  }

  /** id, tenant, owner, shared, builtIn, title, widgets, times, and what the caller may do. */
  ObjectNode view(Dashboard d, boolean editable) {
    ObjectNode out = json.createObjectNode();
    out.put("id", d.id());
    out.put("tenant", d.tenant().value());
    out.put("owner", d.owner());
    out.put("shared", d.shared());
    out.put("builtIn", d.builtIn());
    out.put("editable", editable);
    out.put("title", d.title());
    out.set("widgets", d.widgets());
    out.put("createTime", time(d.createTime()));
    out.put("updateTime", time(d.updateTime()));
    return out;
  }

  /** Without identity, owner or tenant: what another tenant or server imports. */
  ObjectNode export(Dashboard d, Instant now) {
    ObjectNode out = json.createObjectNode();
    out.put("format", FORMAT);
    out.put("title", d.title());
    out.put("exportedAt", now.toString());
    out.set("widgets", d.widgets());
    return out;
  }

  private static String time(Instant t) {
    return t == null ? null : t.toString();
  }
}
