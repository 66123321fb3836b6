package io.tributary.server.search;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tributary.catalog.Entity;
import io.tributary.catalog.Guid;
import io.tributary.search.CatalogSearch;
import io.tributary.search.ask.Answer;
import io.tributary.server.api.Views;
import io.tributary.server.problem.ApiException;
import io.tributary.server.problem.Problem;
import io.tributary.server.problem.ProblemTypes;
import java.util.Collection;
import java.util.Optional;

/** The JSON of answers, summaries and insights: entities as short references. */
final class SearchViews {
  private SearchViews() {}

  static ObjectNode ref(Views views, Entity e) {
    ObjectNode out = views.object();
    out.put("guid", e.guid().value());
    out.put("typeName", e.typeName());
    out.put("qualifiedName", e.qualifiedName());
    out.put("name", e.name());
    return out;
  }

  static ArrayNode refs(Views views, Collection<Entity> entities) {
    ArrayNode out = views.mapper().createArrayNode();
    entities.forEach(e -> out.add(ref(views, e)));
    return out;
  }

  static ObjectNode answer(Views views, Answer a) {
    ObjectNode out = views.object();
    out.put("question", a.question());
    out.put("intent", a.intent().label());
    out.set("entities", refs(views, a.entities()));
    out.put("answer", a.answer());
    out.set("results", refs(views, a.results()));
    if (a.graph() == null) {
      out.putNull("graph");
    } else {
      ObjectNode graph = out.putObject("graph");
      ArrayNode nodes = refs(views, a.graph().nodes());
      for (Guid g : a.graph().redacted()) {
        nodes.addObject().put("guid", g.value()).put("redacted", true);
      }
      graph.set("nodes", nodes);
      graph.set("edges", views.edges(a.graph().edges()));
    }
    out.put("query", a.query());
    out.set("candidates", refs(views, a.candidates()));
    return out;
  }

  /** The engine, or a 503 problem when the server runs without one. */
  static CatalogSearch require(Optional<CatalogSearch> search) {
    return search.orElseThrow(
        () ->
            new ApiException(
                Problem.of(
                    503,
                    ProblemTypes.UNAVAILABLE,
                    "Service Unavailable",
                    "Search is off on this server (search.enabled = false)")));
  }
}
