package io.tributary.server.tenants;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tributary.contract.TenantId;
import io.tributary.ranger.AccessType;
import io.tributary.ranger.ResourcePath;
import io.tributary.ranger.bootstrap.PolicyServices;
import io.tributary.ranger.tenancy.Quotas;
import io.tributary.ranger.tenancy.Share;
import io.tributary.ranger.tenancy.ShareNotFoundException;
import io.tributary.ranger.tenancy.Tenant;
import io.tributary.ranger.tenancy.TenantConfig;
import io.tributary.ranger.tenancy.TenantNotFoundException;
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
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code /api/v1/tenants}: tenants and the shares between them.
 *
 * <ul>
 *   <li>Listing and reading show the tenants the caller may read as a whole (its own; all of them
 *       for platform administrators); another tenant is 404, as if it did not exist.
 *   <li>Creating and deleting need a platform administrator; deleting also removes the tenant's
 *       entities from the catalog. Updating needs the tenant's administrator; changing quotas, a
 *       platform administrator.
 *   <li>Sharing and revoking need {@code share} on the owner's namespace.
 * </ul>
 *
 * <p>Every change is followed by a policy refresh, so that it applies to the next request.
 */
@Path("/api/v1/tenants")
@Produces(MediaType.APPLICATION_JSON)
public final class TenantResource {
  private static final Logger LOG = LoggerFactory.getLogger(TenantResource.class);

  private final PolicyServices policies;
  private final TenantDataEraser eraser;
  private final TenantJson json;
  private final Quotas defaultQuotas;

  public TenantResource(
      PolicyServices policies, TenantDataEraser eraser, ObjectMapper mapper, Quotas defaultQuotas) {
    this.policies = Objects.requireNonNull(policies, "policies");
    this.eraser = Objects.requireNonNull(eraser, "eraser");
    this.json = new TenantJson(mapper);
    this.defaultQuotas = Objects.requireNonNull(defaultQuotas, "defaultQuotas");
  }

  @GET
  public String list(@Context ContainerRequestContext context) {
    Caller caller = Caller.of(context);
    ObjectNode out = json.object();
    ArrayNode tenants = out.putArray("tenants");
    for (Tenant tenant : policies.tenants().list()) {
      if (caller.mayRead(tenant.id())) {
        tenants.add(json.tenant(tenant));
      }
    }
    return out.toString();
  }

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  public Response create(String body, @Context ContainerRequestContext context) {
    Caller caller = Caller.of(context);
    caller.checkPlatformAdmin();
    JsonNode request = json.parse(body);
    TenantId id = Params.tenant("id", TenantJson.required(request, "id"));
    TenantConfig config = json.config(request, defaultQuotas);
    Tenant tenant = policies.tenants().create(id, config);
    refresh();
    return Response.created(URI.create("/api/v1/tenants/" + id.value()))
        .type(MediaType.APPLICATION_JSON_TYPE)
        .entity(json.tenant(tenant).toString())
        .build();
  }

  @GET
  @Path("{id}")
  public String get(@PathParam("id") String idText, @Context ContainerRequestContext context) {
    return json.tenant(readable(idText, Caller.of(context))).toString();
  }

  @PUT
  @Path("{id}")
  @Consumes(MediaType.APPLICATION_JSON)
  public String update(
      @PathParam("id") String idText, String body, @Context ContainerRequestContext context) {
    Caller caller = Caller.of(context);
    Tenant current = readable(idText, caller);
    caller.checkAdmin(current.id());
    JsonNode request = json.parse(body);
    String named = TenantJson.text(request, "id");
    if (named != null && !named.equals(current.id().value())) {
      throw TenantJson.badBody("id '" + named + "' differs from the path's '" + current.id() + "'");
    }
    TenantConfig config = json.config(request, current.config().quotas());
    if (!config.quotas().equals(current.config().quotas())) {
      // A tenant's administrator may not raise its own limits.
      caller.checkPlatformAdmin();
    }
    return json.tenant(policies.tenants().update(current.id(), config)).toString();
  }

  @DELETE
  @Path("{id}")
  public String delete(@PathParam("id") String idText, @Context ContainerRequestContext context) {
    Caller caller = Caller.of(context);
    Tenant tenant = readable(idText, caller);
    caller.checkPlatformAdmin();
    if (tenant.id().equals(TenantId.DEFAULT)) {
      throw new ApiException(
          Problem.of(
              409,
              ProblemTypes.CONFLICT,
              "Conflict",
              "Tenant '" + TenantId.DEFAULT + "' cannot be deleted"));
    }
    policies.tenants().delete(tenant.id());
    policies.quotas().forget(tenant.id());
    refresh();
    long deleted = eraser.erase(tenant.id());
    ObjectNode out = json.object();
    out.put("id", tenant.id().value());
    out.put("deletedEntities", deleted);
    return out.toString();
  }

  @GET
  @Path("{id}/shares")
  public String shares(@PathParam("id") String idText, @Context ContainerRequestContext context) {
    Tenant tenant = readable(idText, Caller.of(context));
    ObjectNode out = json.object();
    ArrayNode shares = out.putArray("shares");
    policies.tenants().shares(tenant.id()).forEach(s -> shares.add(json.share(s)));
    return out.toString();
  }

  @POST
  @Path("{id}/shares")
  @Consumes(MediaType.APPLICATION_JSON)
  public Response share(
      @PathParam("id") String idText, String body, @Context ContainerRequestContext context) {
    Caller caller = Caller.of(context);
    Tenant owner = readable(idText, caller);
    JsonNode request = json.parse(body);
    TenantId grantee = Params.tenant("grantee", TenantJson.required(request, "grantee"));
    String namespace = Params.name("namespace", TenantJson.required(request, "namespace"));
    List<String> datasets = new ArrayList<>();
    for (JsonNode dataset : TenantJson.array(request.path("datasets"), "datasets")) {
      if (!dataset.isTextual() || dataset.asText().isBlank()) {
        throw TenantJson.badBody("datasets must be non-blank strings");
      }
      datasets.add(Params.name("datasets", dataset.asText()));
    }
    if (datasets.isEmpty()) {
      throw TenantJson.badBody("'datasets' must name at least one dataset");
    }
    if (grantee.equals(owner.id())) {
      throw TenantJson.badBody("tenant '" + owner.id() + "' cannot share with itself");
    }
    caller.check(AccessType.SHARE, ResourcePath.namespace(owner.id(), namespace));
    Share share = policies.tenants().share(owner.id(), grantee, namespace, datasets);
    refresh();
    return Response.created(
            URI.create("/api/v1/tenants/" + owner.id().value() + "/shares/" + share.id()))
        .type(MediaType.APPLICATION_JSON_TYPE)
        .entity(json.share(share).toString())
        .build();
  }

  @DELETE
  @Path("{id}/shares/{share}")
  public Response revoke(
      @PathParam("id") String idText,
      @PathParam("share") String shareId,
      @Context ContainerRequestContext context) {
    Caller caller = Caller.of(context);
    Tenant owner = readable(idText, caller);
    Share share =
        policies.tenants().shares(owner.id()).stream()
            .filter(s -> s.id().equals(shareId) && s.owner().equals(owner.id()))
            .findFirst()
            .orElseThrow(() -> new ShareNotFoundException(owner.id(), shareId));
    caller.check(AccessType.SHARE, ResourcePath.namespace(owner.id(), share.namespace()));
    policies.tenants().revoke(owner.id(), shareId);
    refresh();
    return Response.noContent().build();
  }

  /** The tenant, when the caller may read it; else 404 as if it did not exist. */
  private Tenant readable(String idText, Caller caller) {
    TenantId id = Params.tenant("id", idText);
    if (!caller.mayRead(id)) {
      throw new TenantNotFoundException(id);
    }
    return policies.tenants().require(id);
  }

  /** Applies a registry change now rather than at the next poll. */
  private void refresh() {
    try {
      policies.authorizer().refresh();
    } catch (RuntimeException e) {
      LOG.warn(
          "tenants: policy refresh failed; the change applies at the next poll: {}", e.toString());
    }
  }
}
