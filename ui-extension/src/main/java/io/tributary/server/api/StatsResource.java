package io.tributary.server.api;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tributary.catalog.Catalog;
import io.tributary.catalog.Types;
import io.tributary.ingest.GroupCommitter;
import io.tributary.server.security.Caller;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/** {@code GET /api/v1/stats}: entities counted by type, the feed position and the ingest queue. */
@Path("/api/v1/stats")
@Produces(MediaType.APPLICATION_JSON)
public final class StatsResource {
  private final Catalog catalog;
  private final GroupCommitter committer;
  private final Views views;

  public StatsResource(Catalog catalog, GroupCommitter committer, Views views) {
    this.catalog = Objects.requireNonNull(catalog, "catalog");
    this.committer = Objects.requireNonNull(committer, "committer");
    this.views = Objects.requireNonNull(views, "views");
  }

  @GET
  public String stats(@Context ContainerRequestContext context) {
    Caller caller = Caller.of(context);
    // Tenants the caller reads whole are counted without reading their entities.
    Map<String, Long> counts = new TreeMap<>(catalog.countByType(caller::mayRead, caller.read()));
    counts.keySet().removeIf(Types::isPrivate);
    ObjectNode out = views.object();
    ObjectNode byType = out.putObject("entitiesByType");
    counts.forEach(byType::put);
    out.put("entities", counts.values().stream().mapToLong(Long::longValue).sum());
    out.put("lastSequence", catalog.changes().lastSequence(caller::mayRead));
    out.put("ingestQueueDepth", committer.queueDepth());
    return out.toString();
  }
}
