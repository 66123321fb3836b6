package io.tributary.search.ask;

import io.tributary.catalog.Entity;
import io.tributary.catalog.Guid;
import io.tributary.catalog.LineageEdge;
import java.util.List;
import java.util.Set;

/**
 * The answer to a question.
 *
 * @param entities the entities the question named, resolved
 * @param answer one or two sentences
 * @param results the entities that answer it, best or nearest first
 * @param graph for lineage answers, the subgraph they come from; else null
 * @param query the structured query that was run, for the reader to check or rerun
 * @param candidates when a name was ambiguous: the entities it could mean, best first
 */
public record Answer(
    String question,
    Intent intent,
    List<Entity> entities,
    String answer,
    List<Entity> results,
    Graph graph,
    String query,
    List<Entity> candidates) {
  public Answer {
    entities = List.copyOf(entities);
    results = List.copyOf(results);
    candidates = List.copyOf(candidates);
  }

  /**
   * A lineage subgraph.
   *
   * @param redacted nodes on a path the caller may not see: shown without name or type
   */
  public record Graph(List<Entity> nodes, List<LineageEdge> edges, Set<Guid> redacted) {
    public Graph {
      nodes = List.copyOf(nodes);
      edges = List.copyOf(edges);
      redacted = Set.copyOf(redacted);
    }
  }
}
