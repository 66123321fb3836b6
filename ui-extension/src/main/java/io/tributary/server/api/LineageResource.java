package io.tributary.server.api;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tributary.catalog.Catalog;
import io.tributary.catalog.Direction;
import io.tributary.catalog.Entity;
import io.tributary.catalog.EntityNotFoundException;
import io.tributary.catalog.Guid;
import io.tributary.catalog.LineageGraph;
import io.tributary.catalog.LineageLevel;
import io.tributary.catalog.LineagePath;
import io.tributary.catalog.LineageQuery;
import io.tributary.catalog.Visibility;
import io.tributary.server.ingest.LineageIngest;
import io.tributary.server.problem.ApiException;
import io.tributary.server.security.Caller;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.AsyncResponse;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.Suspended;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.InputStream;
import java.time.Duration;
import java.util.Comparator;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * {@code /api/v1/lineage}: OpenLineage ingest ({@code POST}, {@code POST batch}) and lineage reads
 * ({@code GET {guid}}, {@code GET path}). One class because JAX-RS picks one root resource per path
 * before it looks at methods.
 */
@Path("/api/v1/lineage")
public final class LineageResource {
  private static final int DEFAULT_DEPTH = 3;
  private static final int DEFAULT_PATH_DEPTH = 10;

  private final LineageIngest ingest;
  private final Catalog catalog;
  private final Views views;
  private final Duration commitTimeout;

  public LineageResource(
      LineageIngest ingest, Catalog catalog, Views views, Duration commitTimeout) {
    this.ingest = Objects.requireNonNull(ingest, "ingest");
    this.catalog = Objects.requireNonNull(catalog, "catalog");
    this.views = Objects.requireNonNull(views, "views");
    this.commitTimeout = Objects.requireNonNull(commitTimeout, "commitTimeout");
  }

  @POST
  public void post(
      @BeanParam IngestParams params, InputStream body, @Suspended AsyncResponse async) {
    resumeWhenDone(async, ingest.one(params.request(body)));
  }

  @POST
  @Path("batch")
  public void postBatch(
      @BeanParam IngestParams params, InputStream body, @Suspended AsyncResponse async) {
    resumeWhenDone(async, ingest.batch(params.request(body)));
  }

  private void resumeWhenDone(AsyncResponse async, CompletableFuture<Response> response) {
    async.setTimeout(commitTimeout.toMillis(), TimeUnit.MILLISECONDS);
    async.setTimeoutHandler(
        r ->
            r.resume(
                new ApiException(
                    io.tributary.server.problem.Problem.of(
                        503,
                        io.tributary.server.problem.ProblemTypes.UNAVAILABLE,
                        "Commit timed out",
                        "The catalog did not commit within "
                            + commitTimeout.toSeconds()
                            + " s; retry (ingest is idempotent)"),
                    java.util.Map.of(HttpHeaders.RETRY_AFTER, "5"))));
    response.whenComplete(
        (ok, error) -> {
          if (error != null) {
            async.resume(error);
          } else {
            async.resume(ok);
          }
        });
  }

  @GET
  @Path("path")
  @Produces(MediaType.APPLICATION_JSON)
  public String path(
      @QueryParam("from") String fromText,
      @QueryParam("to") String toText,
      @QueryParam("maxDepth") String maxDepthText,
      @Context ContainerRequestContext context) {
    Guid from = Params.guid("from", fromText);
    Guid to = Params.guid("to", toText);
    int maxDepth =
        Params.integer("maxDepth", maxDepthText, DEFAULT_PATH_DEPTH, 1, LineageQuery.MAX_DEPTH);
    Caller caller = Caller.of(context);
    requireExists(from, caller.read());
    requireExists(to, caller.read());
    // A path is asked for between two entities, whichever was picked first: downstream from the
    // first, else downstream from the second, which is the same path read the other way.
    Optional<LineagePath> forward = catalog.path(from, to, maxDepth, caller.lineage());
    boolean reversed = forward.isEmpty();
    LineagePath path =
        forward
            .or(() -> catalog.path(to, from, maxDepth, caller.lineage()))
            .orElseThrow(
                () ->
                    ApiException.notFound(
                        "No lineage path between "
                            + from
                            + " and "
                            + to
                            + " in either direction within "
                            + maxDepth
                            + " hops"));
    ObjectNode out = views.object();
    out.put("from", (reversed ? to : from).value());
    out.put("to", (reversed ? from : to).value());
    out.put("reversed", reversed);
    var guids = out.putArray("guids");
    path.guids().forEach(g -> guids.add(g.value()));
    out.set("nodes", views.entities(path.visible()));
    out.set("edges", views.edges(path.edges()));
    return out.toString();
  }

  @GET
  @Path("{guid}")
  @Produces(MediaType.APPLICATION_JSON)
  public String lineage(
      @PathParam("guid") String guidText,
      @QueryParam("direction") String directionText,
      @QueryParam("depth") String depthText,
      @QueryParam("level") String levelText,
      @Context ContainerRequestContext context) {
    Guid guid = Params.guid("guid", guidText);
    Direction direction = Params.direction("direction", directionText, Direction.BOTH);
    int depth = Params.integer("depth", depthText, DEFAULT_DEPTH, 0, LineageQuery.MAX_DEPTH);
    LineageLevel level = Params.level("level", levelText);
    Caller caller = Caller.of(context);
    requireExists(guid, caller.read());
    LineageGraph graph =
        catalog.lineage(new LineageQuery(guid, direction, depth, level), caller.lineage());
    ObjectNode out = views.object();
    out.put("start", guid.value());
    out.put("direction", direction.name());
    out.put("depth", depth);
    out.put("level", level.name());
    var nodes = out.putArray("nodes");
    graph.entities().values().stream()
        .sorted(
            Comparator.comparing((Entity e) -> graph.distances().getOrDefault(e.guid(), 0))
                .thenComparing(Entity::typeName)
                .thenComparing(Entity::qualifiedName))
        .forEach(
            e ->
                nodes.add(
                    views.entity(e).put("distance", graph.distances().getOrDefault(e.guid(), 0))));
    out.set("edges", views.edges(graph.edges()));
    var redacted = out.putArray("redacted");
    graph.redacted().stream().map(Guid::value).sorted().forEach(redacted::add);
    var distances = out.putObject("distances");
    graph.distances().entrySet().stream()
        .sorted(java.util.Map.Entry.comparingByKey(Comparator.comparing(Guid::value)))
        .forEach(e -> distances.put(e.getKey().value(), e.getValue()));
    if (!graph.degrees().isEmpty()) {
      var degrees = out.putObject("degrees");
      graph.degrees().entrySet().stream()
          .sorted(java.util.Map.Entry.comparingByKey(Comparator.comparing(Guid::value)))
          .forEach(
              e ->
                  degrees
                      .putObject(e.getKey().value())
                      .put("upstream", e.getValue().upstream())
                      .put("downstream", e.getValue().downstream()));
    }
    return out.toString();
  }

  private void requireExists(Guid guid, Visibility visibility) {
    if (catalog.get(guid, visibility).isEmpty()) {
      throw new EntityNotFoundException(guid.value());
    }
  }
}
