package io.tributary.server.api;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tributary.catalog.Catalog;
import io.tributary.catalog.EntityNotFoundException;
import io.tributary.catalog.Guid;
import io.tributary.catalog.ImpactEntry;
import io.tributary.catalog.LineageQuery;
import io.tributary.server.problem.ApiException;
import io.tributary.server.security.Caller;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Objects;

/** {@code GET /api/v1/impact/{guid}}: everything downstream of an entity, nearest first. */
@Path("/api/v1/impact")
@Produces(MediaType.APPLICATION_JSON)
public final class ImpactResource {
  private static final int DEFAULT_DEPTH = 5;

  private final Catalog catalog;
  private final Views views;

  public ImpactResource(Catalog catalog, Views views) {
    this.catalog = Objects.requireNonNull(catalog, "catalog");
    this.views = Objects.requireNonNull(views, "views");
  }

  @GET
  @Path("{guid}")
  public String impact(
      @PathParam("guid") String guidText,
      @QueryParam("depth") String depthText,
      @QueryParam("fields") String fields,
      @Context ContainerRequestContext context) {
    Guid guid = Params.guid("guid", guidText);
    int depth = Params.integer("depth", depthText, DEFAULT_DEPTH, 1, LineageQuery.MAX_DEPTH);
    // fields=guid: distances and guids only, for a client that holds the entities already (the
    // explorer colouring a graph it shows): a fifth of the bytes at 5,000 entities.
    boolean guidsOnly = "guid".equals(fields);
    if (fields != null && !guidsOnly) {
      throw ApiException.badParameter("fields", "'guid' or absent");
    }
    Caller caller = Caller.of(context);
    if (catalog.get(guid, caller.read()).isEmpty()) {
      throw new EntityNotFoundException(guid.value());
    }
    List<ImpactEntry> entries = catalog.impact(guid, depth, caller.lineage());
    ObjectNode out = views.object();
    out.put("start", guid.value());
    out.put("depth", depth);
    ArrayNode list = out.putArray("entries");
    for (ImpactEntry e : entries) {
      ObjectNode entry = list.addObject().put("distance", e.distance());
      if (guidsOnly) {
        entry.put("guid", e.entity().guid().value());
      } else {
        entry.set("entity", views.entity(e.entity()));
      }
    }
    return out.toString();
  }
}
