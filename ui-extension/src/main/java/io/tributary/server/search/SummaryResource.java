package io.tributary.server.search;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tributary.catalog.EntityNotFoundException;
import io.tributary.catalog.Guid;
import io.tributary.search.CatalogSearch;
import io.tributary.search.summary.Summary;
import io.tributary.server.api.Params;
import io.tributary.server.api.Views;
import io.tributary.server.security.Caller;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import java.util.Objects;
import java.util.Optional;

/**
 * {@code GET /api/v1/entities/{guid}/summary}: a generated description of a dataset or job, beside
 * (never instead of) the description a person wrote.
 */
@Path("/api/v1/entities/{guid}/summary")
@Produces(MediaType.APPLICATION_JSON)
public final class SummaryResource {
  private final Optional<CatalogSearch> search;
  private final Views views;

  public SummaryResource(Optional<CatalogSearch> search, Views views) {
    this.search = Objects.requireNonNull(search, "search");
    this.views = Objects.requireNonNull(views, "views");
  }

  @GET
  public String summary(
      @PathParam("guid") String guidText, @Context ContainerRequestContext context) {
    Guid guid = Params.guid("guid", guidText);
    Caller caller = Caller.of(context);
    CatalogSearch engine = SearchViews.require(search);
    Summary s =
        engine
            .summarizer()
            .summarize(guid, caller.read())
            .orElseThrow(() -> new EntityNotFoundException(guid.value()));
    ObjectNode out = views.object();
    out.put("guid", guid.value());
    out.put("summary", s.text());
    if (s.description() == null) {
      out.putNull("description");
    } else {
      out.put("description", s.description());
    }
    out.set("facts", views.mapper().valueToTree(new java.util.TreeMap<>(s.facts())));
    out.set("related", SearchViews.refs(views, s.related()));
    return out.toString();
  }
}
