package io.tributary.server.dashboards;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tributary.catalog.Catalog;
import io.tributary.contract.TenantId;
import io.tributary.ranger.AccessDeniedException;
import io.tributary.ranger.AccessType;
import io.tributary.ranger.ResourcePath;
import io.tributary.server.api.Params;
import io.tributary.server.problem.ApiException;
import io.tributary.server.problem.Problem;
import io.tributary.server.problem.ProblemTypes;
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
import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.Objects;

/**
 * {@code /api/v1/dashboards}. Who may do what, decided by Ranger on the dashboard's tenant:
 *
 * <ul>
 *   <li>list and read: readers of the tenant; a personal dashboard only its owner, a shared one
 *       every reader. Anything else answers 404, as if it did not exist.
 *   <li>create, change and delete a personal dashboard: its owner, if a reader of the tenant.
 *   <li>create, change, share, unshare and delete a shared dashboard: writers of the tenant.
 * </ul>
 */
@Path("/api/v1/dashboards")
@Produces(MediaType.APPLICATION_JSON)
public final class DashboardsResource {
  private final DashboardStore store;
  private final boolean stored;
  private final DashboardJson json;
  private final ObjectMapper mapper;
  private final Clock clock;

  public DashboardsResource(Catalog catalog, ObjectMapper mapper, Clock clock) {
    this.mapper = Objects.requireNonNull(mapper, "mapper");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.json = new DashboardJson(mapper);
    this.store = new DashboardStore(catalog, json, clock);
    this.stored = catalog.storesInternalTypes();
  }

  /**
   * The caller's own and the tenant's shared dashboards; the built-in default first when the tenant
   * has no shared dashboard.
   */
  @GET
  public String list(
      @QueryParam("tenant") String tenantText, @Context ContainerRequestContext context) {
    Caller caller = Caller.of(context);
    TenantId tenant = readableTenant(tenantText, caller);
    List<Dashboard> found = stored ? store.list(tenant, d -> visible(d, caller)) : List.of();
    ObjectNode out = json.object();
    out.put("tenant", tenant.value());
    out.put("saving", stored);
    ArrayNode list = out.putArray("dashboards");
    if (found.stream().noneMatch(Dashboard::shared)) {
      list.add(summary(DefaultDashboard.of(tenant, mapper), caller));
    }
    found.forEach(d -> list.add(summary(d, caller)));
    return out.toString();
  }

  @GET
  @Path("{id}")
  public String get(
      @PathParam("id") String id,
      @QueryParam("tenant") String tenantText,
      @Context ContainerRequestContext context) {
    Caller caller = Caller.of(context);
    Dashboard d = readable(id, tenantText, caller);
    return json.view(d, editable(d, caller)).toString();
  }

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  public Response create(
      String body,
      @QueryParam("tenant") String tenantText,
      @Context ContainerRequestContext context) {
    return created(body, tenantText, context, false);
  }

  /** An exported dashboard (or any dashboard body) as a new personal dashboard, unless shared. */
  @POST
  @Path("import")
  @Consumes(MediaType.APPLICATION_JSON)
  public Response importDashboard(
      String body,
      @QueryParam("tenant") String tenantText,
      @Context ContainerRequestContext context) {
    return created(body, tenantText, context, false);
  }

  private Response created(
      String body, String tenantText, ContainerRequestContext context, boolean sharedDefault) {
    Caller caller = Caller.of(context);
    TenantId tenant = readableTenant(tenantText, caller);
    DashboardDraft draft = json.draft(body, sharedDefault);
    if (draft.shared()) {
      caller.checkWrite(tenant);
    }
    requireStore();
    Dashboard d = store.create(tenant, caller.principal().user(), draft);
    return Response.created(URI.create("/api/v1/dashboards/" + d.id()))
        .type(MediaType.APPLICATION_JSON_TYPE)
        .entity(json.view(d, true).toString())
        .build();
  }

  @PUT
  @Path("{id}")
  @Consumes(MediaType.APPLICATION_JSON)
  public String update(
      @PathParam("id") String id, String body, @Context ContainerRequestContext context) {
    Caller caller = Caller.of(context);
    Dashboard current = stored(id, caller);
    DashboardDraft draft = json.draft(body, current.shared());
    checkEdit(current, caller);
    if (draft.shared() != current.shared()) {
      // Sharing or unsharing changes what the whole tenant sees.
      caller.checkWrite(current.tenant());
      if (!draft.shared() && !current.owner().equals(caller.principal().user())) {
        throw new AccessDeniedException(
            caller.principal().user(), AccessType.WRITE, ResourcePath.tenant(current.tenant()));
      }
    }
    Dashboard d = store.update(current, draft);
    return json.view(d, true).toString();
  }

  @DELETE
  @Path("{id}")
  public Response delete(@PathParam("id") String id, @Context ContainerRequestContext context) {
    Caller caller = Caller.of(context);
    Dashboard current = stored(id, caller);
    checkEdit(current, caller);
    store.delete(current);
    return Response.noContent().build();
  }

  /** The dashboard as a JSON document to import elsewhere: no id, owner or tenant. */
  @GET
  @Path("{id}/export")
  public Response export(
      @PathParam("id") String id,
      @QueryParam("tenant") String tenantText,
      @Context ContainerRequestContext context) {
    Caller caller = Caller.of(context);
    Dashboard d = readable(id, tenantText, caller);
    String file = d.title().replaceAll("[^A-Za-z0-9._-]+", "-") + ".dashboard.json";
    return Response.ok(json.export(d, clock.instant()).toString(), MediaType.APPLICATION_JSON_TYPE)
        .header("Content-Disposition", "attachment; filename=\"" + file + "\"")
        .build();
  }

  private TenantId readableTenant(String tenantText, Caller caller) {
    TenantId named = Params.tenant("tenant", tenantText);
    TenantId tenant = named == null ? caller.homeTenant() : named;
    caller.check(AccessType.READ, ResourcePath.tenant(tenant));
    return tenant;
  }

  /** A stored or the built-in dashboard the caller may read; 404 otherwise. */
  private Dashboard readable(String id, String tenantText, Caller caller) {
    if (DefaultDashboard.ID.equals(id)) {
      return DefaultDashboard.of(readableTenant(tenantText, caller), mapper);
    }
    return stored(id, caller);
  }

  /**
   * With the remote-Atlas backend there is nowhere to keep a dashboard: Atlas is not given
   * Tributary's internal entities (io.tributary.catalog.atlas.AtlasCatalog refuses them).
   */
  private void requireStore() {
    if (!stored) {
      throw new ApiException(
          Problem.of(
              501,
              ProblemTypes.NOT_IMPLEMENTED,
              "Dashboards cannot be saved",
              "Dashboards are kept in Tributary's embedded catalog and are not written to a remote"
                  + " Atlas; with catalog.backend=atlas only the built-in dashboard is shown"));
    }
  }

  private Dashboard stored(String id, Caller caller) {
    requireStore();
    if (DefaultDashboard.ID.equals(id)) {
      throw new ApiException(
          Problem.of(
              409,
              ProblemTypes.CONFLICT,
              "Conflict",
              "The built-in dashboard cannot be changed: save a copy of it instead"));
    }
    return store
        .get(id)
        .filter(d -> visible(d, caller))
        .orElseThrow(() -> ApiException.notFound("No dashboard '" + id + "'"));
  }

  private static boolean visible(Dashboard d, Caller caller) {
    return caller.mayRead(d.tenant())
        && (d.shared() || d.owner().equals(caller.principal().user()));
  }

  private static void checkEdit(Dashboard d, Caller caller) {
    if (d.shared()) {
      caller.checkWrite(d.tenant());
    }
    // A personal dashboard is visible to its owner only: visible() has decided already.
  }

  private static boolean editable(Dashboard d, Caller caller) {
    if (d.builtIn()) {
      return false;
    }
    if (!d.shared()) {
      return d.owner().equals(caller.principal().user());
    }
    return caller.mayWrite(d.tenant());
  }

  private ObjectNode summary(Dashboard d, Caller caller) {
    ObjectNode out = json.view(d, editable(d, caller));
    out.remove("widgets");
    out.put("widgetCount", d.widgets().size());
    return out;
  }
}
