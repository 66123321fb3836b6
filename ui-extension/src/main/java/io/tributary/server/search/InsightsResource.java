package io.tributary.server.search;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tributary.search.CatalogSearch;
import io.tributary.search.insights.Insight;
import io.tributary.server.api.Views;
import io.tributary.server.security.Caller;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import java.util.Objects;
import java.util.Optional;

/** {@code GET /api/v1/insights}: notable facts about what the caller may see, in sentences. */
@Path("/api/v1/insights")
@Produces(MediaType.APPLICATION_JSON)
public final class InsightsResource {
  private final Optional<CatalogSearch> search;
  private final Views views;

  public InsightsResource(Optional<CatalogSearch> search, Views views) {
    this.search = Objects.requireNonNull(search, "search");
    this.views = Objects.requireNonNull(views, "views");
  }

  @GET
  public String insights(@Context ContainerRequestContext context) {
    Caller caller = Caller.of(context);
    CatalogSearch engine = SearchViews.require(search);
    ObjectNode out = views.object();
    ArrayNode list = out.putArray("insights");
    for (Insight i : engine.insights().list(caller.read(), caller.lineage())) {
      ObjectNode item = list.addObject();
      item.put("kind", i.kind());
      item.put("text", i.text());
      if (i.time() == null) {
        item.putNull("time");
      } else {
        item.put("time", i.time().toString());
      }
      item.set("links", SearchViews.refs(views, i.links()));
    }
    return out.toString();
  }
}
