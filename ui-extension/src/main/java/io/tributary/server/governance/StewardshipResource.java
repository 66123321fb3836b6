package io.tributary.server.governance;

import static io.tributary.server.governance.GovernanceRequests.text;
import static io.tributary.server.governance.GovernanceRequests.texts;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tributary.catalog.Catalog;
import io.tributary.catalog.Entity;
import io.tributary.catalog.Guid;
import io.tributary.catalog.Visibility;
import io.tributary.contract.TenantId;
import io.tributary.ranger.AccessType;
import io.tributary.ranger.governance.Approvals;
import io.tributary.ranger.governance.Ownership;
import io.tributary.ranger.governance.Proposal;
import io.tributary.ranger.governance.StewardTask;
import io.tributary.ranger.governance.Stewardship;
import io.tributary.ranger.tenancy.Tenant;
import io.tributary.server.api.Params;
import io.tributary.server.problem.ApiException;
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
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * {@code /api/v1/governance}: owners and stewards of entities and namespaces, steward tasks and
 * each user's inbox.
 *
 * <ul>
 *   <li>Owners and stewards of an entity: read by whoever may read it; set by the tenant's
 *       administrator (anyone else proposes the change). Of a namespace: set by the administrator.
 *   <li>Tasks: listed for the tenant's members, without those about entities the caller cannot see;
 *       made, claimed, commented on and resolved by the tenant's writers; the orphan scan is the
 *       administrator's.
 *   <li>Inbox: the caller's open tasks, and the proposals awaiting their approval (pending, not
 *       theirs, and Ranger gives them {@code approve} on what each changes).
 * </ul>
 *
 * Another tenant, and an entity the caller cannot see, are 404.
 */
@Path("/api/v1/governance")
@Produces(MediaType.APPLICATION_JSON)
public final class StewardshipResource {
  private final Stewardship stewardship;
  private final Approvals approvals;
  private final Catalog catalog;
  private final GovernanceRequests requests;
  private final ObjectMapper json;

  public StewardshipResource(
      GovernanceRequests requests, Stewardship stewardship, Approvals approvals) {
    this.requests = Objects.requireNonNull(requests, "requests");
    this.stewardship = Objects.requireNonNull(stewardship, "stewardship");
    this.approvals = Objects.requireNonNull(approvals, "approvals");
    this.catalog = requests.catalog();
    this.json = requests.json();
  }

  // Owners and stewards

  @GET
  @Path("entities/{guid}/stewardship")
  public String ofEntity(@PathParam("guid") String guidText, @Context ContainerRequestContext c) {
    return stewards(requests.visible(guidText, Caller.of(c))).toString();
  }

  @PUT
  @Path("entities/{guid}/stewardship")
  @Consumes(MediaType.APPLICATION_JSON)
  public String setOfEntity(
      @PathParam("guid") String guidText, String body, @Context ContainerRequestContext c) {
    Caller caller = Caller.of(c);
    Entity entity = requests.visible(guidText, caller);
    caller.checkAdmin(entity.tenant());
    JsonNode request = requests.object(body);
    Optional<Ownership> now = stewardship.ownership(entity.tenant(), entity.guid().value(), null);
    stewardship.putOwnership(
        entity.tenant(),
        entity.guid().value(),
        null,
        listOrKept(request, "owners", now.map(Ownership::owners)),
        listOrKept(request, "stewards", now.map(Ownership::stewards)),
        caller.principal().user());
    return stewards(entity).toString();
  }

  /**
   * The tenant's owner and steward assignments, those of entities the caller cannot see left out.
   */
  @GET
  @Path("tenants/{tenant}/stewardship")
  public String assignments(
      @PathParam("tenant") String tenantText, @Context ContainerRequestContext c) {
    Caller caller = Caller.of(c);
    Tenant tenant = requests.readable(tenantText, caller);
    Visibility visible = caller.read();
    ObjectNode out = json.createObjectNode();
    ArrayNode list = out.putArray("assignments");
    for (Ownership o : stewardship.ownerships(tenant.id())) {
      if (o.entityGuid() == null || canSee(o.entityGuid(), visible, new HashMap<>())) {
        list.add(json.valueToTree(o));
      }
    }
    return out.toString();
  }

  @PUT
  @Path("tenants/{tenant}/namespaces/{namespace}/stewardship")
  @Consumes(MediaType.APPLICATION_JSON)
  public String setOfNamespace(
      @PathParam("tenant") String tenantText,
      @PathParam("namespace") String namespaceText,
      String body,
      @Context ContainerRequestContext c) {
    Caller caller = Caller.of(c);
    Tenant tenant = requests.administered(tenantText, caller);
    String namespace = Params.name("namespace", namespaceText);
    JsonNode request = requests.object(body);
    Optional<Ownership> now = stewardship.ownership(tenant.id(), null, namespace);
    Ownership o =
        stewardship.putOwnership(
            tenant.id(),
            null,
            namespace,
            listOrKept(request, "owners", now.map(Ownership::owners)),
            listOrKept(request, "stewards", now.map(Ownership::stewards)),
            caller.principal().user());
    return json.valueToTree(o).toString();
  }

  // Tasks

  @GET
  @Path("tenants/{tenant}/tasks")
  public String tasks(
      @PathParam("tenant") String tenantText,
      @QueryParam("status") String status,
      @QueryParam("kind") String kind,
      @QueryParam("assignee") String assignee,
      @Context ContainerRequestContext c) {
    Caller caller = Caller.of(c);
    Tenant tenant = requests.readable(tenantText, caller);
    StewardTask.Status wantStatus =
        status == null ? null : parse(status, StewardTask.Status::parse);
    StewardTask.Kind wantKind = kind == null ? null : parse(kind, StewardTask.Kind::parse);
    Visibility visible = caller.read();
    Map<String, Boolean> seen = new HashMap<>();
    ObjectNode out = json.createObjectNode();
    ArrayNode list = out.putArray("tasks");
    for (StewardTask t : stewardship.tasks(tenant.id())) {
      if ((wantStatus == null || t.status() == wantStatus)
          && (wantKind == null || t.kind() == wantKind)
          && (assignee == null || assignee.equals(t.assignee()))
          && (t.entityGuid() == null || canSee(t.entityGuid(), visible, seen))) {
        list.add(task(t, visible));
      }
    }
    return out.toString();
  }

  /** {@code {"title", "detail"?, "guid"?, "assignee"?}}: a task made by hand. */
  @POST
  @Path("tenants/{tenant}/tasks")
  @Consumes(MediaType.APPLICATION_JSON)
  public Response createTask(
      @PathParam("tenant") String tenantText, String body, @Context ContainerRequestContext c) {
    Caller caller = Caller.of(c);
    Tenant tenant = requests.readable(tenantText, caller);
    caller.checkWrite(tenant.id());
    JsonNode request = requests.object(body);
    String title = GovernanceRequests.required(request, "title");
    Entity entity = null;
    String guid = text(request, "guid");
    if (guid != null) {
      entity = inTenant(tenant, guid, caller);
    }
    StewardTask t =
        stewardship.create(
            tenant.id(),
            Params.text("title", title, 500),
            Params.text("detail", text(request, "detail"), 10_000),
            entity,
            text(request, "assignee"),
            caller.principal().user());
    return GovernanceRequests.created(
        "/api/v1/governance/tenants/" + tenant.id().value() + "/tasks/" + t.id(),
        task(t, caller.read()));
  }

  @GET
  @Path("tenants/{tenant}/tasks/{id}")
  public String task(
      @PathParam("tenant") String tenantText,
      @PathParam("id") String id,
      @Context ContainerRequestContext c) {
    Caller caller = Caller.of(c);
    Tenant tenant = requests.readable(tenantText, caller);
    return task(visibleTask(tenant, id, caller), caller.read()).toString();
  }

  @POST
  @Path("tenants/{tenant}/tasks/{id}/claim")
  public String claim(
      @PathParam("tenant") String tenantText,
      @PathParam("id") String id,
      @Context ContainerRequestContext c) {
    return change(tenantText, id, c, stewardship::claim).toString();
  }

  /** {@code {"text"}}. */
  @POST
  @Path("tenants/{tenant}/tasks/{id}/comments")
  @Consumes(MediaType.APPLICATION_JSON)
  public Response comment(
      @PathParam("tenant") String tenantText,
      @PathParam("id") String id,
      String body,
      @Context ContainerRequestContext c) {
    ObjectNode task =
        change(
            tenantText,
            id,
            c,
            (tenant, t, user) ->
                stewardship.comment(
                    tenant,
                    t,
                    user,
                    Params.text(
                        "text",
                        GovernanceRequests.required(requests.object(body), "text"),
                        10_000)));
    return GovernanceRequests.created(
        "/api/v1/governance/tenants/"
            + Params.tenant("tenant", tenantText).value()
            + "/tasks/"
            + task.path("id").asText(),
        task);
  }

  /** {@code {"resolution"?}}. */
  @POST
  @Path("tenants/{tenant}/tasks/{id}/resolve")
  @Consumes(MediaType.APPLICATION_JSON)
  public String resolve(
      @PathParam("tenant") String tenantText,
      @PathParam("id") String id,
      String body,
      @Context ContainerRequestContext c) {
    return change(
            tenantText,
            id,
            c,
            (tenant, t, user) ->
                stewardship.resolve(
                    tenant,
                    t,
                    user,
                    Params.text(
                        "resolution", text(requests.objectOrEmpty(body), "resolution"), 10_000)))
        .toString();
  }

  /** What a writer does to a task: claim, comment, resolve. */
  @FunctionalInterface
  private interface TaskChange {
    StewardTask apply(TenantId tenant, StewardTask task, String user);
  }

  /**
   * A change to a task the caller can see, by one of its tenant's writers (checked before the body
   * is read); a change the task's state does not allow is 409.
   */
  private ObjectNode change(
      String tenantText, String id, ContainerRequestContext c, TaskChange change) {
    Caller caller = Caller.of(c);
    Tenant tenant = requests.readable(tenantText, caller);
    StewardTask t = visibleTask(tenant, id, caller);
    caller.checkWrite(tenant.id());
    try {
      return task(change.apply(tenant.id(), t, caller.principal().user()), caller.read());
    } catch (IllegalStateException e) {
      throw GovernanceRequests.conflict(e.getMessage());
    }
  }

  /** Looks for orphaned datasets now instead of at the next scan. */
  @POST
  @Path("tenants/{tenant}/tasks/scan")
  public String scan(@PathParam("tenant") String tenantText, @Context ContainerRequestContext c) {
    Caller caller = Caller.of(c);
    Tenant tenant = requests.administered(tenantText, caller);
    ObjectNode out = json.createObjectNode();
    out.put("created", stewardship.scanOrphans(tenant.id()).size());
    return out.toString();
  }

  // Inbox

  @GET
  @Path("tenants/{tenant}/inbox")
  public String inbox(@PathParam("tenant") String tenantText, @Context ContainerRequestContext c) {
    Caller caller = Caller.of(c);
    Tenant tenant = requests.readable(tenantText, caller);
    String user = caller.principal().user();
    Visibility visible = caller.read();
    Map<String, Boolean> seen = new HashMap<>();
    ObjectNode out = json.createObjectNode();
    out.put("user", user);
    ArrayNode tasks = out.putArray("tasks");
    for (StewardTask t : stewardship.tasks(tenant.id())) {
      if (t.isFor(user) && (t.entityGuid() == null || canSee(t.entityGuid(), visible, seen))) {
        tasks.add(task(t, visible));
      }
    }
    ArrayNode proposals = out.putArray("proposals");
    for (Proposal p : approvals.proposals(tenant.id())) {
      if (p.awaits(user)
          && (p.entityGuid() == null || canSee(p.entityGuid(), visible, seen))
          && caller.may(AccessType.APPROVE, approvals.resourceOf(tenant.id(), p))) {
        proposals.add(ProposalResource.proposal(json, p, visible, catalog));
      }
    }
    return out.toString();
  }

  private ObjectNode stewards(Entity entity) {
    Stewardship.Stewards s = stewardship.stewardsOf(entity);
    ObjectNode out = json.valueToTree(s);
    out.put("guid", entity.guid().value());
    out.put("tenant", entity.tenant().value());
    return out;
  }

  private ObjectNode task(StewardTask t, Visibility visible) {
    ObjectNode out = json.valueToTree(t);
    if (t.entityGuid() != null) {
      catalog
          .get(new Guid(t.entityGuid()), visible)
          .ifPresent(e -> out.set("entity", EntitySummary.of(json, e)));
    }
    return out;
  }

  private StewardTask visibleTask(Tenant tenant, String id, Caller caller) {
    StewardTask t =
        stewardship
            .task(tenant.id(), id)
            .orElseThrow(() -> ApiException.notFound("no task '" + id + "'"));
    if (t.entityGuid() != null && !canSee(t.entityGuid(), caller.read(), new HashMap<>())) {
      throw ApiException.notFound("no task '" + id + "'");
    }
    return t;
  }

  private Entity inTenant(Tenant tenant, String guid, Caller caller) {
    Entity entity = requests.visible(guid, caller);
    if (!entity.tenant().equals(tenant.id())) {
      throw ApiException.notFound("entity " + guid + " is not in tenant " + tenant.id());
    }
    return entity;
  }

  /** The list the request gives, else the one set before (an absent field changes nothing). */
  private static List<String> listOrKept(
      JsonNode request, String field, Optional<List<String>> before) {
    return request.has(field) ? texts(request, field) : before.orElse(List.of());
  }

  private boolean canSee(String guid, Visibility visible, Map<String, Boolean> seen) {
    return seen.computeIfAbsent(guid, g -> catalog.get(new Guid(g), visible).isPresent());
  }

  private static <T> T parse(String text, java.util.function.Function<String, T> parser) {
    try {
      return parser.apply(text);
    } catch (IllegalArgumentException e) {
      throw ApiException.badParameter("query", e.getMessage());
    }
  }
}
