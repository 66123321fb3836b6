package io.tributary.server.api;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tributary.catalog.Catalog;
import io.tributary.catalog.SearchQuery;
import io.tributary.catalog.SearchResult;
import io.tributary.catalog.types.TypeRegistry;
import io.tributary.contract.TenantId;
import io.tributary.search.CatalogSearch;
import io.tributary.search.index.IndexFilter;
import io.tributary.search.index.Ranked;
import io.tributary.search.index.SearchMode;
import io.tributary.server.problem.ApiException;
import io.tributary.server.problem.Problem;
import io.tributary.server.problem.ProblemTypes;
import io.tributary.server.security.Caller;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * {@code GET /api/v1/search}: text search ({@code mode} keyword, semantic or hybrid, the default
 * when the search index is on) or the catalog's name-prefix search ({@code mode=prefix}, and always
 * when the index is off), filtered by type, classification and tenant.
 */
@Path("/api/v1/search")
@Produces(MediaType.APPLICATION_JSON)
public final class SearchResource {
  private static final int DEFAULT_LIMIT = 25;

  private final Catalog catalog;
  private final TypeRegistry types;
  private final Views views;
  private final Optional<CatalogSearch> search;

  public SearchResource(
      Catalog catalog, TypeRegistry types, Views views, Optional<CatalogSearch> search) {
    this.catalog = Objects.requireNonNull(catalog, "catalog");
    this.types = Objects.requireNonNull(types, "types");
    this.views = Objects.requireNonNull(views, "views");
    this.search = Objects.requireNonNull(search, "search");
  }

  @GET
  public String search(
      @QueryParam("q") String qText,
      @QueryParam("type") String typeText,
      @QueryParam("classification") String classificationText,
      @QueryParam("tenant") String tenantText,
      @QueryParam("limit") String limitText,
      @QueryParam("offset") String offsetText,
      @QueryParam("mode") String modeText,
      @Context ContainerRequestContext context) {
    String q = Params.text("q", qText, 1024);
    String mode = Params.text("mode", modeText, 32);
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
    if (mode != null && !mode.equalsIgnoreCase("prefix")) {
      try {
        SearchMode.parse(mode);
      } catch (IllegalArgumentException e) {
        throw ApiException.badParameter("mode", e.getMessage() + " or prefix");
      }
      if (search.isEmpty()) {
        throw new ApiException(
            Problem.of(
                503,
                ProblemTypes.UNAVAILABLE,
                "Service Unavailable",
                "Search is off on this server (search.enabled = false): use mode=prefix"));
      }
    }
    boolean prefix = q == null || search.isEmpty() || "prefix".equalsIgnoreCase(mode);
    if (!prefix) {
      SearchMode textMode = mode == null ? SearchMode.HYBRID : SearchMode.parse(mode);
      IndexFilter filter =
          new IndexFilter(
              tenant,
              type == null ? java.util.Set.of() : types.withSubtypes(type),
              classification,
              null);
      List<Ranked> ranked =
          search
              .get()
              .search()
              .search(q, textMode, filter, Caller.of(context).read(), offset + limit);
      ObjectNode out = views.object();
      com.fasterxml.jackson.databind.node.ArrayNode entities = out.putArray("entities");
      for (Ranked r :
          ranked.subList(
              Math.min(offset, ranked.size()), Math.min(offset + limit, ranked.size()))) {
        entities.add(views.entity(r.entity()).put("score", r.score()));
      }
      out.put("total", ranked.size());
      out.put("limit", limit);
      out.put("offset", offset);
      out.put("mode", textMode.name().toLowerCase(java.util.Locale.ROOT));
      return out.toString();
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
    out.put("mode", "prefix");
    return out.toString();
  }
}
