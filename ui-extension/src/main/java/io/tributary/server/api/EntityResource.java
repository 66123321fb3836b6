package io.tributary.server.api;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tributary.catalog.Catalog;
import io.tributary.catalog.Direction;
import io.tributary.catalog.Entity;
import io.tributary.catalog.EntityKey;
import io.tributary.catalog.EntityNotFoundException;
import io.tributary.catalog.Guid;
import io.tributary.catalog.SearchQuery;
import io.tributary.catalog.SearchResult;
import io.tributary.catalog.Visibility;
import io.tributary.catalog.types.TypeRegistry;
import io.tributary.contract.TenantId;
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
import java.util.Map;
import java.util.Objects;

/** {@code /api/v1/entities}: one entity by guid, entities by type and key, related entities. */
@Path("/api/v1/entities")
@Produces(MediaType.APPLICATION_JSON)
public final class EntityResource {
  static final int DEFAULT_LIMIT = 100;

  private final Catalog catalog;
  private final TypeRegistry types;
  private final Views views;

  public EntityResource(Catalog catalog, TypeRegistry types, Views views) {
    this.catalog = Objects.requireNonNull(catalog, "catalog");
    this.types = Objects.requireNonNull(types, "types");
    this.views = Objects.requireNonNull(views, "views");
  }

  @GET
  @Path("{guid}")
  public String get(@PathParam("guid") String guidText, @Context ContainerRequestContext context) {
    Guid guid = Params.guid("guid", guidText);
    Entity entity =
        catalog
            .get(guid, Caller.of(context).read())
            .orElseThrow(() -> new EntityNotFoundException(guid.value()));
    return views.entity(entity).toString();
  }

  /**
   * With {@code type} and {@code qualifiedName}: the one entity of that key (in {@code tenant},
   * default the caller's home tenant). Otherwise a page of entities, filtered by type and tenant if
   * given.
   */
  @GET
  public String find(
      @QueryParam("type") String typeText,
      @QueryParam("qualifiedName") String qualifiedNameText,
      @QueryParam("tenant") String tenantText,
      @QueryParam("limit") String limitText,
      @QueryParam("offset") String offsetText,
      @Context ContainerRequestContext context) {
    Caller caller = Caller.of(context);
    String type = Params.text("type", typeText, 256);
    String qualifiedName = Params.text("qualifiedName", qualifiedNameText, 4096);
    TenantId tenant = Params.tenant("tenant", tenantText);
    int limit = Params.integer("limit", limitText, DEFAULT_LIMIT, 1, SearchQuery.MAX_LIMIT);
    int offset = Params.integer("offset", offsetText, 0, 0, Integer.MAX_VALUE);
    if (type != null && !types.hasEntityType(type)) {
      throw ApiException.badParameter("type", "'" + type + "' is not a known entity type");
    }
    ObjectNode out = views.object();
    if (qualifiedName != null) {
      if (type == null) {
        throw ApiException.badParameter("type", "is required with qualifiedName");
      }
      EntityKey key =
          new EntityKey(tenant == null ? caller.principal().tenant() : tenant, type, qualifiedName);
      List<Entity> found = catalog.get(key, caller.read()).stream().toList();
      out.set("entities", views.entities(found));
      out.put("total", found.size());
      return out.toString();
    }
    SearchResult result =
        catalog.search(
            new SearchQuery(null, type, null, tenant, Map.of(), limit, offset), caller.read());
    out.set("entities", views.entities(result.entities()));
    out.put("total", result.total());
    out.put("limit", limit);
    out.put("offset", offset);
    return out.toString();
  }

  @GET
  @Path("{guid}/related/{relationshipType}")
  public String related(
      @PathParam("guid") String guidText,
      @PathParam("relationshipType") String relationshipType,
      @QueryParam("direction") String directionText,
      @Context ContainerRequestContext context) {
    Visibility visibility = Caller.of(context).read();
    Guid guid = Params.guid("guid", guidText);
    if (!types.hasRelationshipType(relationshipType)) {
      throw ApiException.badParameter(
          "relationshipType", "'" + relationshipType + "' is not a known relationship type");
    }
    Direction direction = Params.direction("direction", directionText, Direction.BOTH);
    if (catalog.get(guid, visibility).isEmpty()) {
      throw new EntityNotFoundException(guid.value());
    }
    List<Entity> related = catalog.related(guid, relationshipType, direction, visibility);
    ObjectNode out = views.object();
    out.put("guid", guid.value());
    out.put("relationshipType", relationshipType);
    out.put("direction", direction.name());
    out.set("entities", views.entities(related));
    return out.toString();
  }
}
