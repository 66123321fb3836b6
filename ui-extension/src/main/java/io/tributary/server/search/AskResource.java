package io.tributary.server.search;

import io.tributary.search.CatalogSearch;
import io.tributary.server.api.Params;
import io.tributary.server.api.Views;
import io.tributary.server.problem.ApiException;
import io.tributary.server.security.Caller;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import java.util.Objects;
import java.util.Optional;

/** {@code GET /api/v1/ask?q=}: a question in English, answered from the catalog. */
@Path("/api/v1/ask")
@Produces(MediaType.APPLICATION_JSON)
public final class AskResource {
  private static final int MAX_QUESTION = 500;

  private final Optional<CatalogSearch> search;
  private final Views views;

  public AskResource(Optional<CatalogSearch> search, Views views) {
    this.search = Objects.requireNonNull(search, "search");
    this.views = Objects.requireNonNull(views, "views");
  }

  @GET
  public String ask(@QueryParam("q") String qText, @Context ContainerRequestContext context) {
    String q = Params.text("q", qText, MAX_QUESTION);
    if (q == null) {
      throw ApiException.badParameter("q", "is required: a question, such as 'who reads orders'");
    }
    Caller caller = Caller.of(context);
    CatalogSearch engine = SearchViews.require(search);
    return SearchViews.answer(
            views, engine.questions().ask(q, caller.read(), caller.lineage(), caller::mayRead))
        .toString();
  }
}
