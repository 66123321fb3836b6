package io.tributary.server.users;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tributary.ranger.auth.ApiKeyEntry;
import io.tributary.ranger.auth.AuthNames;
import io.tributary.ranger.auth.UserAdmin;
import io.tributary.ranger.auth.UserEntry;
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
import jakarta.ws.rs.core.UriBuilder;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code /api/v1/admin/users}: the users of the users file, for platform administrators. A user is
 * {@code {"name", "groups", "roles", "tenant"}}; its password hash never leaves the server.
 * Removing a user also revokes the API keys that act as it.
 */
@Path("/api/v1/admin/users")
@Produces(MediaType.APPLICATION_JSON)
public final class UsersResource {
  private static final Logger LOG = LoggerFactory.getLogger(UsersResource.class);
  private static final Set<String> CREATE = Set.of("name", "password", "groups", "roles", "tenant");
  private static final Set<String> PASSWORD = Set.of("password");

  private final UserAdmin admin;
  private final UserAdminJson json;

  public UsersResource(UserAdmin admin, ObjectMapper mapper) {
    this.admin = Objects.requireNonNull(admin, "admin");
    this.json = new UserAdminJson(mapper);
  }

  @GET
  public String list(@Context ContainerRequestContext context) {
    Caller.of(context).checkPlatformAdmin();
    ObjectNode out = json.object();
    ArrayNode users = out.putArray("users");
    admin.users().forEach(u -> users.add(json.user(u)));
    return out.toString();
  }

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  public Response create(String body, @Context ContainerRequestContext context) {
    Caller caller = Caller.of(context);
    caller.checkPlatformAdmin();
    JsonNode request = json.parse(body, CREATE);
    String name = UserAdminJson.required(request, "name");
    char[] password = UserAdminJson.required(request, "password").toCharArray();
    try {
      UserEntry user =
          UserAdminJson.refusing(
              "body",
              () ->
                  admin.addUser(
                      name,
                      password,
                      UserAdminJson.strings(request, "groups"),
                      UserAdminJson.strings(request, "roles"),
                      UserAdminJson.tenant(request)));
      LOG.info("users: {} added user '{}'", caller.principal().user(), name);
      return Response.created(UriBuilder.fromPath("/api/v1/admin/users/{name}").build(user.name()))
          .type(MediaType.APPLICATION_JSON_TYPE)
          .entity(json.user(user).toString())
          .build();
    } finally {
      Arrays.fill(password, '\0');
    }
  }

  @GET
  @Path("{name}")
  public String get(@PathParam("name") String name, @Context ContainerRequestContext context) {
    Caller.of(context).checkPlatformAdmin();
    UserEntry user =
        UserAdminJson.refusing("name", () -> admin.user(name))
            .orElseThrow(() -> ApiException.notFound("User '" + name + "' not found"));
    return json.user(user).toString();
  }

  @PUT
  @Path("{name}/password")
  @Consumes(MediaType.APPLICATION_JSON)
  public Response password(
      @PathParam("name") String name, String body, @Context ContainerRequestContext context) {
    Caller caller = Caller.of(context);
    caller.checkPlatformAdmin();
    name(name);
    char[] password = UserAdminJson.required(json.parse(body, PASSWORD), "password").toCharArray();
    try {
      UserAdminJson.refusing(
          "body",
          () -> {
            admin.changePassword(name, password);
            return null;
          });
    } finally {
      Arrays.fill(password, '\0');
    }
    LOG.info("users: {} changed the password of '{}'", caller.principal().user(), name);
    return Response.noContent().build();
  }

  @DELETE
  @Path("{name}")
  public String delete(@PathParam("name") String name, @Context ContainerRequestContext context) {
    Caller caller = Caller.of(context);
    caller.checkPlatformAdmin();
    name(name);
    List<ApiKeyEntry> revoked = UserAdminJson.refusing("name", () -> admin.removeUser(name));
    LOG.info(
        "users: {} removed user '{}' and {} API keys acting as it",
        caller.principal().user(),
        name,
        revoked.size());
    ObjectNode out = json.object();
    out.put("name", name);
    ArrayNode ids = out.putArray("revokedApiKeys");
    revoked.forEach(k -> ids.add(k.id()));
    return out.toString();
  }

  /** A path's user name, checked before anything else so that a bad one is 400 rather than 404. */
  private static void name(String name) {
    UserAdminJson.refusing("name", () -> AuthNames.user(name));
  }
}
