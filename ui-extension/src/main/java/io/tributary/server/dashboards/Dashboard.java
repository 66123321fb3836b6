package io.tributary.server.dashboards;

import com.fasterxml.jackson.databind.node.ArrayNode;
import io.tributary.contract.TenantId;
import java.time.Instant;
import java.util.Objects;

/**
 * One dashboard as stored.
 *
 * @param id the catalog guid of its entity, or {@link DefaultDashboard#ID} for the built-in one
 * @param owner the user who created it; only the owner sees and edits a personal dashboard
 * @param shared whether every reader of the tenant sees it (and its writers edit it)
 * @param widgets the widgets with their grid places and configurations, as validated
 */
public record Dashboard(
    String id,
    TenantId tenant,
    String owner,
    boolean shared,
    String title,
    ArrayNode widgets,
    Instant createTime,
    Instant updateTime) {
  public Dashboard {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(tenant, "tenant");
    Objects.requireNonNull(owner, "owner");
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(widgets, "widgets");
  }

  public boolean builtIn() {
    return DefaultDashboard.ID.equals(id);
  }
}
