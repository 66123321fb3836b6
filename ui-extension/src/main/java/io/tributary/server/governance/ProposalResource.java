package io.tributary.server.governance;

import static io.tributary.server.governance.GovernanceRequests.text;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tributary.catalog.Catalog;
import io.tributary.catalog.Entity;
import io.tributary.catalog.Guid;
import io.tributary.catalog.Visibility;
import io.tributary.catalog.types.TypeRegistry;
import io.tributary.ranger.AccessType;
import io.tributary.ranger.governance.Approvals;
import io.tributary.ranger.governance.Proposal;
import io.tributary.ranger.tenancy.Tenant;
import io.tributary.server.api.Params;
import io.tributary.server.problem.ApiException;
import io.tributary.server.problem.Problem;
import io.tributary.server.problem.ProblemTypes;
import io.tributary.server.security.Caller;
import jakarta.ws.rs.Consumes;
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
import java.util.HashMap;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;

/**
 * {@code /api/v1/governance/tenants/{tenant}/proposals...}: changes stewards approve before they
 * are made, and how many approvals a tenant needs.
 *
 * <ul>
 *   <li>Proposed by the tenant's writers, about an entity of the tenant they can see (a retention
 *       rule names none).
 *   <li>Approved or rejected by whoever Ranger gives {@code approve} on what the proposal changes
 *       (the entity's namespace; the tenant for retention): 403 otherwise, audited as a denial.
 *   <li>Listed for the tenant's members, without those about entities the caller cannot see.
 * </ul>
 */
@Path("/api/v1/governance")
@Produces(MediaType.APPLICATION_JSON)
public final class ProposalResource {
  private final Approvals approvals;
  private final Catalog catalog;
  private final TypeRegistry types;
  private final GovernanceRequests requests;
  private final ObjectMapper json;

  public ProposalResource(GovernanceRequests requests, Approvals approvals, TypeRegistry types) {
    this.requests = Objects.requireNonNull(requests, "requests");
    this.approvals = Objects.requireNonNull(approvals, "approvals");
    this.types = Objects.requireNonNull(types, "types");
    this.catalog = requests.catalog();
    this.json = requests.json();
  }

  @GET
  @Path("tenants/{tenant}/proposals")
  public String proposals(
      @PathParam("tenant") String tenantText,
      @QueryParam("status") String status,
      @Context ContainerRequestContext c) {
    Caller caller = Caller.of(c);
    Tenant tenant = requests.readable(tenantText, caller);
    Proposal.Status want;
    try {
      want = status == null ? null : Proposal.Status.parse(status);
    } catch (IllegalArgumentException e) {
      throw ApiException.badParameter("status", e.getMessage());
    }
    Visibility visible = caller.read();
    Map<String, Boolean> seen = new HashMap<>();
    ObjectNode out = json.createObjectNode();
    ArrayNode list = out.putArray("proposals");
    for (Proposal p : approvals.proposals(tenant.id())) {
      if ((want == null || p.status() == want) && visible(p, visible, seen)) {
        list.add(proposal(json, p, visible, catalog));
      }
    }
    return out.toString();
  }

  /** {@code {"kind", "guid"?, "change", "reason"?}}. */
  @POST
  @Path("tenants/{tenant}/proposals")
  @Consumes(MediaType.APPLICATION_JSON)
  public Response propose(
      @PathParam("tenant") String tenantText, String body, @Context ContainerRequestContext c) {
    Caller caller = Caller.of(c);
    Tenant tenant = requests.readable(tenantText, caller);
    caller.checkWrite(tenant.id());
    JsonNode request = requests.object(body);
    Proposal.Kind kind;
    try {
      kind = Proposal.Kind.parse(GovernanceRequests.required(request, "kind"));
    } catch (IllegalArgumentException e) {
      throw ApiException.badParameter("body", e.getMessage());
    }
    JsonNode change = request.get("change");
    if (change == null || !change.isObject()) {
      throw ApiException.badParameter("body", "'change' must be a JSON object");
    }
    String guid = text(request, "guid");
    Entity entity = null;
    if (guid != null) {
      entity = requests.visible(guid, caller);
      if (!entity.tenant().equals(tenant.id())) {
        throw ApiException.notFound("entity " + guid + " is not in tenant " + tenant.id());
      }
    }
    if (kind == Proposal.Kind.CLASSIFICATION) {
      String name = change.path(change.has("add") ? "add" : "remove").asText("");
      if (!name.isEmpty() && !types.hasClassification(name)) {
        throw GovernanceRequests.unprocessable(
            "'" + name + "' is not a classification type; known: " + types.classificationNames());
      }
    }
    if (kind == Proposal.Kind.RETENTION) {
      String type = change.path("typeName").asText(null);
      if (type != null && !types.hasEntityType(type)) {
        throw GovernanceRequests.unprocessable("typeName '" + type + "' is not a known type");
      }
      String name = change.path("classification").asText(null);
      if (name != null && !types.hasClassification(name)) {
        throw GovernanceRequests.unprocessable("'" + name + "' is not a classification type");
      }
    }
    Proposal p;
    try {
      p =
          approvals.propose(
              tenant.id(),
              kind,
              entity,
              change,
              Params.text("reason", text(request, "reason"), 10_000),
              caller.principal().user());
    } catch (IllegalArgumentException e) {
      throw GovernanceRequests.unprocessable(e.getMessage());
    }
    return GovernanceRequests.created(
        "/api/v1/governance/tenants/" + tenant.id().value() + "/proposals/" + p.id(),
        proposal(json, p, caller.read(), catalog));
  }

  @GET
  @Path("tenants/{tenant}/proposals/{id}")
  public String proposal(
      @PathParam("tenant") String tenantText,
      @PathParam("id") String id,
      @Context ContainerRequestContext c) {
    Caller caller = Caller.of(c);
    Tenant tenant = requests.readable(tenantText, caller);
    return proposal(json, visibleProposal(tenant, id, caller), caller.read(), catalog).toString();
  }

  /** {@code {"comment"?}}: one approval; the last one needed makes the change. */
  @POST
  @Path("tenants/{tenant}/proposals/{id}/approve")
  @Consumes(MediaType.APPLICATION_JSON)
  public String approve(
      @PathParam("tenant") String tenantText,
      @PathParam("id") String id,
      String body,
      @Context ContainerRequestContext c) {
    return decide(tenantText, id, body, c, true);
  }

  /** {@code {"comment"?}}: one rejection decides the proposal. */
  @POST
  @Path("tenants/{tenant}/proposals/{id}/reject")
  @Consumes(MediaType.APPLICATION_JSON)
  public String reject(
      @PathParam("tenant") String tenantText,
      @PathParam("id") String id,
      String body,
      @Context ContainerRequestContext c) {
    return decide(tenantText, id, body, c, false);
  }

  private String decide(
      String tenantText, String id, String body, ContainerRequestContext c, boolean approve) {
    Caller caller = Caller.of(c);
    Tenant tenant = requests.readable(tenantText, caller);
    Proposal p = visibleProposal(tenant, id, caller);
    String comment = Params.text("comment", text(requests.objectOrEmpty(body), "comment"), 10_000);
    caller.check(AccessType.APPROVE, approvals.resourceOf(tenant.id(), p));
    String user = caller.principal().user();
    if (p.proposedBy().equals(user)) {
      throw new ApiException(
          Problem.of(
              403,
              ProblemTypes.FORBIDDEN,
              "Forbidden",
              "a proposer cannot approve or reject their own proposal"));
    }
    try {
      Proposal decided =
          approve
              ? approvals.approve(tenant.id(), id, user, comment)
              : approvals.reject(tenant.id(), id, user, comment);
      return proposal(json, decided, caller.read(), catalog).toString();
    } catch (IllegalStateException e) {
      throw GovernanceRequests.conflict(e.getMessage());
    } catch (NoSuchElementException e) {
      throw ApiException.notFound(e.getMessage());
    }
  }

  @GET
  @Path("tenants/{tenant}/approval-settings")
  public String settings(
      @PathParam("tenant") String tenantText, @Context ContainerRequestContext c) {
    Tenant tenant = requests.readable(tenantText, Caller.of(c));
    return json.createObjectNode()
        .put("requiredApprovals", approvals.requiredApprovals(tenant.id()))
        .toString();
  }

  /** {@code {"requiredApprovals": n}}: for proposals made from now on. */
  @PUT
  @Path("tenants/{tenant}/approval-settings")
  @Consumes(MediaType.APPLICATION_JSON)
  public String setSettings(
      @PathParam("tenant") String tenantText, String body, @Context ContainerRequestContext c) {
    Tenant tenant = requests.administered(tenantText, Caller.of(c));
    JsonNode n = requests.object(body).get("requiredApprovals");
    if (n == null || !n.canConvertToInt() || !n.isIntegralNumber()) {
      throw ApiException.badParameter("body", "'requiredApprovals' must be a whole number");
    }
    try {
      approvals.setRequiredApprovals(tenant.id(), n.intValue());
    } catch (IllegalArgumentException e) {
      throw GovernanceRequests.unprocessable(e.getMessage());
    }
    return settings(tenantText, c);
  }

  private Proposal visibleProposal(Tenant tenant, String id, Caller caller) {
    Proposal p =
        approvals
            .proposal(tenant.id(), id)
            .orElseThrow(() -> ApiException.notFound("no proposal '" + id + "'"));
    if (!visible(p, caller.read(), new HashMap<>())) {
      throw ApiException.notFound("no proposal '" + id + "'");
    }
    return p;
  }

  private boolean visible(Proposal p, Visibility visible, Map<String, Boolean> seen) {
    return p.entityGuid() == null
        || seen.computeIfAbsent(p.entityGuid(), g -> catalog.get(new Guid(g), visible).isPresent());
  }

  static ObjectNode proposal(ObjectMapper json, Proposal p, Visibility visible, Catalog catalog) {
    ObjectNode out = json.valueToTree(p);
    if (p.entityGuid() != null) {
      catalog
          .get(new Guid(p.entityGuid()), visible)
          .ifPresent(e -> out.set("entity", EntitySummary.of(json, e)));
    }
    return out;
  }
}
