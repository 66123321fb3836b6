package io.tributary.server.api;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tributary.catalog.Catalog;
import io.tributary.catalog.SearchQuery;
import io.tributary.catalog.SearchResult;
import io.tributary.catalog.types.TypeRegistry;
import io.tributary.contract.TenantId;
import io.tributary.server.problem.ApiException;
import io.tributary.server.security.Caller;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import java.util.Map;
import java.util.Objects;

/** {@code GET /api/v1/search}: basic search by name prefix, type, classification and tenant. */
@Path("/api/v1/search")
@Produces(MediaType.APPLICATION_JSON)
public final class SearchResource {
  private static final int DEFAULT_LIMIT = 25;

  private final Catalog catalog;
  private final TypeRegistry types;
  private final Views views;

  public SearchResource(Catalog catalog, TypeRegistry types, Views views) {
    this.catalog = Objects.requireNonNull(catalog, "catalog");
    this.types = Objects.requireNonNull(types, "types");
    this.views = Objects.requireNonNull(views, "views");
  }

  @GET
  public String search(
      @QueryParam("q") String qText,
      @QueryParam("type") String typeText,
      @QueryParam("classification") String classificationText,
      @QueryParam("tenant") String tenantText,
      @QueryParam("limit") String limitText,
      @QueryParam("offset") String offsetText,
      @Context ContainerRequestContext context) {
    String q = Params.text("q", qText, 1024);
    String type = Params.text("type", typeText, 256);
    String classification = Params.text("classification", classificationText, 256);
    TenantId tenant = Params.tenant("tenant", tenantText);
    int limit = Params.integer("limit", limitText, DEFAULT_LIMIT, 1, SearchQuery.MAX_LIMIT);
    int offset = Params.integer("offset", offsetText, 0, 0, Integer.MAX_VALUE);
    if (type != null && !types.hasEntityType(type)) {
      throw ApiException.badParameter("type", "'" + type + "' is not a known entity type");
    }
    if (classification != null && !types.hasClassification(classification)) {
      throw ApiException.badParameter(
          "classification", "'" + classification + "' is not a known classification");
    }
    SearchResult result =
        catalog.search(
            new SearchQuery(q, type, classification, tenant, Map.of(), limit, offset),
            Caller.of(context).read());
    ObjectNode out = views.object();
    out.set("entities", views.entities(result.entities()));
    out.put("total", result.total());
    out.put("limit", limit);
    out.put("offset", offset);
    return out.toString();
  }
}
