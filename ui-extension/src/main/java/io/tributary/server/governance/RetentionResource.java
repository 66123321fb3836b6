package io.tributary.server.governance;

import static io.tributary.server.governance.GovernanceRequests.text;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tributary.catalog.Entity;
import io.tributary.catalog.EntityNotFoundException;
import io.tributary.catalog.Guid;
import io.tributary.catalog.Visibility;
import io.tributary.ranger.governance.LegalHold;
import io.tributary.ranger.governance.Retention;
import io.tributary.ranger.governance.RetentionRule;
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
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Objects;

/**
 * {@code /api/v1/governance/tenants/{tenant}/retention...} and {@code .../legal-holds}: a tenant's
 * retention rules and legal holds, the dry run of a purge and the purge. Rules and holds are read
 * by the tenant's members and changed by its administrator; dry runs and purges need its
 * administrator, and list only what the caller may read. Another tenant is 404.
 */
@Path("/api/v1/governance")
@Produces(MediaType.APPLICATION_JSON)
public final class RetentionResource {
  private final Retention retention;
  private final GovernanceRequests requests;

  public RetentionResource(GovernanceRequests requests, Retention retention) {
    this.requests = Objects.requireNonNull(requests, "requests");
    this.retention = Objects.requireNonNull(retention, "retention");
  }

  @GET
  @Path("tenants/{tenant}/retention-rules")
  public String rules(@PathParam("tenant") String tenantText, @Context ContainerRequestContext c) {
    return requests.listed(
        tenantText,
        Caller.of(c),
        "rules",
        t -> retention.rules(t).stream().map(this::rule).toList());
  }

  @PUT
  @Path("tenants/{tenant}/retention-rules/{id}")
  @Consumes(MediaType.APPLICATION_JSON)
  public String putRule(
      @PathParam("tenant") String tenantText,
      @PathParam("id") String id,
      String body,
      @Context ContainerRequestContext c) {
    Caller caller = Caller.of(c);
    Tenant tenant = requests.administered(tenantText, caller);
    JsonNode request = requests.objectOrEmpty(body);
    RetentionRule rule;
    try {
      rule =
          new RetentionRule(
              Params.name("id", id),
              text(request, "typeName"),
              text(request, "classification"),
              Duration.parse(Objects.requireNonNullElse(text(request, "olderThan"), "")));
      retention.putRule(tenant.id(), rule);
    } catch (DateTimeParseException e) {
      throw ApiException.badParameter(
          "body", "'olderThan' must be an ISO-8601 duration (P30D, PT12H)");
    } catch (IllegalArgumentException e) {
      throw ApiException.badParameter("body", e.getMessage());
    }
    return rule(rule).toString();
  }

  @DELETE
  @Path("tenants/{tenant}/retention-rules/{id}")
  public Response deleteRule(
      @PathParam("tenant") String tenantText,
      @PathParam("id") String id,
      @Context ContainerRequestContext c) {
    return requests.removed(
        tenantText,
        Caller.of(c),
        t -> retention.deleteRule(t, id),
        "no retention rule '" + id + "'");
  }

  @GET
  @Path("tenants/{tenant}/legal-holds")
  public String holds(@PathParam("tenant") String tenantText, @Context ContainerRequestContext c) {
    return requests.listed(
        tenantText,
        Caller.of(c),
        "holds",
        t -> retention.holds(t).stream().map(this::hold).toList());
  }

  /** {@code {"guid"} or {"namespace"}, "reason"?}: the entity must be the tenant's and visible. */
  @POST
  @Path("tenants/{tenant}/legal-holds")
  @Consumes(MediaType.APPLICATION_JSON)
  public Response hold(
      @PathParam("tenant") String tenantText, String body, @Context ContainerRequestContext c) {
    Caller caller = Caller.of(c);
    Tenant tenant = requests.administered(tenantText, caller);
    JsonNode request = requests.objectOrEmpty(body);
    String guid = text(request, "guid");
    String namespace = text(request, "namespace");
    if ((guid == null) == (namespace == null)) {
      throw ApiException.badParameter("body", "name either 'guid' or 'namespace'");
    }
    if (guid != null) {
      Guid id = Params.guid("guid", guid);
      Entity entity =
          requests
              .catalog()
              .get(id, Visibility.tenants(java.util.Set.of(tenant.id())).and(caller.read()))
              .orElseThrow(() -> new EntityNotFoundException(id.value()));
      guid = entity.guid().value();
    } else {
      namespace = Params.name("namespace", namespace);
    }
    LegalHold hold =
        retention.hold(
            tenant.id(), guid, namespace, text(request, "reason"), caller.principal().user());
    return GovernanceRequests.created(
        "/api/v1/governance/tenants/" + tenant.id().value() + "/legal-holds/" + hold.id(),
        hold(hold));
  }

  @DELETE
  @Path("tenants/{tenant}/legal-holds/{id}")
  public Response release(
      @PathParam("tenant") String tenantText,
      @PathParam("id") String id,
      @Context ContainerRequestContext c) {
    return requests.removed(
        tenantText, Caller.of(c), t -> retention.release(t, id), "no legal hold '" + id + "'");
  }

  @GET
  @Path("tenants/{tenant}/retention/dry-run")
  public String dryRun(@PathParam("tenant") String tenantText, @Context ContainerRequestContext c) {
    Caller caller = Caller.of(c);
    Tenant tenant = requests.administered(tenantText, caller);
    return report(retention.dryRun(tenant.id()), caller.read()).toString();
  }

  @POST
  @Path("tenants/{tenant}/retention/purge")
  public String purge(@PathParam("tenant") String tenantText, @Context ContainerRequestContext c) {
    Caller caller = Caller.of(c);
    Tenant tenant = requests.administered(tenantText, caller);
    return report(retention.purge(tenant.id(), caller.principal().user()), caller.read())
        .toString();
  }

  private ObjectNode report(Retention.Report report, Visibility visible) {
    ObjectNode out = requests.json().createObjectNode();
    out.set("removed", candidates(report.removed(), visible));
    out.set("held", candidates(report.held(), visible));
    return out;
  }

  private ArrayNode candidates(List<Retention.Candidate> candidates, Visibility visible) {
    ArrayNode out = requests.json().createArrayNode();
    int hidden = 0;
    for (Retention.Candidate candidate : candidates) {
      Entity e = candidate.entity();
      if (!visible.canSee(e)) {
        hidden++;
        continue;
      }
      ObjectNode item = out.addObject();
      item.put("guid", e.guid().value());
      item.put("typeName", e.typeName());
      item.put("qualifiedName", e.qualifiedName());
      item.put("updateTime", e.updateTime() == null ? null : e.updateTime().toString());
      item.put("rule", candidate.rule());
      if (candidate.heldBy() != null) {
        item.put("heldBy", candidate.heldBy());
      }
    }
    if (hidden > 0) {
      // What the caller may not read is counted, never named.
      out.addObject().put("notShown", hidden);
    }
    return out;
  }

  private ObjectNode rule(RetentionRule rule) {
    ObjectNode out = requests.json().createObjectNode();
    out.put("id", rule.id());
    out.put("typeName", rule.typeName());
    out.put("classification", rule.classification());
    out.put("olderThan", rule.olderThan().toString());
    return out;
  }

  private ObjectNode hold(LegalHold hold) {
    ObjectNode out = requests.json().createObjectNode();
    out.put("id", hold.id());
    out.put("guid", hold.guid());
    out.put("namespace", hold.namespace());
    out.put("reason", hold.reason());
    out.put("createdBy", hold.createdBy());
    out.put("created", hold.created().toString());
    return out;
  }
}
