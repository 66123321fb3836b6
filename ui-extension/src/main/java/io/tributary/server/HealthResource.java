package io.tributary.server;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tributary.ranger.TributaryAuthorizer;
import io.tributary.server.security.Caller;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Locale;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.BooleanSupplier;

/**
 * {@code GET /health}, for anyone: 200 {@code {"status":"UP"}} while the server accepts events, 503
 * {@code {"status":"DOWN"}} else, and nothing more.
 */
@Path("/health")
public final class HealthResource {
  private final BooleanSupplier accepting;
  private final ObjectMapper json;

  public HealthResource(BooleanSupplier accepting, ObjectMapper json) {
    this.accepting = Objects.requireNonNull(accepting, "accepting");
    this.json = Objects.requireNonNull(json, "json");
  }

  @GET
  @Produces(MediaType.APPLICATION_JSON)
  public Response health() {
    boolean up = accepting.getAsBoolean();
    return respond(up, json.createObjectNode().put("status", up ? "UP" : "DOWN"));
  }

  private static Response respond(boolean up, ObjectNode body) {
    return Response.status(up ? 200 : 503).entity(body.toString()).build();
  }

  /**
   * {@code GET /api/v1/health}, for platform administrators: the status, with the version of the
   * access policies in force and, with local policy files, the files in force and those rejected
   * (their last good content stays in force). File names and reasons name tenants and shares, hence
   * not on the public {@code /health}.
   */
  @Path("/api/v1/health")
  public static final class Details {
    private final BooleanSupplier accepting;
    private final TributaryAuthorizer authorizer;
    private final ObjectMapper json;

    public Details(BooleanSupplier accepting, TributaryAuthorizer authorizer, ObjectMapper json) {
      this.accepting = Objects.requireNonNull(accepting, "accepting");
      this.authorizer = Objects.requireNonNull(authorizer, "authorizer");
      this.json = Objects.requireNonNull(json, "json");
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Response health(@Context ContainerRequestContext context) {
      Caller.of(context).checkPlatformAdmin();
      boolean up = accepting.getAsBoolean();
      ObjectNode out = json.createObjectNode().put("status", up ? "UP" : "DOWN");
      ObjectNode policy = out.putObject("policy");
      policy.put("source", authorizer.config().source().name().toLowerCase(Locale.ROOT));
      policy.put("version", authorizer.policyVersion());
      authorizer
          .policyFiles()
          .ifPresent(
              files -> {
                policy.set("files", json.valueToTree(new TreeMap<>(files.files())));
                policy.set("rejected", json.valueToTree(new TreeMap<>(files.rejected())));
              });
      return respond(up, out);
    }
  }
}
