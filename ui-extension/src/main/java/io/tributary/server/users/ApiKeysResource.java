package io.tributary.server.users;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tributary.ranger.auth.ApiKeyEntry;
import io.tributary.ranger.auth.ApiKeys;
import io.tributary.ranger.auth.AuthNames;
import io.tributary.ranger.auth.UserAdmin;
import io.tributary.server.problem.ApiException;
import io.tributary.server.security.Caller;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;
import java.util.Objects;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code /api/v1/admin/api-keys}: the API keys of the users file, for platform administrators. A
 * key is {@code {"id", "user", "groups", "roles", "tenant"}}; the answer that creates it also holds
 * {@code "key"}, the only time the secret is shown. Revoking takes effect from the next request.
 */
@Path("/api/v1/admin/api-keys")
@Produces(MediaType.APPLICATION_JSON)
public final class ApiKeysResource {
  private static final Logger LOG = LoggerFactory.getLogger(ApiKeysResource.class);
  private static final Set<String> CREATE = Set.of("user", "groups", "roles", "tenant");

  private final UserAdmin admin;
  private final UserAdminJson json;

  public ApiKeysResource(UserAdmin admin, ObjectMapper mapper) {
    this.admin = Objects.requireNonNull(admin, "admin");
    this.json = new UserAdminJson(mapper);
  }

  /** The keys, or those acting as {@code user}. */
  @GET
  public String list(@QueryParam("user") String user, @Context ContainerRequestContext context) {
    Caller.of(context).checkPlatformAdmin();
    if (user != null) {
      UserAdminJson.refusing("user", () -> AuthNames.user(user));
    }
    ObjectNode out = json.object();
    ArrayNode keys = out.putArray("apiKeys");
    admin.apiKeys().stream()
        .filter(k -> user == null || k.user().equals(user))
        .forEach(k -> keys.add(json.apiKey(k)));
    return out.toString();
  }

  /**
   * Issues a key. Members left out ({@code groups}, {@code roles}, {@code tenant}) are taken from
   * the user of that name when the users file has one; {@code []} means none.
   */
  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  public Response create(String body, @Context ContainerRequestContext context) {
    Caller caller = Caller.of(context);
    caller.checkPlatformAdmin();
    JsonNode request = json.parse(body, CREATE);
    String user = UserAdminJson.required(request, "user");
    ApiKeys.Issued issued =
        UserAdminJson.refusing(
            "body",
            () ->
                admin.createApiKey(
                    user,
                    UserAdminJson.strings(request, "groups"),
                    UserAdminJson.strings(request, "roles"),
                    UserAdminJson.tenant(request)));
    LOG.info(
        "users: {} created API key {} for '{}'",
        caller.principal().user(),
        issued.entry().id(),
        user);
    ObjectNode out = json.apiKey(issued.entry());
    out.put("key", issued.key());
    return Response.created(
            UriBuilder.fromPath("/api/v1/admin/api-keys/{id}").build(issued.entry().id()))
        .type(MediaType.APPLICATION_JSON_TYPE)
        .header(HttpHeaders.CACHE_CONTROL, "no-store")
        .entity(out.toString())
        .build();
  }

  @GET
  @Path("{id}")
  public String get(@PathParam("id") String id, @Context ContainerRequestContext context) {
    Caller.of(context).checkPlatformAdmin();
    UserAdminJson.refusing("id", () -> AuthNames.apiKeyId(id));
    ApiKeyEntry key =
        admin.apiKeys().stream()
            .filter(k -> k.id().equals(id))
            .findFirst()
            .orElseThrow(() -> ApiException.notFound("API key '" + id + "' not found"));
    return json.apiKey(key).toString();
  }

  @DELETE
  @Path("{id}")
  public Response revoke(@PathParam("id") String id, @Context ContainerRequestContext context) {
    Caller caller = Caller.of(context);
    caller.checkPlatformAdmin();
    ApiKeyEntry revoked = UserAdminJson.refusing("id", () -> admin.revokeApiKey(id));
    LOG.info("users: {} revoked API key {} of '{}'", caller.principal().user(), id, revoked.user());
    return Response.noContent().build();
  }
}
