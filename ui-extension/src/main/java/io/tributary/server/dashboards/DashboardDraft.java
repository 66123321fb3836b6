package io.tributary.server.dashboards;

import com.fasterxml.jackson.databind.node.ArrayNode;
import java.util.Objects;

/** What a request asks a dashboard to be: validated, not yet stored. */
public record DashboardDraft(String title, boolean shared, ArrayNode widgets) {
  public DashboardDraft {
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(widgets, "widgets");
  }
}
