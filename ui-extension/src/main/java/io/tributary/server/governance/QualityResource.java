package io.tributary.server.governance;

import static io.tributary.server.governance.GovernanceRequests.number;
import static io.tributary.server.governance.GovernanceRequests.text;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tributary.catalog.Guid;
import io.tributary.ranger.governance.Quality;
import io.tributary.ranger.governance.QualityRule;
import io.tributary.ranger.tenancy.Tenant;
import io.tributary.server.api.Params;
import io.tributary.server.problem.ApiException;
import io.tributary.server.security.Caller;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * {@code /api/v1/governance/tenants/{tenant}/quality...}: a tenant's data-quality rules and their
 * results. Rules are read by members and changed by the administrator; results are shown for the
 * datasets the caller may read. Another tenant is 404.
 */
@Path("/api/v1/governance")
@Produces(MediaType.APPLICATION_JSON)
public final class QualityResource {
  private final Quality quality;
  private final GovernanceRequests requests;

  public QualityResource(GovernanceRequests requests, Quality quality) {
    this.requests = Objects.requireNonNull(requests, "requests");
    this.quality = Objects.requireNonNull(quality, "quality");
  }

  @GET
  @Path("tenants/{tenant}/quality-rules")
  public String rules(@PathParam("tenant") String tenantText, @Context ContainerRequestContext c) {
    return requests.listed(
        tenantText,
        Caller.of(c),
        "rules",
        t -> quality.rules(t).stream().map(Quality::toJson).toList());
  }

  @PUT
  @Path("tenants/{tenant}/quality-rules/{id}")
  @Consumes(MediaType.APPLICATION_JSON)
  public String putRule(
      @PathParam("tenant") String tenantText,
      @PathParam("id") String id,
      String body,
      @Context ContainerRequestContext c) {
    Caller caller = Caller.of(c);
    Tenant tenant = requests.administered(tenantText, caller);
    JsonNode r = requests.object(body);
    QualityRule rule;
    try {
      String maxAge = text(r, "maxAge");
      rule =
          new QualityRule(
              Params.name("id", id),
              text(r, "dataset"),
              text(r, "namespace"),
              text(r, "classification"),
              QualityRule.Metric.parse(Objects.requireNonNullElse(text(r, "metric"), "")),
              text(r, "column"),
              number(r, "min"),
              number(r, "max"),
              maxAge == null ? null : Duration.parse(maxAge));
    } catch (DateTimeParseException e) {
      throw ApiException.badParameter("body", "'maxAge' must be an ISO-8601 duration (PT5M)");
    } catch (IllegalArgumentException e) {
      throw ApiException.badParameter("body", e.getMessage());
    }
    quality.putRule(tenant.id(), rule);
    return Quality.toJson(rule).toString();
  }

  @DELETE
  @Path("tenants/{tenant}/quality-rules/{id}")
  public Response deleteRule(
      @PathParam("tenant") String tenantText,
      @PathParam("id") String id,
      @Context ContainerRequestContext c) {
    return requests.removed(
        tenantText, Caller.of(c), t -> quality.deleteRule(t, id), "no quality rule '" + id + "'");
  }

  /**
   * {@code ?dataset=<guid>&view=latest|history}: the current outcome per rule and dataset (badges),
   * or every change of outcome, oldest first (the timeline).
   */
  @GET
  @Path("tenants/{tenant}/quality-results")
  public String results(
      @PathParam("tenant") String tenantText,
      @QueryParam("dataset") String dataset,
      @QueryParam("view") String view,
      @Context ContainerRequestContext c) {
    Caller caller = Caller.of(c);
    Tenant tenant = requests.readable(tenantText, caller);
    String guid = dataset == null ? null : Params.guid("dataset", dataset).value();
    boolean history = "history".equals(view);
    if (view != null && !history && !"latest".equals(view)) {
      throw ApiException.badParameter("view", "is 'latest' or 'history'");
    }
    List<JsonNode> records =
        history ? quality.history(tenant.id(), guid) : quality.latest(tenant.id(), guid);
    Map<String, Boolean> visible = new HashMap<>();
    ObjectNode out = requests.json().createObjectNode();
    ArrayNode list = out.putArray("results");
    for (JsonNode r : records) {
      String of = r.path("datasetGuid").asText();
      if (visible.computeIfAbsent(
          of, g -> requests.catalog().get(new Guid(g), caller.read()).isPresent())) {
        list.add(r);
      }
    }
    return out.toString();
  }

  /** Checks the tenant's freshness rules now instead of at the next tick. */
  @POST
  @Path("tenants/{tenant}/quality/freshness-check")
  public String freshness(
      @PathParam("tenant") String tenantText, @Context ContainerRequestContext c) {
    Caller caller = Caller.of(c);
    Tenant tenant = requests.administered(tenantText, caller);
    ObjectNode out = requests.json().createObjectNode();
    out.put("checked", quality.checkFreshness(tenant.id()).size());
    return out.toString();
  }
}
