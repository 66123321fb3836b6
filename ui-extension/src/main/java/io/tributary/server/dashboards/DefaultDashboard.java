package io.tributary.server.dashboards;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tributary.contract.TenantId;

/**
 * The dashboard a tenant without one of its own is offered: "is my streaming estate healthy right
 * now?" — jobs by state and how long ago each last reported RUNNING, ingest rate, stale datasets,
 * failing quality checks, edge backlog, what changed. Not stored: saving a copy makes it the
 * tenant's.
 */
final class DefaultDashboard {
  static final String ID = "default";
  static final String TITLE = "Streaming estate health";
  static final String OWNER = "tributary";

  private DefaultDashboard() {}

  static Dashboard of(TenantId tenant, ObjectMapper json) {
    ArrayNode widgets = json.createArrayNode();
    add(widgets, "health", "streaming-health", 0, 0, 8, 5, json).put("staleMinutes", 5);
    add(widgets, "ingest", "ingest-rate", 8, 0, 4, 5, json).put("minutes", 15);
    add(widgets, "freshness", "freshness", 0, 5, 6, 5, json).put("staleMinutes", 15);
    add(widgets, "quality", "quality", 6, 5, 3, 5, json);
    add(widgets, "edge", "edge-backlog", 9, 5, 3, 5, json);
    add(widgets, "changes", "recent-changes", 0, 10, 6, 5, json).put("limit", 12);
    add(widgets, "top", "top-producers-consumers", 6, 10, 6, 5, json).put("limit", 5);
    return new Dashboard(ID, tenant, OWNER, true, TITLE, widgets, null, null);
  }

  private static ObjectNode add(
      ArrayNode widgets, String id, String type, int x, int y, int w, int h, ObjectMapper json) {
    ObjectNode widget = widgets.addObject();
    widget.put("id", id);
    widget.put("type", type);
    widget.put("x", x);
    widget.put("y", y);
    widget.put("w", w);
    widget.put("h", h);
    return widget.putObject("config");
  }
}
